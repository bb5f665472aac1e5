package org.dsdl.probes.geometry;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code class-geometry} probe. */
public record ClassGeometryParameters(
    @Param("layers to measure; empty = every captured layer") List<String> layers) {
  /** Copies the list. */
  public ClassGeometryParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
  }
}
