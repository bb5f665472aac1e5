package org.dsdl.app.pipeline;

import org.dsdl.api.model.Engine;
import org.dsdl.api.model.EngineProvider;
import org.dsdl.app.plugin.PluginUse;

/**
 * Makes the engine an experiment configures: by default its plugin's provider does; a test binds
 * another (a fake engine whose models need no TensorFlow) in place of this one.
 */
@FunctionalInterface
public interface EngineFactory {
  /** The engine of {@code use}, with its bound parameters. */
  Engine create(PluginUse use);

  /** Creates each engine with its plugin's provider. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static EngineFactory fromPlugins() {
    return use -> ((EngineProvider) use.plugin().provider()).create(use.parameters());
  }
}
