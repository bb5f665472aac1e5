package org.dsdl.api.architecture;

import java.util.List;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.plugin.PluginProvider;

/**
 * A family of networks, selected in a config by {@link #name()} under {@code model.type}: from its
 * parameters and the data's shape it describes a {@link LayerGraph}, which any engine compiles.
 *
 * <p>Implement this (one provider and one parameter record are all a new architecture needs) and
 * declare it in your module: {@code provides org.dsdl.api.architecture.ArchitectureProvider with
 * my.Provider;}. Name the layers probes should see meaningfully: probes select layers by name and
 * kind, and {@code run.json} lists them.
 *
 * @param <P> the architecture's parameter record
 */
public interface ArchitectureProvider<P extends Record> extends PluginProvider<P> {

  /**
   * Describes the network for this data.
   *
   * @param parameters the bound, validated parameters
   * @param input the shape of one exemplar
   * @param classes the number of classes: the width of the graph's output node
   * @return the graph; its constructor has checked it
   * @throws IllegalArgumentException if these parameters do not fit this input, naming the
   *     parameter (e.g. too many pooling stages for a small image)
   */
  LayerGraph graph(P parameters, ImageShape input, int classes);

  /**
   * Named parameter sets, selected by {@code model.preset}; the first one, if any, is the
   * architecture's default. None by default.
   */
  default List<Preset<P>> presets() {
    return List.of();
  }
}
