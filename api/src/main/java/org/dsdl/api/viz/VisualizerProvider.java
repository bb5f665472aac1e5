package org.dsdl.api.viz;

import org.dsdl.api.plugin.PluginProvider;

/**
 * Makes visualizers; selected in a config by {@link #name()} in the {@code visualizers} list, or by
 * {@code dsdl report RUN_DIR --visualizers NAME}.
 *
 * @param <P> the visualizer's parameter record
 */
public interface VisualizerProvider<P extends Record> extends PluginProvider<P> {

  /** Creates the visualizer. */
  Visualizer create(P parameters);
}
