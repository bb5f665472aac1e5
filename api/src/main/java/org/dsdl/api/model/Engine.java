package org.dsdl.api.model;

/** Builds models from specs. Made by an {@link EngineProvider}. */
public interface Engine {

  /** A version string recorded in {@code run.json}, e.g. {@code "tensorflow 1.1.0"}. */
  String version();

  /**
   * Builds a model with freshly initialised weights.
   *
   * @param spec the architecture; invalid specs were rejected by {@link ModelSpec}'s constructor
   * @param optimizer how the weights will be updated
   * @param seed initial weights derive from it only: equal seeds give bit-identical weights
   * @return the model, ready to train
   */
  Model build(ModelSpec spec, OptimizerSpec optimizer, long seed);
}
