package org.dsdl.probes.graph;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code coupling-graph} probe. */
public record CouplingGraphParameters(
    @Param("layers whose units are the nodes, consecutive in the network; empty = every captured convolution layer") List<String> layers,
    @Param("edges ranked by: functional (|response correlation|) or structural (norm of the kernel slice)") String rankBy,
    @Param("each unit keeps its k strongest incoming edges from the layer before; 0 = all") int topK,
    @Param("edges whose rank weight is below this are dropped") double threshold,
    @Param("bootstrap resamples over exemplars of the untrained network's assortativity (checkpoint 0), for its onset; 0 = none")
    int bootstrap,
    @Param("assortativity onset: first checkpoint departing from the untrained value by more than this many bootstrap SDs")
    double onsetSigmas,
    @Param("label permutations for class_assortativity's null (first and last checkpoint); 0 = none") int permutations) {
  /** Validates, naming the field. */
  public CouplingGraphParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
    org.dsdl.probes.stats.Nulls.check(permutations);
    if (!"functional".equals(rankBy) && !"structural".equals(rankBy)) {
      throw new IllegalArgumentException("rankBy must be functional or structural, got '" + rankBy + "'");
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0, got " + topK);
    }
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
    }
    if (bootstrap < 0 || bootstrap == 1) {
      throw new IllegalArgumentException("bootstrap must be 0 or at least 2, got " + bootstrap);
    }
    if (!(onsetSigmas > 0)) {
      throw new IllegalArgumentException("onsetSigmas must be > 0, got " + onsetSigmas);
    }
  }
}
