package org.dsdl.probes.rsa;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code rsa} probe. */
public record RsaParameters(
    @Param("layers to measure; empty = every captured layer") List<String> layers,
    @Param("dissimilarity: correlation (1 - Pearson r), the only one so far") String distance,
    @Param("label permutations for the category fit's null (first and last checkpoint); 0 = none") int permutations) {
  /** Validates, naming the field. */
  public RsaParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
    org.dsdl.probes.stats.Nulls.check(permutations);
    if (!"correlation".equals(distance)) {
      throw new IllegalArgumentException("distance must be correlation, got '" + distance + "'");
    }
  }
}
