package org.dsdl.app.pipeline;

import org.dsdl.api.architecture.ArchitectureProvider;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.data.ImageShape;
import org.dsdl.app.plugin.PluginUse;

/**
 * The architecture an experiment uses, bound but not yet fitted to the data.
 *
 * @param name a label for run.json and the log: the preset, {@code PRESET+custom} when keys replace
 *     some of its parameters, or the architecture's name where it has no presets
 * @param architecture the architecture plugin with its bound parameters
 */
public record ModelChoice(String name, PluginUse architecture) {

  /** The layer graph for this data; an {@link IllegalArgumentException} names what does not fit. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public LayerGraph graph(ImageShape input, int classes) {
    ArchitectureProvider provider = (ArchitectureProvider) architecture.plugin().provider();
    return provider.graph(architecture.parameters(), input, classes);
  }
}
