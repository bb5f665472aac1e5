package org.dsdl.api.snapshot;

import java.util.List;

/**
 * The trainable weights of one layer.
 *
 * @param kernelShape {@code [3, 3, inChannels, outChannels]} for convolutions, {@code [in, out]} for dense layers
 * @param kernel the kernel values, row-major in {@code kernelShape} order; shared and read-only
 * @param bias one bias per output unit; shared and read-only
 */
public record LayerWeights(List<Integer> kernelShape, float[] kernel, float[] bias) {
  /** Copies the shape and checks the array length. */
  public LayerWeights {
    kernelShape = List.copyOf(kernelShape);
    long n = 1;
    for (int d : kernelShape) {
      n *= d;
    }
    if (n != kernel.length) {
      throw new IllegalArgumentException("kernel of shape " + kernelShape + " needs " + n + " values, got " + kernel.length);
    }
  }
}
