package org.dsdl.engine.tensorflow;

import org.dsdl.api.model.Engine;
import org.dsdl.api.model.EngineProvider;

/** Provides the TensorFlow Java engine under the name {@code tensorflow}. */
public final class TensorFlowEngineProvider implements EngineProvider<TensorFlowParameters> {
  @Override
  public String name() {
    return "tensorflow";
  }

  @Override
  public String description() {
    return "TensorFlow Java " + TensorFlowEngine.TENSORFLOW_JAVA_VERSION + " (CPU): compiles any layer graph (convolutions, pooling, dense, batch norm, dropout, residual adds), Adam or SGD with momentum";
  }

  @Override
  public TensorFlowParameters defaultParameters() {
    return TensorFlowParameters.defaults();
  }

  @Override
  public Engine create(TensorFlowParameters parameters) {
    return new TensorFlowEngine(parameters);
  }
}
