package org.dsdl.app.sweep.results;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.app.sweep.SweepRun;

/**
 * {@code results.csv}: the long table, one row per run × checkpoint × scalar measurement (and per
 * label of a per-label event), with a column per key the sweep varies:
 * {@code run,condition,KEY…,seed,checkpoint,step,epoch,probe,metric,layer,label,value}.
 */
public final class ResultsCsv implements ResultsWriter {
  /** The file's name. */
  public static final String FILE = "results.csv";

  @Override
  public List<Path> write(Path sweepDir, List<SweepRun> runs, List<ResultRow> rows) throws IOException {
    List<String> keys = Csv.settingKeys(runs);
    Path target = sweepDir.resolve(FILE);
    OutputFiles.writeAtomically(target, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      StringBuilder header = new StringBuilder("run,condition");
      keys.forEach(k -> header.append(',').append(Csv.quote(k)));
      w.write(header.append(",seed,checkpoint,step,epoch,probe,metric,layer,label,value\n").toString());
      for (ResultRow r : rows) {
        StringBuilder sb = new StringBuilder(Csv.quote(r.run().name())).append(',').append(Csv.quote(r.run().condition()));
        keys.forEach(k -> sb.append(',').append(Csv.value(r.run().settings().get(k))));
        sb.append(',').append(r.run().seed()).append(',').append(r.checkpoint()).append(',').append(r.step()).append(',')
            .append(Csv.number(r.epoch())).append(',').append(Csv.quote(r.probe())).append(',').append(Csv.quote(r.metric())).append(',')
            .append(Csv.quote(r.layer())).append(',').append(Csv.quote(r.label())).append(',').append(Csv.number(r.value())).append('\n');
        w.write(sb.toString());
      }
      w.flush();
    });
    return List.of(target);
  }
}
