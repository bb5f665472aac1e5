package org.dsdl.engine.tensorflow;

import java.util.Locale;

/**
 * Whether TensorFlow's native library runs its oneDNN kernels (convolutions, matrix products and
 * their gradients through Intel's oneDNN instead of TensorFlow's own Eigen kernels). The library
 * reads {@value #VARIABLE} once, when it loads, so only the process's environment decides: dsdl's
 * launchers set it to 1 unless it is set already; this build of TensorFlow leaves oneDNN off when it
 * is unset. The engine's version (recorded in every run's {@code run.json}) says which, so two runs
 * can be compared honestly.
 */
final class OneDnn {
  /** The environment variable TensorFlow reads. */
  static final String VARIABLE = "TF_ENABLE_ONEDNN_OPTS";

  private OneDnn() {}

  /** Whether this process's TensorFlow runs oneDNN kernels. */
  static boolean enabled() {
    return enabled(System.getenv(VARIABLE));
  }

  /**
   * What TensorFlow makes of the variable's value: "1" or "true" (any case) turn oneDNN on; "0",
   * "false", anything else and no value leave it off (TensorFlow logs an error for a value it cannot
   * read and keeps its default, off in this build).
   */
  static boolean enabled(String value) {
    if (value == null) {
      return false;
    }
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals("1") || v.equals("true");
  }

  /** "oneDNN on" or "oneDNN off", for the engine's version. */
  static String describe(boolean on) {
    return on ? "oneDNN on" : "oneDNN off";
  }
}
