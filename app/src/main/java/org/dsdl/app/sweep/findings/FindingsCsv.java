package org.dsdl.app.sweep.findings;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.app.sweep.SweepJournal;
import org.dsdl.app.sweep.SweepRun;
import org.dsdl.app.sweep.results.Csv;
import org.dsdl.app.sweep.results.ResultRow;
import org.dsdl.app.sweep.results.ResultsWriter;

/**
 * {@code findings.csv}: the findings across seeds, one row per condition × finding (topic and
 * subject), with a column per key the sweep varies:
 * {@code condition,KEY…,topic,subject,n,held,fraction,emerged,present_at_initialisation,not_distinguishable,not_reported,step_n,step_median,step_min,step_max}
 * (see {@link FindingAcrossSeeds}). Read from each completed run's {@code findings.json}; written
 * with its header alone when no run wrote one (no {@code findings} visualizer). Undefined numbers
 * are empty cells.
 */
public final class FindingsCsv implements ResultsWriter {
  /** The file's name. */
  public static final String FILE = "findings.csv";

  @Override
  public List<Path> write(Path sweepDir, List<SweepRun> runs, List<ResultRow> rows) throws IOException {
    List<FindingAcrossSeeds> found = SweepFindings.aggregate(runs, SweepFindings.collect(runs, r -> runDirectory(sweepDir, r)));
    List<String> keys = Csv.settingKeys(runs);
    Map<String, SweepRun> conditions = new LinkedHashMap<>();
    runs.forEach(r -> conditions.putIfAbsent(r.condition(), r));
    Path target = sweepDir.resolve(FILE);
    OutputFiles.writeAtomically(target, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      StringBuilder header = new StringBuilder("condition");
      keys.forEach(k -> header.append(',').append(Csv.quote(k)));
      w.write(header.append(",topic,subject,n,held,fraction,emerged,present_at_initialisation,not_distinguishable,not_reported")
          .append(",step_n,step_median,step_min,step_max\n").toString());
      for (FindingAcrossSeeds f : found) {
        SweepRun any = conditions.get(f.condition());
        StringBuilder sb = new StringBuilder(Csv.quote(f.condition()));
        keys.forEach(k -> sb.append(',').append(Csv.value(any.settings().get(k))));
        sb.append(',').append(Csv.quote(f.key().topic())).append(',').append(Csv.quote(f.key().subject())).append(',').append(f.n())
            .append(',').append(f.held()).append(',').append(cell(f.fraction())).append(',').append(f.emerged()).append(',')
            .append(f.presentAtInitialisation()).append(',').append(f.notDistinguishable()).append(',').append(f.notReported()).append(',')
            .append(f.stepN()).append(',').append(cell(f.stepMedian())).append(',').append(cell(f.stepMin())).append(',')
            .append(cell(f.stepMax())).append('\n');
        w.write(sb.toString());
      }
      w.flush();
    });
    return List.of(target);
  }

  /** A run's directory in the sweep directory. */
  static Path runDirectory(Path sweepDir, SweepRun run) {
    return sweepDir.resolve(SweepJournal.RUNS).resolve(run.name());
  }

  private static String cell(double v) {
    return Double.isNaN(v) ? "" : Csv.number(v);
  }
}
