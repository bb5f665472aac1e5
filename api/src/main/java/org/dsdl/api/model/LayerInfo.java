package org.dsdl.api.model;

import java.util.List;

/**
 * One layer of a model.
 *
 * @param name the layer's name, e.g. {@code block2_conv1}
 * @param kind what kind of layer it is
 * @param outputShape {@code [height, width, channels]} for spatial layers, {@code [units]} otherwise
 * @param parameters trainable weights and biases in this layer
 */
public record LayerInfo(String name, LayerKind kind, List<Integer> outputShape, long parameters) {
  /** Copies the shape. */
  public LayerInfo {
    outputShape = List.copyOf(outputShape);
  }

  /** Number of units a probe sees: channels for spatial layers (spatially mean-pooled), else width. */
  public int units() {
    return outputShape.get(outputShape.size() - 1);
  }
}
