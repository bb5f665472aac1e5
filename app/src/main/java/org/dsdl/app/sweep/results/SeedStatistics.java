package org.dsdl.app.sweep.results;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation and the t-based 95% confidence interval of the mean of one
 * condition's values across seeds: mean ± t(0.975, n − 1) · SD / √n, with SD the sample standard
 * deviation (divisor n − 1). Values that are not finite (an event that never happened) are left
 * out and counted as missing. With fewer than two values, SD and the interval are undefined (NaN).
 *
 * @param n finite values
 * @param missing values left out for not being finite
 * @param mean their mean (NaN when n = 0)
 * @param sd their sample standard deviation (NaN when n &lt; 2)
 * @param ciLow the interval's lower end (NaN when n &lt; 2)
 * @param ciHigh the interval's upper end (NaN when n &lt; 2)
 */
public record SeedStatistics(int n, int missing, double mean, double sd, double ciLow, double ciHigh) {
  /** The confidence level of the interval. */
  public static final double LEVEL = 0.95;

  /** The statistics of {@code values}. */
  public static SeedStatistics of(double[] values) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        n++;
        sum += v;
      }
    }
    int missing = values.length - n;
    if (n == 0) {
      return new SeedStatistics(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = sum / n;
    if (n < 2) {
      return new SeedStatistics(n, missing, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double ss = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double sd = Math.sqrt(ss / (n - 1));
    double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + LEVEL / 2) * sd / Math.sqrt(n);
    return new SeedStatistics(n, missing, mean, sd, mean - half, mean + half);
  }
}
