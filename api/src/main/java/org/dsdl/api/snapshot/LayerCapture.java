package org.dsdl.api.snapshot;

import java.util.Optional;
import org.dsdl.api.model.LayerInfo;

/**
 * What was recorded of one layer on the probe set at one checkpoint.
 *
 * @param layer the layer
 * @param activations {@code [exemplars × units]}; for convolutional layers each channel's spatial mean
 * @param maps whole feature maps, or {@code null} unless requested
 * @param weights the layer's kernel and bias, or {@code null} for layers without parameters
 */
public record LayerCapture(LayerInfo layer, FloatMatrix activations, FeatureMaps maps, LayerWeights weights) {

  /** Whole feature maps, when they were requested and the layer is spatial. */
  public Optional<FeatureMaps> wholeMaps() {
    return Optional.ofNullable(maps);
  }

  /** The layer's weights, when it has any. */
  public Optional<LayerWeights> layerWeights() {
    return Optional.ofNullable(weights);
  }
}
