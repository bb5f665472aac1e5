package org.dsdl.api.plugin;

/**
 * Mix-in for the provider of a plugin that takes no parameters: it supplies
 * {@link #parametersType()} and {@link #defaultParameters()}, e.g.
 * {@code class MyProbeProvider implements ProbeProvider<NoParameters>, WithoutParameters}.
 */
public interface WithoutParameters extends PluginProvider<NoParameters> {
  @Override
  default Class<NoParameters> parametersType() {
    return NoParameters.class;
  }

  @Override
  default NoParameters defaultParameters() {
    return NoParameters.INSTANCE;
  }
}
