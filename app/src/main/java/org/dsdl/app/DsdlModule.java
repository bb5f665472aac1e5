package org.dsdl.app;

import com.google.inject.AbstractModule;
import org.dsdl.app.plugin.PluginRegistry;

/**
 * The Guice wiring of the application. Most classes are bound just-in-time through their
 * {@code @Inject} constructors; the plugin registry is one per process (created on first use, so
 * that a discovery error surfaces as the command's error).
 */
public final class DsdlModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(PluginRegistry.class).in(com.google.inject.Singleton.class);
  }
}
