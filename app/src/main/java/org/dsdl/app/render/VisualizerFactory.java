package org.dsdl.app.render;

import org.dsdl.api.viz.Visualizer;
import org.dsdl.api.viz.VisualizerProvider;
import org.dsdl.app.plugin.PluginUse;

/**
 * Makes the visualizer an experiment configures: by default its plugin's provider does; a test
 * binds another (a recording visualizer) in place of this one.
 */
@FunctionalInterface
public interface VisualizerFactory {
  /** The visualizer of {@code use}, with its bound parameters. */
  Visualizer create(PluginUse use);

  /** Creates each visualizer with its plugin's provider. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static VisualizerFactory fromPlugins() {
    return use -> ((VisualizerProvider) use.plugin().provider()).create(use.parameters());
  }
}
