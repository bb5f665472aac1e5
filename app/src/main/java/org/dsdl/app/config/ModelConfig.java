package org.dsdl.app.config;

import java.util.List;

/**
 * The architecture: a preset, optionally with its blocks or dense layers replaced.
 *
 * @param preset a preset name (see {@code dsdl list})
 * @param blocks convolution widths grouped by block, replacing the preset's; null keeps them
 * @param dense hidden dense widths, replacing the preset's; null keeps them
 * @param batchNorm batch normalisation after each convolution; null keeps the preset's
 * @param dropout dropout rate of hidden dense layers; null keeps the preset's
 * @param initializer he-uniform, he-normal or glorot-uniform; null keeps the preset's
 */
public record ModelConfig(String preset, List<List<Integer>> blocks, List<Integer> dense, Boolean batchNorm, Double dropout,
    String initializer) {}
