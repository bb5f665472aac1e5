package org.dsdl.api.architecture;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How an engine draws the initial kernels of convolution and dense nodes (biases start at zero;
 * batch norm at scale 1, shift 0). Equal seeds must give bit-identical weights.
 */
public enum Initializer {
  /** U(±sqrt(6 / fanIn)). */
  HE_UNIFORM,
  /** N(0, 2 / fanIn). */
  HE_NORMAL,
  /** U(±sqrt(6 / (fanIn + fanOut))). */
  GLOROT_UNIFORM;

  /** The name configs use, e.g. {@code he-uniform}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every name configs may use, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Initializer::id).toList();
  }

  /**
   * The initializer a config names.
   *
   * @throws IllegalArgumentException naming the allowed names, for any other
   */
  public static Initializer of(String id) {
    for (Initializer i : values()) {
      if (i.id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("initializer must be one of " + ids() + ", got '" + id + "'");
  }
}
