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
    int within = 0;
    for (boolean b : between) {
      if (!b) {
        within++;
      }
    }
    double[] w = new double[within];
    for (int i = 0, k = 0; i < n; i++) {
      if (!between[i]) {
        w[k++] = values[i];
      }
    }
    Arrays.sort(w);
    long diff = 0;
    for (int i = 0; i < n; i++) {
      if (between[i]) {
        long less = lowerBound(w, values[i]);
        long greater = w.length - upperBound(w, values[i]);
        diff += less - greater;
      }
    }
    double pairs = (double) n * (n - 1) / 2;
    return pairs == 0 ? 0 : diff / pairs;
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
