package org.dsdl.engine.tensorflow;

import org.dsdl.api.plugin.Param;

/** Parameters of the {@code tensorflow} engine. */
public record TensorFlowParameters(
    @Param("threads used inside one operation; 0 = TensorFlow's default (all cores)") int intraOpThreads,
    @Param("operations run in parallel; 0 = TensorFlow's default") int interOpThreads,
    @Param("exemplars per session call when evaluating or capturing (bounds memory)") int inferenceBatch) {

  /** Validates, naming the field. */
  public TensorFlowParameters {
    if (intraOpThreads < 0 || interOpThreads < 0) {
      throw new IllegalArgumentException("intraOpThreads and interOpThreads must be >= 0 (0 = default)");
    }
    if (inferenceBatch < 1) {
      throw new IllegalArgumentException("inferenceBatch must be >= 1, got " + inferenceBatch);
    }
  }

  /** TensorFlow's own thread defaults, 500 exemplars per inference call. */
  public static TensorFlowParameters defaults() {
    return new TensorFlowParameters(0, 0, 500);
  }
}
