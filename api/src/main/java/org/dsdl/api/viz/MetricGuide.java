package org.dsdl.api.viz;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to draw a metric: its unit, the values it can take (so an axis never goes below 0 for a
 * count, or beyond 1 for a fraction) and what a rising line means, in one line under its chart.
 * Known for the built-in probes' metrics by name (whatever the probe is called in the run); any
 * other metric gets its probe's declared description and an open domain. Presentation only: the
 * values drawn are never changed. Shared by every drawing of metrics (a run's report and figures,
 * the comparison of runs), so a metric reads the same everywhere.
 *
 * @param unit the unit or scale, e.g. "fraction correct (0–1)"
 * @param lower the least value the metric can take, or NaN when it has none
 * @param upper the largest value the metric can take, or NaN when it has none
 * @param rising what a rising line means, one sentence
 */
public record MetricGuide(String unit, double lower, double upper, String rising) {
  private static final double NONE = Double.NaN;
  private static final Pattern PER_CLASS = Pattern.compile("^(.*)_c\\d+$");

  /** A fraction of something, 0 to 1. */
  private static MetricGuide fraction(String unit, String rising) {
    return new MetricGuide(unit + " (0–1)", 0, 1, rising);
  }

  private static MetricGuide nonNegative(String unit, String rising) {
    return new MetricGuide(unit, 0, NONE, rising);
  }

  /** The guide of {@code metric} (its probe declared it with {@code description}, may be empty). */
  public static MetricGuide of(String metric, String description) {
    Matcher c = PER_CLASS.matcher(metric);
    String base = c.matches() ? c.group(1) : metric;
    MetricGuide known = known(base);
    if (known != null) {
      return known;
    }
    if (base.endsWith("_p")) {
      return fraction("p-value", "less evidence against the permutation null");
    }
    if (base.endsWith("_null_sd") || base.endsWith("_bootstrap_sd")) {
      return nonNegative("standard deviation, in the metric's unit", "a wider null or resampling spread");
    }
    if (base.endsWith("_step")) {
      return nonNegative("training steps", "a later event");
    }
    String said = description == null || description.isBlank() ? "" : " (" + description + ")";
    return new MetricGuide("as its probe declared it", NONE, NONE, "a larger " + metric + said);
  }

  /**
   * The guide of a per-unit vector {@code metric} (a value per unit, drawn as a heat strip): the
   * selectivity probe's per-unit index and preferred class are not the linear probe's selectivity.
   */
  public static MetricGuide ofUnits(String metric, String description) {
    return switch (metric) {
      case "selectivity" -> fraction("class selectivity index", "the unit responds more to one class than to the rest");
      case "preferred_class" -> new MetricGuide("class (a category, shown in the classes' colours)", 0, NONE, "—");
      default -> of(metric, description);
    };
  }

  private static MetricGuide known(String metric) {
    return switch (metric) {
      case "train_loss", "test_loss" -> nonNegative("cross-entropy (nats)", "a worse fit (loss falls as the network learns)");
      case "train_accuracy", "test_accuracy", "probe_accuracy", "ncc_accuracy", "control_accuracy", "probe_accuracy_null_mean" ->
          fraction("fraction correct", "more exemplars classified correctly");
      case "test_recall" -> fraction("recall", "more of the class's held-out exemplars classified as that class");
      case "selectivity" -> new MetricGuide("accuracy difference, probe − control (−1…1)", -1, 1,
          "identity is more decodable beyond what a probe can memorise (control task)");
      case "cka_to_final" -> fraction("linear CKA", "the layer is closer to its final representation");
      case "silhouette" -> new MetricGuide("silhouette coefficient (−1…1)", -1, 1, "exemplars lie closer to their own class than to others");
      case "nc1" -> nonNegative("ratio, tr(Σ_W Σ_B⁺)/C", "more within-class spread relative to the class means (falls as classes collapse)");
      case "cdnv" -> nonNegative("ratio, variance / squared distance", "classes overlap more (falls as classes separate)");
      case "category_fit", "category_fit_max" -> new MetricGuide("Kendall τ_A (−1…1)", -1, 1, "representational geometry closer to the ideal category structure");
      case "mean_selectivity" -> fraction("class selectivity index", "units respond more to one class than to the rest");
      case "dead_units" -> nonNegative("units", "more units that never vary on the probe set");
      case "dead_fraction", "largest_component_fraction", "graph_density" -> fraction("fraction", "a larger share");
      case "live_units" -> nonNegative("units", "more units vary on the probe set");
      case "mean_coupling" -> fraction("mean |Pearson r|", "units of the layer respond more alike (stronger coupling)");
      case "decov" -> nonNegative("squared covariance", "more redundancy between the layer's units");
      case "participation_ratio" -> nonNegative("effective dimensions", "activity spread over more independent directions");
      case "graph_edges" -> nonNegative("edges", "more couplings above threshold");
      case "graph_mean_strength" -> nonNegative("edge weight", "stronger couplings between consecutive layers");
      case "largest_component" -> nonNegative("units", "more units joined into one connected piece");
      case "class_assortativity" -> new MetricGuide("Newman assortativity (−1…1)", -1, 1,
          "coupled units prefer the same class more often than chance");
      case "coherence_max", "coherence_frobenius" -> nonNegative("|cosine| between filters", "filters more alike (less diverse)");
      case "stable_rank" -> nonNegative("dimensions", "the weights use more directions");
      case "pathway_specificity" -> fraction("1 − Jaccard overlap", "the class's pathway shares fewer edges with other classes'");
      case "pathway_concentration" -> fraction("share of positive influence", "the class's influence flows through fewer edges");
      case "pathway_consistency" -> fraction("share of kept influence", "the pathway runs through units that prefer the class");
      case "pathway_stability" -> fraction("Jaccard with the previous checkpoint", "the pathway has stopped changing");
      default -> null;
    };
  }

  /**
   * The axis range for values from {@code min} to {@code max}: the data's range with 5% padding,
   * kept inside what the metric can take. {@code {lo, hi}} with {@code lo < hi}.
   */
  public double[] domain(double min, double max) {
    double span = max - min;
    double pad = span > 0 ? span * 0.05 : Math.max(Math.abs(max) * 0.05, 0.05);
    double lo = min - pad;
    double hi = max + pad;
    if (!Double.isNaN(lower)) {
      lo = Math.max(lo, Math.min(lower, min)); // a value outside the bounds is still drawn
    }
    if (!Double.isNaN(upper)) {
      hi = Math.min(hi, Math.max(upper, max));
    }
    if (!(hi > lo)) {
      hi = lo + (span > 0 ? span : 1);
    }
    return new double[] {lo, hi};
  }

  /** One line for a chart's caption: "Unit: …. Rising: …." */
  public String caption() {
    return String.format(Locale.ROOT, "Unit: %s. A rising line: %s.", unit, rising);
  }
}
