package org.dsdl.probes.selectivity;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code selectivity} probe. */
public record SelectivityParameters(
    @Param("layers to measure; empty = every captured ReLU layer (convolutions, pools, dense; not the logits)") List<String> layers) {
  /** Copies the list. */
  public SelectivityParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
  }
}
