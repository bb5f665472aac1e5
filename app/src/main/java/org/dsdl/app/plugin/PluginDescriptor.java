package org.dsdl.app.plugin;

import org.dsdl.api.plugin.PluginKind;
import org.dsdl.api.plugin.PluginProvider;

/**
 * A discovered plugin.
 *
 * @param kind its role
 * @param name the name configs select it by
 * @param provider the provider instance
 * @param origin where it came from: {@code built-in}, or the jar's path
 * @param version the plugin module's version, or {@code unknown}
 */
public record PluginDescriptor(PluginKind kind, String name, PluginProvider<?> provider, String origin, String version) {
  /** The provider's one-line description. */
  public String description() {
    return provider.description();
  }
}
