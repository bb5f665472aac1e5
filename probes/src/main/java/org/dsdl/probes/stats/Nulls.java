package org.dsdl.probes.stats;

import static org.dsdl.api.measure.MeasurementKind.SCALAR;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.run.Checkpoint;

/**
 * A statistic's permutation null as the built-in probes record it: at the run's first and last
 * checkpoints (every checkpoint when the schedule is not known), {@code METRIC_null_mean},
 * {@code METRIC_null_sd} and the one-sided {@code METRIC_p} of {@link PermutationNull}, from
 * {@code permutations} shuffles of the labels (the probe set's, for most statistics). The shuffles are drawn from the probe's
 * seed and the layer's name, so both checkpoints face the same permutations.
 */
public final class Nulls {
  /** The default number of permutations: p-values down to 1/101. */
  public static final int DEFAULT_PERMUTATIONS = 100;

  private final ProbeContext context;
  private final int permutations;

  /** Nulls of {@code permutations} shuffles (0 = none) for a probe created with {@code context}. */
  public Nulls(ProbeContext context, int permutations) {
    this.context = context;
    this.permutations = check(permutations);
  }

  /** {@code permutations} if it is &gt;= 0; otherwise an error naming the parameter. */
  public static int check(int permutations) {
    if (permutations < 0) {
      throw new IllegalArgumentException("permutations must be >= 0, got " + permutations);
    }
    return permutations;
  }

  /** Whether a null is due at {@code checkpoint}. */
  public boolean due(Checkpoint checkpoint) {
    return permutations > 0 && context.atEnd(checkpoint);
  }

  /**
   * Tests {@code statistic} on {@code labels} (the probe set's labels, or any labels the statistic
   * is to be tested against, e.g. the nodes' classes of a graph) and records its null under {@code metric} for
   * {@code layer} ({@code null}: the whole network), if a null is due at {@code checkpoint}.
   *
   * @return the p-value, or NaN if no null was due
   */
  public double record(Measurements out, Checkpoint checkpoint, String metric, String layer, int[] labels, ToDoubleFunction<int[]> statistic) {
    if (!due(checkpoint)) {
      return Double.NaN;
    }
    PermutationNull t = PermutationNull.of(labels, statistic, permutations, seed(layer));
    write(out, metric, layer, t);
    return t.p();
  }

  /** The number of permutations (0 = none). */
  public int permutations() {
    return permutations;
  }

  /**
   * The seed of {@code layer}'s shuffles ({@code null}: the whole network): the probe's seed and the layer's name, so a run
   * and its resume, and every checkpoint, draw the same ones.
   */
  public long seed(String layer) {
    // the layer's name, or a constant for a whole-network metric, so the null never shares a stream with a bootstrap
    return context.seed() ^ (layer == null ? 0x6e756c6cL : layer.hashCode()) * 0x9E3779B97F4A7C15L;
  }

  /** Records {@code t} as {@code METRIC_null_mean}, {@code METRIC_null_sd} and {@code METRIC_p} of {@code layer}. */
  public static void write(Measurements out, String metric, String layer, PermutationNull t) {
    out.scalar(metric + "_null_mean", layer, t.mean()).scalar(metric + "_null_sd", layer, t.sd()).scalar(metric + "_p", layer, t.p());
  }

  /** {@code declared} followed by {@link #declare}{@code (metric, perLayer)}. */
  public static List<MetricSpec> withNull(List<MetricSpec> declared, String metric, boolean perLayer) {
    return java.util.stream.Stream.concat(declared.stream(), declare(metric, perLayer).stream()).toList();
  }

  /** The three metrics {@link #record} writes for {@code metric}, as a probe declares them. */
  public static List<MetricSpec> declare(String metric, boolean perLayer) {
    List<MetricSpec> specs = List.of(
        MetricSpec.series(metric + "_null_mean", SCALAR, "mean of " + metric + " over label permutations (first and last checkpoint)"),
        MetricSpec.series(metric + "_null_sd", SCALAR, "SD of " + metric + " over label permutations (first and last checkpoint)"),
        MetricSpec.series(metric + "_p", SCALAR, "one-sided permutation p-value of " + metric + ", (1 + #null >= observed) / (1 + K)"));
    return perLayer ? specs.stream().map(MetricSpec::forEachLayer).toList() : specs;
  }
}
