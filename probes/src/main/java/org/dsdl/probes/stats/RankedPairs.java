package org.dsdl.probes.stats;

import java.util.Arrays;

/**
 * The upper triangle of an exemplar dissimilarity matrix, ranked once, so that Kendall's τ_A
 * against the ideal category RDM of any labelling costs one pass over the pairs: with midranks
 * over all N pairs, U = R_between − n_b(n_b + 1)/2 counts (between, within) pairs ordered
 * between &gt; within (ties ½), and concordant − discordant = 2U − n_b·n_w, the sum
 * {@link KendallTau#tauA} forms by sorting. Both are exact in doubles (half-integers below 2⁵³),
 * so the two agree to the last bit. Used for the category fit's permutation null.
 */
public final class RankedPairs {
  private final int n;
  private final double[] ranks;
  private final boolean undefined;

  /** Ranks {@code dissimilarity[i][j]} for i &lt; j. */
  public static RankedPairs ofDissimilarity(double[][] dissimilarity) {
    return of(dissimilarity, false);
  }

  /** Ranks the correlation distances {@code 1 − r[i][j]} for i &lt; j, as the category fit forms them. */
  public static RankedPairs ofCorrelation(double[][] r) {
    return of(r, true);
  }

  private static RankedPairs of(double[][] m, boolean correlation) {
    int n = m.length;
    double[] values = new double[n * (n - 1) / 2];
    for (int i = 0, k = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, k++) {
        values[k] = correlation ? 1 - m[i][j] : m[i][j];
      }
    }
    return new RankedPairs(n, values);
  }

  private RankedPairs(int n, double[] values) {
    this.n = n;
    this.undefined = java.util.Arrays.stream(values).anyMatch(Double::isNaN);
    int pairs = values.length;
    double[] sorted = values.clone();
    KendallTau.radixSort(sorted);
    ranks = new double[pairs];
    for (int k = 0; k < pairs; k++) {
      int first = firstIndex(sorted, values[k]);
      int last = lastIndex(sorted, values[k]);
      ranks[k] = (first + last) / 2.0 + 1;
    }
  }

  /** τ_A between the ranked dissimilarities and the category RDM of {@code labels} (1 between classes); NaN if a dissimilarity is NaN. */
  public double tauA(int[] labels) {
    if (labels.length != n) {
      throw new IllegalArgumentException("expected " + n + " labels, got " + labels.length);
    }
    if (undefined) {
      return Double.NaN; // a NaN dissimilarity (non-finite activations) has no rank
    }
    double rankSum = 0;
    long between = 0;
    for (int i = 0, k = 0; i < n; i++) {
      int li = labels[i];
      for (int j = i + 1; j < n; j++, k++) {
        if (labels[j] != li) {
          rankSum += ranks[k];
          between++;
        }
      }
    }
    long pairs = ranks.length;
    long within = pairs - between;
    double u = rankSum - between * (between + 1) / 2.0;
    double diff = 2 * u - (double) between * within;
    double pairsOfPairs = (double) pairs * (pairs - 1) / 2;
    return pairsOfPairs == 0 ? 0 : diff / pairsOfPairs;
  }

  private static int firstIndex(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int lastIndex(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  /** For tests: the ranks, a copy. */
  double[] ranks() {
    return Arrays.copyOf(ranks, ranks.length);
  }
}
