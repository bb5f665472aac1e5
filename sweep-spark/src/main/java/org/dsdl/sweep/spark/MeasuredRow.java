package org.dsdl.sweep.spark;

import java.io.Serializable;
import org.dsdl.api.probe.MetricRole;
import org.dsdl.app.sweep.SweepRun;
import org.dsdl.app.sweep.results.ResultRow;

/**
 * One row of the long table as a task returns it to the driver: a {@link ResultRow} without its
 * run, which the driver knows.
 */
record MeasuredRow(int checkpoint, long step, double epoch, String probe, String metric, String layer, String label, String role,
    double value) implements Serializable {
  private static final long serialVersionUID = 1L;

  static MeasuredRow of(ResultRow r) {
    return new MeasuredRow(r.checkpoint(), r.step(), r.epoch(), r.probe(), r.metric(), r.layer(), r.label(), r.role().name(), r.value());
  }

  ResultRow toRow(SweepRun run) {
    return new ResultRow(run, checkpoint, step, epoch, probe, metric, layer, label, MetricRole.valueOf(role), value);
  }
}
