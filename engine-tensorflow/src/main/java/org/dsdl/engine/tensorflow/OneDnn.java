package org.dsdl.engine.tensorflow;

import java.util.Locale;

/**
 * Whether TensorFlow's native library runs its oneDNN kernels (convolutions, matrix products and
 * their gradients through oneDNN, {@code _MklNative*} ops, instead of TensorFlow's own Eigen
 * kernels). The library reads {@value #VARIABLE} once, when it loads, so the process's environment
 * decides; TensorFlow Java's Linux x86-64 library runs them unless the variable turns them off.
 * The two give different last bits, so the engine's version (recorded in every run's
 * {@code run.json}) says which ran, and two runs can be compared honestly.
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
   * What TensorFlow makes of the variable's value: "0" or "false" (any case) turn oneDNN off; "1",
   * "true", no value and a value it cannot read (it logs an error and keeps its default) leave it
   * on, the default of TensorFlow's x86-64 build.
   */
  static boolean enabled(String value) {
    if (value == null) {
      return true;
    }
    String v = value.toLowerCase(Locale.ROOT);
    return !(v.equals("0") || v.equals("false"));
  }

  /** "oneDNN on" or "oneDNN off", for the engine's version. */
  static String describe(boolean on) {
    return on ? "oneDNN on" : "oneDNN off";
  }
}
