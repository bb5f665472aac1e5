package org.dsdl.visualizers.common;

import java.awt.Color;

/**
 * The figures' colours, safe for common colour-vision deficiencies, as the HTML report's: Okabe &amp;
 * Ito's categorical palette (black kept for the whole network's line) for classes and runs, and
 * viridis for layers ordered by depth.
 */
public final class Palette {
  private static final int[] OKABE_ITO = {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442};
  private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b};

  private Palette() {}

  /** The colour of category {@code i} (a class, a run); black is left for the whole network. */
  public static Color category(int i) {
    return new Color(OKABE_ITO[Math.floorMod(i, OKABE_ITO.length)]);
  }

  /** The colour of the {@code i}-th of {@code n} layers by depth, shallow (dark violet) to deep (green-yellow). */
  public static Color depth(int i, int n) {
    return new Color(VIRIDIS[n <= 1 ? 0 : (int) Math.round(i * (VIRIDIS.length - 1) / (double) (n - 1))]);
  }
}
