package org.dsdl.probes.selectivity;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code selectivity} probe. */
public record SelectivityParameters(
    @Param("layers to measure; empty = every captured ReLU layer (convolutions, pools, dense; not the logits)") List<String> layers,
    @Param("label permutations for mean_selectivity's null (first and last checkpoint); 0 = none") int permutations) {
  /** Copies the list, checks the count. */
  public SelectivityParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
    org.dsdl.probes.stats.Nulls.check(permutations);
  }
}
