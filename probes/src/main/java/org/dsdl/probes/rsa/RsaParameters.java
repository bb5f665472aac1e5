package org.dsdl.probes.rsa;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code rsa} probe. */
public record RsaParameters(
    @Param("layers to measure; empty = every captured layer") List<String> layers,
    @Param("dissimilarity: correlation (1 - Pearson r), the only one so far") String distance) {
  /** Validates, naming the field. */
  public RsaParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
    if (!"correlation".equals(distance)) {
      throw new IllegalArgumentException("distance must be correlation, got '" + distance + "'");
    }
  }
}
