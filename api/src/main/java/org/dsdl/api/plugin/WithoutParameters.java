package org.dsdl.api.plugin;

/**
 * Mix-in for the provider of a plugin that takes no parameters: it supplies
 * {@link #defaultParameters()}, e.g.
 * {@code class MyProbeProvider implements ProbeProvider<NoParameters>, WithoutParameters}.
 */
public interface WithoutParameters extends PluginProvider<NoParameters> {
  @Override
  default NoParameters defaultParameters() {
    return NoParameters.INSTANCE;
  }
}
