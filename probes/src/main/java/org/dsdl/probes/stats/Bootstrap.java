package org.dsdl.probes.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap over exemplars: resample per-exemplar values with replacement, take the
 * mean of each resample, report the 2.5th and 97.5th percentiles (linear interpolation between
 * order statistics, as NumPy's default {@code percentile}).
 */
public final class Bootstrap {
  private Bootstrap() {}

  /** The 95% interval of the mean of {@code values} from {@code resamples} resamples drawn with {@code seed}. */
  public static double[] meanInterval(double[] values, int resamples, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = values.length;
    double[] means = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += values[r.nextInt(n)];
      }
      means[b] = s / n;
    }
    Arrays.sort(means);
    return new double[] {percentile(means, 2.5), percentile(means, 97.5)};
  }

  /** The {@code q}-th percentile of sorted values, interpolating linearly. */
  static double percentile(double[] sorted, double q) {
    double position = q / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(position);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * The sample standard deviation (n − 1) of the finite {@code values}, e.g. of a statistic over
   * bootstrap resamples; NaN with fewer than two.
   */
  public static double sampleSd(double[] values) {
    double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    if (finite.length < 2) {
      return Double.NaN;
    }
    double m = java.util.Arrays.stream(finite).average().orElse(0);
    double ss = 0;
    for (double v : finite) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (finite.length - 1));
  }
}
