package org.dsdl.api.architecture;

/** The nonlinearity a node applies to its output. */
public enum Activation {
  /** None: the node's output is linear. */
  NONE,
  /** {@code max(0, x)}. */
  RELU
}
