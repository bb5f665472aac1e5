package org.dsdl.app.sweep.results;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.app.sweep.SweepRun;

/**
 * {@code summary.csv}: per condition × metric × layer × checkpoint, the {@link SeedStatistics}
 * across the condition's seeds: {@code condition,KEY…,checkpoint,step,probe,metric,layer,label,n,missing,mean,sd,ci_low,ci_high}.
 * An event (a step at which something happened, e.g. an onset) is recorded by each run at its own
 * checkpoint, so events are summarised across seeds whatever their checkpoint: their checkpoint
 * and step cells are empty. Undefined statistics are empty cells.
 */
public final class SummaryCsv implements ResultsWriter {
  /** The file's name. */
  public static final String FILE = "summary.csv";

  @Override
  public List<Path> write(Path sweepDir, List<SweepRun> runs, List<ResultRow> rows) throws IOException {
    List<String> keys = Csv.settingKeys(runs);
    Map<String, SweepRun> conditions = new LinkedHashMap<>();
    runs.forEach(r -> conditions.putIfAbsent(r.condition(), r));
    List<SummaryRow> summary = SummaryRow.of(rows);
    Path target = sweepDir.resolve(FILE);
    OutputFiles.writeAtomically(target, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      StringBuilder header = new StringBuilder("condition");
      keys.forEach(k -> header.append(',').append(Csv.quote(k)));
      w.write(header.append(",checkpoint,step,probe,metric,layer,label,n,missing,mean,sd,ci_low,ci_high\n").toString());
      for (SummaryRow g : summary) {
        SweepRun any = conditions.get(g.condition());
        SeedStatistics s = g.stats();
        StringBuilder sb = new StringBuilder(Csv.quote(g.condition()));
        keys.forEach(k -> sb.append(',').append(Csv.value(any.settings().get(k))));
        sb.append(',').append(g.checkpoint() == null ? "" : g.checkpoint()).append(',').append(g.step() == null ? "" : g.step())
            .append(',').append(Csv.quote(g.probe())).append(',').append(Csv.quote(g.metric())).append(',').append(Csv.quote(g.layer()))
            .append(',').append(Csv.quote(g.label())).append(',').append(s.n()).append(',').append(s.missing())
            .append(',').append(cell(s.mean())).append(',').append(cell(s.sd())).append(',').append(cell(s.ciLow()))
            .append(',').append(cell(s.ciHigh())).append('\n');
        w.write(sb.toString());
      }
      w.flush();
    });
    return List.of(target);
  }

  private static String cell(double v) {
    return Double.isNaN(v) ? "" : Csv.number(v);
  }
}
