package org.dsdl.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import org.dsdl.app.plugin.ParameterBinder;
import org.dsdl.app.plugin.PluginRegistry;

/**
 * Plugins: one registry per process (created on first use, so that a discovery error surfaces as
 * the command's error) and the binder of their parameters.
 */
public final class PluginModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(PluginRegistry.class).in(Singleton.class);
    bind(ParameterBinder.class);
  }
}
