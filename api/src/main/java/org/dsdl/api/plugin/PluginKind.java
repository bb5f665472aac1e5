package org.dsdl.api.plugin;

/** The roles a plugin can play; each has its own provider interface. */
public enum PluginKind {
  /** {@link org.dsdl.api.data.DatasetProvider}. */
  DATASET,
  /** {@link org.dsdl.api.architecture.ArchitectureProvider}. */
  ARCHITECTURE,
  /** {@link org.dsdl.api.model.EngineProvider}. */
  ENGINE,
  /** {@link org.dsdl.api.probe.ProbeProvider}. */
  PROBE,
  /** {@link org.dsdl.api.viz.VisualizerProvider}. */
  VISUALIZER
}
