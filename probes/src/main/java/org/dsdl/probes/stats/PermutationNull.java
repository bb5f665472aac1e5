package org.dsdl.probes.stats;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * A one-sided permutation test of a statistic of labelled exemplars: the statistic on the true
 * labels against its distribution when the labels are shuffled across exemplars (class sizes kept).
 * The p-value counts the observed labelling as one of the permutations, p = (1 + #{t_k ≥ t}) /
 * (1 + K) (Phipson &amp; Smyth 2010), so it is never 0 and its smallest value is 1 / (K + 1).
 * Permutations whose statistic is NaN (e.g. a graph without edges) are left out of K, the mean and
 * the SD; a NaN observed statistic gives a NaN p-value.
 *
 * @param observed the statistic on the true labels
 * @param mean the mean of the statistic over the permutations
 * @param sd its sample standard deviation (n − 1) over the permutations; NaN with fewer than two
 * @param p the one-sided p-value of {@code observed} being this large by chance
 * @param permutations K, the permutations with a finite statistic
 */
public record PermutationNull(double observed, double mean, double sd, double p, int permutations) {

  /**
   * Tests {@code statistic} on {@code labels} with {@code permutations} shuffles drawn from
   * {@code seed}. The statistic is handed a fresh array each time and may keep it.
   */
  public static PermutationNull of(int[] labels, ToDoubleFunction<int[]> statistic, int permutations, long seed) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
    }
    double observed = statistic.applyAsDouble(labels.clone());
    SplittableRandom random = new SplittableRandom(seed);
    int[] shuffled = labels.clone();
    double[] values = new double[permutations];
    for (int k = 0; k < permutations; k++) {
      shuffle(shuffled, random);
      values[k] = statistic.applyAsDouble(shuffled.clone());
    }
    return summarise(observed, values);
  }

  /**
   * Tests every component of {@code statistics} at once, for statistics that share one costly
   * computation per labelling (e.g. a graph built from the class means): component q's null is
   * exactly {@link #of}{@code (labels, l -> statistics.apply(l)[q], permutations, seed)}, the same
   * shuffles in the same order, but each labelling is evaluated once, in parallel. The function is
   * handed a fresh array each time and may keep it; it must return the same number of components
   * for every labelling.
   */
  public static PermutationNull[] ofEach(int[] labels, java.util.function.Function<int[], double[]> statistics, int permutations,
      long seed) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] shuffled = labels.clone();
    int[][] drawn = new int[permutations][];
    for (int k = 0; k < permutations; k++) {
      shuffle(shuffled, random);
      drawn[k] = shuffled.clone();
    }
    double[] observed = statistics.apply(labels.clone());
    double[][] values = java.util.Arrays.stream(drawn).parallel().map(statistics).toArray(double[][]::new);
    PermutationNull[] out = new PermutationNull[observed.length];
    for (int q = 0; q < observed.length; q++) {
      double[] column = new double[permutations];
      for (int k = 0; k < permutations; k++) {
        if (values[k].length != observed.length) {
          throw new IllegalStateException("a labelling gave " + values[k].length + " statistics, the true one " + observed.length);
        }
        column[k] = values[k][q];
      }
      out[q] = summarise(observed[q], column);
    }
    return out;
  }

  /** The null of {@code observed} against the statistic's values under the permutations (NaNs left out). */
  private static PermutationNull summarise(double observed, double[] all) {
    double[] values = new double[all.length];
    int finite = 0;
    int atLeast = 0;
    for (double t : all) {
      if (Double.isNaN(t)) {
        continue;
      }
      values[finite++] = t;
      if (t >= observed) {
        atLeast++;
      }
    }
    double mean = 0;
    for (int k = 0; k < finite; k++) {
      mean += values[k];
    }
    mean = finite == 0 ? Double.NaN : mean / finite;
    double ss = 0;
    for (int k = 0; k < finite; k++) {
      ss += (values[k] - mean) * (values[k] - mean);
    }
    double sd = finite < 2 ? Double.NaN : Math.sqrt(ss / (finite - 1));
    double p = Double.isNaN(observed) ? Double.NaN : (1.0 + atLeast) / (1.0 + finite);
    return new PermutationNull(observed, mean, sd, p, finite);
  }

  /** Fisher–Yates: every order equally likely. */
  static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** How far the observed statistic lies above the null, in null SDs (NaN if the SD is 0 or unknown). */
  public double z() {
    return sd > 0 ? (observed - mean) / sd : Double.NaN;
  }
}
