package org.dsdl.probes.weights;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code weight-coupling} probe. */
public record WeightCouplingParameters(
    @Param("layers to measure (those with weights); empty = every captured layer with weights") List<String> layers) {
  /** Validates. */
  public WeightCouplingParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
  }
}
