package org.dsdl.probes.attribution;

import static org.dsdl.api.measure.MeasurementKind.GRAPH;
import static org.dsdl.api.measure.MeasurementKind.SCALAR;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.probes.stats.Nulls;

/**
 * Provides the {@code class-attribution} probe: per class, the pathway of strongest first-order
 * influences through consecutive layers, and statistics of it that can fail. Its metrics are per
 * class, {@code _c<k>} for class index k; as the classes are not known before a run, they are
 * declared by that pattern (the names a run records have k in place of {@code <k>}).
 */
public final class ClassAttributionProbeProvider implements ProbeProvider<ClassAttributionParameters> {
  /** Default of {@code perClassExemplars}. */
  static final int DEFAULT_EXEMPLARS = 50;
  /** Default of {@code permutations}. */
  static final int DEFAULT_PERMUTATIONS = Nulls.DEFAULT_PERMUTATIONS;

  @Override
  public String name() {
    return "class-attribution";
  }

  @Override
  public String description() {
    return "per class, each unit's strongest first-order input influences from the layer before (Summit-style attribution graphs),"
        + " with pathway specificity, concentration, class consistency and stability, their exemplar-label nulls and onsets";
  }

  @Override
  public ClassAttributionParameters defaultParameters() {
    return new ClassAttributionParameters(List.of(), 3, DEFAULT_EXEMPLARS, DEFAULT_PERMUTATIONS, 3.0, 8);
  }

  @Override
  public List<MetricSpec> metrics() {
    List<MetricSpec> specs = new ArrayList<>(List.of(
        MetricSpec.series("attribution_graph_c<k>", GRAPH, "class k's graph: nodes = units (id l:j = unit j of the l-th layer, group = layer;"
            + " attributes preferred_class (-1 if dead), selectivity, dead); edges from each unit's topK strongest positive inputs,"
            + " weight = influence on its pre-activation averaged over class k's exemplars"),
        MetricSpec.series("pathway_specificity_c<k>", SCALAR, "per target layer: 1 - mean Jaccard overlap of class k's kept edges"
            + " with each other class's").forEachLayer(),
        MetricSpec.series("pathway_concentration_c<k>", SCALAR, "per target layer: kept positive influence / all positive influence"
            + " into the layer").forEachLayer(),
        MetricSpec.series("pathway_consistency_c<k>", SCALAR, "per target layer: share of the kept influence into units preferring k"
            + " that comes from units preferring k").forEachLayer(),
        MetricSpec.series("pathway_stability_c<k>", SCALAR, "per target layer: Jaccard of class k's kept edges with the previous"
            + " checkpoint's (NaN at the first)").forEachLayer()));
    for (Statistic s : Statistic.values()) {
      specs.addAll(Nulls.declare(s.pattern(), true));
    }
    for (Statistic s : Statistic.values()) {
      if (s.averaged()) {
        specs.add(MetricSpec.series(s.mean(), SCALAR, "per target layer: mean over classes of " + s.pattern() + " (NaN classes left out)")
            .forEachLayer());
        specs.addAll(Nulls.declare(s.mean(), true));
      }
      if (s.onset()) {
        specs.add(MetricSpec.event(s.event(), SCALAR, "per target layer, at the onset checkpoint (NaN at the last if none): first step"
            + " from which, through the last checkpoint, " + s.mean() + " stays above checkpoint 0's by more than onsetSigmas of its"
            + " checkpoint-0 null SDs and beats its null (p < 0.05; never at 0)").forEachLayer());
      }
    }
    return List.copyOf(specs);
  }

  @Override
  public Probe create(ClassAttributionParameters parameters, ProbeContext context) {
    return new ClassAttributionProbe(context.name(), parameters, Pathway.of(parameters.layers(), context.layers()),
        new Nulls(context, parameters.permutations()));
  }
}
