package org.dsdl.api.model;

import org.dsdl.api.plugin.PluginProvider;

/**
 * A training backend, selected in a config by {@link #name()} under {@code engine}.
 *
 * @param <P> the engine's parameter record (threads, devices…)
 */
public interface EngineProvider<P extends Record> extends PluginProvider<P> {

  /** Creates the engine; may load native libraries. */
  Engine create(P parameters);
}
