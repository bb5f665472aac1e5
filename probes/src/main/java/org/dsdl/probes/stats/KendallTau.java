package org.dsdl.probes.stats;

import java.util.Arrays;

/**
 * Kendall's τ_A between a vector of values and a binary vector (as between an RDM's upper
 * triangle and the ideal category RDM, 0 within a class and 1 between classes):
 * τ_A = (concordant − discordant) / (N(N−1)/2) over all N(N−1)/2 pairs of entries. Pairs tied in
 * the binary vector count neither way, so only (between, within) pairs contribute:
 * sign(value_between − value_within). Counted by sorting in O(N log N), as rsatoolbox's
 * {@code tau_a} defines it. The sort is a radix sort of the values' bit patterns (an RDM of 500
 * exemplars has 124,750 entries per layer, and this runs for every layer at every checkpoint).
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
    radixSort(bv);
    radixSort(wv);
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

  /**
   * Sorts {@code a} ascending (as {@link Arrays#sort(double[])} for values that are not NaN): the
   * bits of each value are mapped to a key whose unsigned order is the numeric order, the keys
   * sorted least significant digit first, 11 bits a pass, skipping passes in which every key has
   * the same digit, and mapped back.
   */
  static void radixSort(double[] a) {
    int n = a.length;
    if (n < 2) {
      return;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(a[i] + 0.0);
      keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }
    long[] buffer = new long[n];
    int[] count = new int[1 << 11];
    for (int shift = 0; shift < 64; shift += 11) {
      Arrays.fill(count, 0);
      for (long k : keys) {
        count[(int) ((k >>> shift) & 0x7FF)]++;
      }
      if (count[(int) ((keys[0] >>> shift) & 0x7FF)] == n) {
        continue;
      }
      for (int d = 0, sum = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (long k : keys) {
        buffer[count[(int) ((k >>> shift) & 0x7FF)]++] = k;
      }
      long[] t = keys;
      keys = buffer;
      buffer = t;
    }
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      a[i] = Double.longBitsToDouble(k < 0 ? k ^ Long.MIN_VALUE : ~k);
    }
  }
}
