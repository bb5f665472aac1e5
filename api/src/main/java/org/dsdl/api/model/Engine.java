package org.dsdl.api.model;

import org.dsdl.api.architecture.LayerGraph;

/** Compiles layer graphs into trainable models. Made by an {@link EngineProvider}. */
public interface Engine {

  /** A version string recorded in {@code run.json}, e.g. {@code "tensorflow 1.1.0"}. */
  String version();

  /**
   * Builds a model with freshly initialised weights.
   *
   * @param graph the architecture; invalid graphs were refused by {@link LayerGraph}'s constructor.
   *     An engine compiles every node kind, and names what it cannot compile with an {@link
   *     IllegalArgumentException}
   * @param optimizer how the weights will be updated
   * @param seed initial weights derive from it only: equal seeds give bit-identical weights
   * @return the model, ready to train
   */
  Model build(LayerGraph graph, OptimizerSpec optimizer, long seed);
}
