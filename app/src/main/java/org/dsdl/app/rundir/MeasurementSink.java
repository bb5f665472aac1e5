package org.dsdl.app.rundir;

import java.io.IOException;
import java.util.List;
import org.dsdl.api.measure.Measurement;

/** Where a run's measurements go: its {@code metrics.jsonl}, or a list in a test. */
@FunctionalInterface
public interface MeasurementSink {
  /** Records {@code measurements}, in order, durably before returning. */
  void append(List<Measurement> measurements) throws IOException;
}
