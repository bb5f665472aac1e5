package org.dsdl.probes.graph;

import java.util.List;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

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
    return new CouplingGraphParameters(List.of(), "functional", 3, 0.0, 30, 3.0);
  }

  @Override
  public List<String> outputs() {
    return List.of(
        "coupling_graph (graph, whole network): nodes = units (id k:j = unit j of the k-th graph layer, group = layer;"
            + " attributes preferred_class (-1 if dead), selectivity, mean_activation, dead), edges from a unit to a unit of the next layer, weight = the rankBy"
            + " coupling, attributes functional (Pearson r) and structural (||W[:,:,i,j]||_2)",
        "graph_edges, graph_density (edges / possible edges between live units of consecutive layers),"
            + " graph_mean_strength (mean edge weight) (scalar)",
        "largest_component, largest_component_fraction (scalar): live units in the largest connected component, and their share",
        "class_assortativity (scalar): Newman's assortativity of the units' preferred classes over the edges (NaN if undefined)",
        "class_assortativity_bootstrap_sd (scalar, checkpoint 0): its SD over exemplar resamples",
        "assortativity_onset_step (scalar; event at the onset checkpoint, NaN at the last if none)");
  }

  @Override
  public Probe create(CouplingGraphParameters parameters, ProbeContext context) {
    return new CouplingGraphProbe(context.name(), parameters, Chain.of(parameters.layers(), context.layers()), context.seed());
  }
}
