package org.dsdl.engine.tensorflow;

import org.dsdl.api.plugin.Param;

/** Parameters of the {@code tensorflow} engine. */
public record TensorFlowParameters(
    @Param("threads used inside one operation; 0 = TensorFlow's default (all cores)") int intraOpThreads,
    @Param("operations run in parallel; 0 = TensorFlow's default") int interOpThreads,
    @Param("exemplars per session call when evaluating or capturing: bounds memory, and sets throughput (on a 2-core CPU 100 was the fastest"
        + " of 50, 100, 250 and 500: smaller calls keep the activations in cache; the default experiment's metrics were bit-identical at 100 and 500)") int inferenceBatch,
    @Param("force one thread per op and one op at a time: a guarantee of bit-identical runs on any CPU (runs were already identical here with all cores)") boolean deterministic,
    @Param("GPU build only: grow GPU memory as needed instead of taking it all at start") boolean gpuMemoryGrowth,
    @Param("GPU build only: which GPUs TensorFlow may use, e.g. \"0\" or \"0,1\"; empty = all") String visibleDevices,
    @Param("log the device each operation runs on (to check GPU placement)") boolean logDevicePlacement) {

  /** Validates, naming the field. */
  public TensorFlowParameters {
    if (intraOpThreads < 0 || interOpThreads < 0) {
      throw new IllegalArgumentException("intraOpThreads and interOpThreads must be >= 0 (0 = default)");
    }
    if (visibleDevices == null) {
      throw new IllegalArgumentException("visibleDevices must be a string (empty for all GPUs)");
    }
    if (inferenceBatch < 1) {
      throw new IllegalArgumentException("inferenceBatch must be >= 1, got " + inferenceBatch);
    }
  }

  /** TensorFlow's own thread defaults, 100 exemplars per inference call. */
  public static TensorFlowParameters defaults() {
    return new TensorFlowParameters(0, 0, 100, false, true, "", false);
  }

  /** The threads TensorFlow may use inside one op. */
  int intraThreads() {
    return deterministic ? 1 : intraOpThreads;
  }

  /** The ops TensorFlow may run at once. */
  int interThreads() {
    return deterministic ? 1 : interOpThreads;
  }
}
