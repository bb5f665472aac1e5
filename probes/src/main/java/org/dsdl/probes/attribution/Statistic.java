package org.dsdl.probes.attribution;

/**
 * The statistics of a class pathway in one layer pair, in the order of {@link ClassPathways#statistics}.
 * The first three have a class-mean series (they come first, so the means are indexed by ordinal);
 * specificity and consistency have an onset event. Concentration has none: the exemplar labels hardly
 * move it, so its null SD (about 0.0005 on the default model) is no margin, and any drift of the
 * weights would "leave" its checkpoint-0 value. Stability compares with the previous checkpoint, so it
 * has no checkpoint-0 value to leave.
 */
enum Statistic {
  /** 1 − the mean Jaccard overlap of the class's kept edges with each other class's. */
  SPECIFICITY("pathway_specificity", true, true),
  /** The share of the positive influence into the layer that the kept edges carry. */
  CONCENTRATION("pathway_concentration", true, false),
  /** Of the kept influence into units preferring the class, the share from units preferring it. */
  CONSISTENCY("pathway_consistency", true, true),
  /** Jaccard of the kept edges with the previous checkpoint's. */
  STABILITY("pathway_stability", false, false);

  private final String metric;
  private final boolean averaged;
  private final boolean onset;

  Statistic(String metric, boolean averaged, boolean onset) {
    this.metric = metric;
    this.averaged = averaged;
    this.onset = onset;
  }

  /** The metric of class k: {@code METRIC_c<k>}. */
  String metric(int k) {
    return metric + "_c" + k;
  }

  /** The per-class metrics' pattern, as declared: {@code METRIC_c<k>}. */
  String pattern() {
    return metric + "_c<k>";
  }

  /** The metric of the mean over classes. */
  String mean() {
    return metric;
  }

  /** Whether it has a class-mean series (with a null). */
  boolean averaged() {
    return averaged;
  }

  /** Whether its class mean has an onset event. */
  boolean onset() {
    return onset;
  }

  /** The onset event's metric, {@code METRIC_onset_step}. */
  String event() {
    return metric + "_onset_step";
  }
}
