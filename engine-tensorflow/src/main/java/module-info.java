/** The TensorFlow Java engine: builds, trains and captures VGG-style CNNs. */
module org.dsdl.engine.tensorflow {
  requires org.dsdl.api;
  requires tensorflow;

  opens org.dsdl.engine.tensorflow;

  provides org.dsdl.api.model.EngineProvider with org.dsdl.engine.tensorflow.TensorFlowEngineProvider;
}
