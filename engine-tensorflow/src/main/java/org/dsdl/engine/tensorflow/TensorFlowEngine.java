package org.dsdl.engine.tensorflow;

import org.dsdl.api.model.Engine;
import org.dsdl.api.model.Model;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.model.OptimizerSpec;
import org.tensorflow.TensorFlow;

/** Builds {@link TensorFlowModel}s. */
final class TensorFlowEngine implements Engine {
  static final String TENSORFLOW_JAVA_VERSION = "1.1.0";
  private final TensorFlowParameters parameters;

  TensorFlowEngine(TensorFlowParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public String version() {
    // whether oneDNN ran changes the last bits of the numbers: run.json must say so
    return "tensorflow-java " + TENSORFLOW_JAVA_VERSION + " (native " + TensorFlow.version() + ", " + OneDnn.describe(OneDnn.enabled()) + ")";
  }

  @Override
  public Model build(LayerGraph graph, OptimizerSpec optimizer, long seed) {
    return new TensorFlowModel(graph, optimizer, seed, parameters);
  }
}
