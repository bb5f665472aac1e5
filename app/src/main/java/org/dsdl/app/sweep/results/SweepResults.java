package org.dsdl.app.sweep.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.MeasurementKey;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.measure.VectorMeasurement;
import org.dsdl.api.probe.MetricRole;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.rundir.RunDirectory;
import org.dsdl.app.rundir.RunRecordReader;
import org.dsdl.app.sweep.SweepRun;

/**
 * The long table of a sweep: every scalar measurement of every completed run, and each label of
 * every per-label event (vectors whose declared role is {@link MetricRole#EVENT}), read back from
 * the run directories. Runs that did not complete are left out.
 */
public final class SweepResults {
  private SweepResults() {}

  /** The rows of the completed runs among {@code runs}, in run order, then in each run's recorded order. */
  public static List<ResultRow> collect(List<SweepRun> runs, Function<SweepRun, Path> directories) {
    List<ResultRow> rows = new ArrayList<>();
    for (SweepRun run : runs) {
      Path dir = directories.apply(run);
      if (!Files.exists(dir.resolve(RunDirectory.MANIFEST)) || RunRecordReader.manifest(dir).status() != RunStatus.COMPLETED) {
        continue;
      }
      RunRecord record = RunRecordReader.read(dir);
      var declared = record.info().metrics();
      for (Measurement m : record.measurements()) {
        MeasurementKey k = m.key();
        MetricRole role = declared.role(k);
        if (m instanceof ScalarMeasurement s) {
          rows.add(row(run, k, null, role, s.value()));
        } else if (m instanceof VectorMeasurement v && role == MetricRole.EVENT) {
          for (int i = 0; i < v.values().length; i++) {
            rows.add(row(run, k, v.labels().get(i), role, v.values()[i]));
          }
        }
      }
    }
    return List.copyOf(rows);
  }

  private static ResultRow row(SweepRun run, MeasurementKey k, String label, MetricRole role, double value) {
    var c = k.checkpoint();
    return new ResultRow(run, c.index(), c.step(), c.epoch(), k.probe(), k.metric(), k.layer(), label, role, value);
  }
}
