package org.dsdl.api.model;

/** What kind of layer a {@link LayerInfo} describes. */
public enum LayerKind {
  /** A convolution (with its batch norm and activation, if any); activations are feature maps. */
  CONV,
  /** Max-pooling; feature maps, no parameters. */
  POOL,
  /** A hidden fully connected layer (with its activation, batch norm and dropout, if any). */
  DENSE,
  /** The final linear layer, one unit per class. */
  LOGITS,
  /** The sum of two or more feature maps (a residual connection), with its activation; no kernel. */
  ADD,
  /** The mean of each channel of a feature map over space: one value per channel, no parameters. */
  GLOBAL_POOL;

  /** Whether activations of this layer are spatial maps (pooled to one value per channel by default). */
  public boolean spatial() {
    return this == CONV || this == POOL || this == ADD;
  }
}
