package org.dsdl.app.config;

import java.util.List;

/**
 * The architecture: a preset, optionally with its blocks or dense layers replaced.
 *
 * @param preset a preset name (see {@code dsdl list})
 * @param blocks convolution widths grouped by block, replacing the preset's; null keeps them
 * @param dense hidden dense widths, replacing the preset's; null keeps them
 */
public record ModelConfig(String preset, List<List<Integer>> blocks, List<Integer> dense) {}
