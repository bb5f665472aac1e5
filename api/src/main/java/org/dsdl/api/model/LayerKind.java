package org.dsdl.api.model;

/** What kind of layer a {@link LayerInfo} describes. */
public enum LayerKind {
  /** 3×3 convolution followed by ReLU; activations are feature maps. */
  CONV,
  /** 2×2 max-pooling; feature maps, no parameters. */
  POOL,
  /** Fully connected layer followed by ReLU. */
  DENSE,
  /** The final linear layer, one unit per class. */
  LOGITS;

  /** Whether activations of this layer are spatial maps (pooled to one value per channel by default). */
  public boolean spatial() {
    return this == CONV || this == POOL;
  }
}
