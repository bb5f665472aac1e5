package org.dsdl.probes.stats;

import java.util.Arrays;

/**
 * Kendall's τ_A between a vector of values and a binary vector (as between an RDM's upper
 * triangle and the ideal category RDM, 0 within a class and 1 between classes):
 * τ_A = (concordant − discordant) / (N(N−1)/2) over all N(N−1)/2 pairs of entries. Pairs tied in
 * the binary vector count neither way, so only (between, within) pairs contribute:
 * sign(value_between − value_within). Counted by sorting in O(N log N), as rsatoolbox's
 * {@code tau_a} defines it.
 */
public final class KendallTau {
  private KendallTau() {}

  /** τ_A of {@code values} against {@code between} (true = 1 in the ideal RDM). */
  public static double tauA(double[] values, boolean[] between) {
    int n = values.length;
    int nb = 0;
    for (boolean b : between) {
      if (b) {
        nb++;
      }
    }
    double[] bv = new double[nb];
    double[] wv = new double[n - nb];
    for (int i = 0, x = 0, y = 0; i < n; i++) {
      if (between[i]) {
        bv[x++] = values[i];
      } else {
        wv[y++] = values[i];
      }
    }
    Arrays.sort(bv);
    Arrays.sort(wv);
    // Sweep the sorted between-values; two pointers count the within-values below and at each one.
    long diff = 0;
    int below = 0;
    int atOrBelow = 0;
    for (double b : bv) {
      while (below < wv.length && wv[below] < b) {
        below++;
      }
      if (atOrBelow < below) {
        atOrBelow = below;
      }
      while (atOrBelow < wv.length && wv[atOrBelow] <= b) {
        atOrBelow++;
      }
      diff += below - (wv.length - atOrBelow);
    }
    double pairs = (double) n * (n - 1) / 2;
    return pairs == 0 ? 0 : diff / pairs;
  }
}
