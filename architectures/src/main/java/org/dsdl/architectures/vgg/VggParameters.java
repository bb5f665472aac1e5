package org.dsdl.architectures.vgg;

import java.util.List;
import org.dsdl.api.architecture.Initializer;
import org.dsdl.api.plugin.Param;

/**
 * Parameters of the {@code vgg} architecture.
 *
 * @param blocks the output channels of each 3×3 convolution, grouped by block; each block ends in 2×2 max-pooling
 * @param dense the widths of the hidden fully connected ReLU layers
 * @param batchNorm batch normalisation after every convolution, before its ReLU
 * @param dropout fraction of each hidden dense layer's units dropped while training
 * @param initializer initial kernels
 */
public record VggParameters(
    @Param("output channels of each 3x3 convolution, grouped by block; each block ends in 2x2 max-pooling") List<List<Integer>> blocks,
    @Param("widths of the hidden fully connected ReLU layers") List<Integer> dense,
    @Param("batch normalisation after every convolution, before its ReLU") boolean batchNorm,
    @Param("fraction of hidden dense units dropped while training, [0, 1)") double dropout,
    @Param("initial kernels: he-uniform, he-normal or glorot-uniform") Initializer initializer) {

  /** A plain VGG: no batch norm, no dropout, He-uniform initial kernels. */
  public VggParameters(List<List<Integer>> blocks, List<Integer> dense) {
    this(blocks, dense, false, 0, Initializer.HE_UNIFORM);
  }

  /** Validates every field, naming it, and copies the lists. */
  public VggParameters {
    if (blocks == null || dense == null) {
      throw new IllegalArgumentException((blocks == null ? "blocks" : "dense") + " must be given");
    }
    blocks = blocks.stream().map(List::copyOf).toList();
    dense = List.copyOf(dense);
    for (int b = 0; b < blocks.size(); b++) {
      if (blocks.get(b).isEmpty()) {
        throw new IllegalArgumentException("blocks[" + b + "] has no convolution");
      }
      for (int w : blocks.get(b)) {
        if (w < 1) {
          throw new IllegalArgumentException("blocks[" + b + "] has width " + w + "; widths must be ≥ 1");
        }
      }
    }
    for (int i = 0; i < dense.size(); i++) {
      if (dense.get(i) < 1) {
        throw new IllegalArgumentException("dense[" + i + "] is " + dense.get(i) + "; widths must be ≥ 1");
      }
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    if (initializer == null) {
      throw new IllegalArgumentException("initializer must be one of " + Initializer.ids() + ", got 'null'");
    }
  }
}
