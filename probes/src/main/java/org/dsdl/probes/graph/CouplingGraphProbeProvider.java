package org.dsdl.probes.graph;

import static org.dsdl.api.measure.MeasurementKind.GRAPH;
import static org.dsdl.api.measure.MeasurementKind.SCALAR;

import java.util.List;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.probes.stats.Nulls;

/** Provides the {@code coupling-graph} probe: the "graphical bootstrapping" of Hanson, Yadav &amp; Hanson (2024). */
public final class CouplingGraphProbeProvider implements ProbeProvider<CouplingGraphParameters> {
  @Override
  public String name() {
    return "coupling-graph";
  }

  @Override
  public String description() {
    return "units of consecutive layers joined by structural (kernel) and functional (response) coupling; graph statistics per checkpoint";
  }

  @Override
  public CouplingGraphParameters defaultParameters() {
    return new CouplingGraphParameters(List.of(), "functional", 3, 0.0, 30, 3.0, Nulls.DEFAULT_PERMUTATIONS);
  }

  @Override
  public List<MetricSpec> metrics() {
    return Nulls.withNull(List.of(
        MetricSpec.series("coupling_graph", GRAPH, "nodes = units (id k:j = unit j of the k-th graph layer, group = layer;"
            + " attributes preferred_class (-1 if dead), selectivity, mean_activation, dead), edges from a unit to a unit of the next layer, weight = the rankBy"
            + " coupling, attributes functional (Pearson r) and structural (||W[:,:,i,j]||_2)"),
        MetricSpec.series("graph_edges", SCALAR, "edges kept"),
        MetricSpec.series("graph_density", SCALAR, "edges / possible edges between live units of consecutive layers"),
        MetricSpec.series("graph_mean_strength", SCALAR, "mean edge weight"),
        MetricSpec.series("largest_component", SCALAR, "live units in the largest connected component"),
        MetricSpec.series("largest_component_fraction", SCALAR, "their share of the live units"),
        MetricSpec.series("class_assortativity", SCALAR, "Newman's assortativity of the units' preferred classes over the edges (NaN if undefined)"),
        MetricSpec.summary("class_assortativity_bootstrap_sd", SCALAR, "checkpoint 0: its SD over exemplar resamples"),
        MetricSpec.event("assortativity_onset_step", SCALAR, "at the onset checkpoint, NaN at the last if none: first step from which,"
            + " through the last checkpoint, class_assortativity stays above checkpoint 0's by more than onsetSigmas bootstrap SDs,"
            + " if the last checkpoint's beats its node-label null (p < 0.05; never at 0)")), "class_assortativity", false);
  }

  @Override
  public Probe create(CouplingGraphParameters parameters, ProbeContext context) {
    return new CouplingGraphProbe(context.name(), parameters, Chain.of(parameters.layers(), context.layers()), context.seed(),
        new Nulls(context, parameters.permutations()));
  }
}
