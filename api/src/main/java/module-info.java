/**
 * The dsdl plugin API: service interfaces and the value types that flow between them.
 *
 * <p>Plugin authors implement {@link org.dsdl.api.data.DatasetProvider}, {@link
 * org.dsdl.api.model.EngineProvider}, {@link org.dsdl.api.probe.ProbeProvider} or {@link
 * org.dsdl.api.viz.VisualizerProvider} and declare them with {@code provides} in their own
 * module. Everything else in this module is a value type to be used, not implemented.
 */
module org.dsdl.api {
  requires transitive org.slf4j;

  exports org.dsdl.api.plugin;
  exports org.dsdl.api.data;
  exports org.dsdl.api.model;
  exports org.dsdl.api.snapshot;
  exports org.dsdl.api.measure;
  exports org.dsdl.api.probe;
  exports org.dsdl.api.run;
  exports org.dsdl.api.viz;
  exports org.dsdl.api.io;
}
