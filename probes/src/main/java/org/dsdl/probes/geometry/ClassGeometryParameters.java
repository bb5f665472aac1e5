package org.dsdl.probes.geometry;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code class-geometry} probe. */
public record ClassGeometryParameters(
    @Param("layers to measure; empty = every captured layer") List<String> layers,
    @Param("bootstrap resamples over exemplars for the silhouette's 95% interval; 0 = none") int bootstrap,
    @Param("label permutations for the silhouette's null (first and last checkpoint); 0 = none") int permutations) {
  /** Copies the list, checks the count. */
  public ClassGeometryParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
    if (bootstrap < 0) {
      throw new IllegalArgumentException("bootstrap must be >= 0, got " + bootstrap);
    }
    org.dsdl.probes.stats.Nulls.check(permutations);
  }
}
