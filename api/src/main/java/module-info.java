/**
 * The dsdl plugin API: service interfaces and the value types that flow between them.
 *
 * <p>Meant to be implemented by plugins: the five providers ({@link org.dsdl.api.data.DatasetProvider}, {@link
 * org.dsdl.api.architecture.ArchitectureProvider},
 * {@link org.dsdl.api.model.EngineProvider}, {@link org.dsdl.api.probe.ProbeProvider}, {@link
 * org.dsdl.api.viz.VisualizerProvider}, declared with {@code provides} in the plugin's module) and
 * what they create ({@link org.dsdl.api.architecture.LayerGraph}, {@link org.dsdl.api.model.Engine} and {@link
 * org.dsdl.api.model.Model}, {@link org.dsdl.api.probe.Probe}, {@link org.dsdl.api.viz.Visualizer});
 * {@link org.dsdl.api.plugin.WithoutParameters} is a mix-in for providers. {@link
 * org.dsdl.api.probe.support} holds building blocks for probes (per-layer measuring, shared layer
 * statistics, histories and events). Everything else is used, not implemented: values (snapshots,
 * measurements, checkpoints, run records), the {@link org.dsdl.api.measure.Measurements} builder
 * and {@link org.dsdl.api.io.OutputFiles}.
 *
 * <p>It requires nothing outside the JDK.
 *
 * <p>This module's public surface is the contract with plugin authors; a test in its build lists
 * every exported type and member ({@code api/src/test/resources/api-surface.txt}) so that any
 * change to it is deliberate.
 */
module org.dsdl.api {
  exports org.dsdl.api.plugin;
  exports org.dsdl.api.data;
  exports org.dsdl.api.model;
  exports org.dsdl.api.architecture;
  exports org.dsdl.api.snapshot;
  exports org.dsdl.api.measure;
  exports org.dsdl.api.probe;
  exports org.dsdl.api.probe.support;
  exports org.dsdl.api.run;
  exports org.dsdl.api.viz;
  exports org.dsdl.api.io;
}
