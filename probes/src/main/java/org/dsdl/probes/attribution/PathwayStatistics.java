package org.dsdl.probes.attribution;

import java.util.Arrays;

/**
 * The statistics of one layer pair's kept edges. An edge set is a sorted {@code long[]} of keys
 * {@code source · targets + target}.
 */
final class PathwayStatistics {
  private PathwayStatistics() {}

  /** |a ∩ b| / |a ∪ b| of two sorted key sets; NaN when both are empty. */
  static double jaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? Double.NaN : common / (double) union;
  }

  /** 1 − the mean Jaccard overlap of class c's edges with each other class's (NaN overlaps left out; NaN if none is left). */
  static double specificity(long[][] edges, int c) {
    double sum = 0;
    int n = 0;
    for (int d = 0; d < edges.length; d++) {
      double j = d == c ? Double.NaN : jaccard(edges[c], edges[d]);
      if (!Double.isNaN(j)) {
        sum += j;
        n++;
      }
    }
    return n == 0 ? Double.NaN : 1 - sum / n;
  }

  /** Σ of the kept edges' influence / Σ of every positive influence of the pair; NaN if there is none. */
  static double concentration(double[][] influence, long[] kept) {
    int targets = influence.length == 0 ? 0 : influence[0].length;
    double total = 0;
    for (double[] row : influence) {
      for (double v : row) {
        if (v > 0) {
          total += v;
        }
      }
    }
    double carried = 0;
    for (long e : kept) {
      carried += influence[(int) (e / targets)][(int) (e % targets)];
    }
    return total > 0 ? carried / total : Double.NaN;
  }

  /**
   * Of the kept influence into targets preferring class c, the share that comes from sources
   * preferring c; NaN when no kept edge enters a target preferring c.
   */
  static double consistency(double[][] influence, long[] kept, int[] sourcePreferred, int[] targetPreferred, int c) {
    int targets = targetPreferred.length;
    double into = 0;
    double fromSame = 0;
    for (long e : kept) {
      int j = (int) (e / targets);
      int i = (int) (e % targets);
      if (targetPreferred[i] == c) {
        into += influence[j][i];
        if (sourcePreferred[j] == c) {
          fromSame += influence[j][i];
        }
      }
    }
    return into > 0 ? fromSame / into : Double.NaN;
  }

  /** Each target's {@code topK} largest positive influences (ties: the lower source index), as sorted keys. */
  static long[] keep(double[][] influence, int topK) {
    int sources = influence.length;
    int targets = sources == 0 ? 0 : influence[0].length;
    long[] out = new long[Math.min(sources, topK) * targets];
    int n = 0;
    int[] best = new int[topK];
    for (int i = 0; i < targets; i++) {
      int m = 0;
      for (int j = 0; j < sources; j++) {
        double v = influence[j][i];
        if (!(v > 0)) {
          continue;
        }
        // insertion into the descending list of at most topK sources (earlier j wins ties)
        int at = m;
        while (at > 0 && influence[best[at - 1]][i] < v) {
          at--;
        }
        if (at >= topK) {
          continue;
        }
        System.arraycopy(best, at, best, at + 1, Math.min(m, topK - 1) - at);
        best[at] = j;
        m = Math.min(m + 1, topK);
      }
      for (int q = 0; q < m; q++) {
        out[n++] = (long) best[q] * targets + i;
      }
    }
    long[] kept = Arrays.copyOf(out, n);
    Arrays.sort(kept);
    return kept;
  }
}
