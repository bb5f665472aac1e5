/** The TensorFlow Java engine: compiles any layer graph, trains it, captures activations and weights. */
module org.dsdl.engine.tensorflow {
  requires org.dsdl.api;
  requires tensorflow;

  opens org.dsdl.engine.tensorflow;

  provides org.dsdl.api.model.EngineProvider with org.dsdl.engine.tensorflow.TensorFlowEngineProvider;
}
