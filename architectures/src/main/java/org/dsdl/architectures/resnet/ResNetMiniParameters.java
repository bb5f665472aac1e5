package org.dsdl.architectures.resnet;

import java.util.List;
import org.dsdl.api.architecture.Initializer;
import org.dsdl.api.plugin.Param;

/**
 * Parameters of the {@code resnet-mini} architecture.
 *
 * @param widths the channels of each stage; the stem has the first stage's width, and every stage
 *     after the first halves height and width
 * @param blocksPerStage residual blocks in each stage
 * @param batchNorm batch normalisation after every convolution
 * @param initializer initial kernels
 */
public record ResNetMiniParameters(
    @Param("channels of each stage; each stage after the first halves height and width") List<Integer> widths,
    @Param("residual blocks (two 3x3 convolutions and a shortcut) per stage, at least 1") int blocksPerStage,
    @Param("batch normalisation after every convolution") boolean batchNorm,
    @Param("initial kernels: he-uniform, he-normal or glorot-uniform") Initializer initializer) {

  /** The defaults: stages of 16, 32 and 64 channels, 2 blocks each, batch norm; about 175,000 parameters for 32×32×1 and 5 classes. */
  public static ResNetMiniParameters defaults() {
    return new ResNetMiniParameters(List.of(16, 32, 64), 2, true, Initializer.HE_UNIFORM);
  }

  /** Validates every field, naming it, and copies the list. */
  public ResNetMiniParameters {
    if (widths == null || widths.isEmpty()) {
      throw new IllegalArgumentException("widths must name at least one stage");
    }
    widths = List.copyOf(widths);
    for (int i = 0; i < widths.size(); i++) {
      if (widths.get(i) < 1) {
        throw new IllegalArgumentException("widths[" + i + "] is " + widths.get(i) + "; widths must be ≥ 1");
      }
    }
    if (blocksPerStage < 1) {
      throw new IllegalArgumentException("blocksPerStage must be at least 1, got " + blocksPerStage);
    }
    if (initializer == null) {
      throw new IllegalArgumentException("initializer must be one of " + Initializer.ids() + ", got 'null'");
    }
  }
}
