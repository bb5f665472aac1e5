package org.dsdl.api.run;

import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.measure.Measurement;

/**
 * A run directory read back: the manifest's facts, typed, and every measurement. Visualizers work from
 * this alone, so a finished run can be re-rendered without training again.
 *
 * @param directory the run directory; visualizers write their files here
 * @param info the manifest's facts
 * @param measurements every measurement, in the order recorded
 */
public record RunRecord(Path directory, RunInfo info, List<Measurement> measurements) {
  /** Copies the list. */
  public RunRecord {
    measurements = List.copyOf(measurements);
  }
}
