package org.dsdl.visualizers.csv;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.viz.Visualizer;

/**
 * Writes {@code metrics.csv}: one row per scalar measurement, in recorded order, with the header
 * {@code checkpoint,step,epoch,probe,metric,layer,value} (RFC 4180 quoting; empty layer for
 * whole-network metrics). Vectors, matrices and graphs stay in {@code metrics.jsonl}.
 */
final class CsvVisualizer implements Visualizer {
  static final String FILE = "metrics.csv";
  static final String HEADER = "checkpoint,step,epoch,probe,metric,layer,value";

  @Override
  public List<Path> render(RunRecord run) throws IOException {
    Path target = run.directory().resolve(FILE);
    OutputFiles.writeAtomically(target, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write(HEADER);
      w.write('\n');
      for (Measurement m : run.measurements()) {
        if (m instanceof ScalarMeasurement s) {
          Checkpoint c = s.key().checkpoint();
          w.write(c.index() + "," + c.step() + "," + number(c.epoch()) + "," + quote(s.key().probe()) + ","
              + quote(s.key().metric()) + "," + quote(s.key().layer() == null ? "" : s.key().layer()) + "," + number(s.value()) + "\n");
        }
      }
      w.flush();
    });
    return List.of(target);
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
