package org.dsdl.probes.accuracy;

import org.dsdl.api.plugin.Param;

/** Parameters of the {@code accuracy} probe. */
public record AccuracyParameters(
    @Param("a class's identity onset is the first checkpoint from which its held-out recall stays at or above this") double onsetRecall) {
  /** Validates, naming the field. */
  public AccuracyParameters {
    if (!(onsetRecall > 0 && onsetRecall <= 1)) {
      throw new IllegalArgumentException("onsetRecall must be in (0, 1], got " + onsetRecall);
    }
  }
}
