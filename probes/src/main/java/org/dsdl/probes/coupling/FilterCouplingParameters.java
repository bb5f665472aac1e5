package org.dsdl.probes.coupling;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code filter-coupling} probe. */
public record FilterCouplingParameters(
    @Param("layers to measure; empty = every captured layer") List<String> layers,
    @Param("write the unit x unit correlation matrix for layers with at most this many live units (0 = never)") int maxMatrixUnits,
    @Param("bootstrap resamples over exemplars of the untrained network's mean coupling (checkpoint 0), for the coupling onset; 0 = none")
    int bootstrap,
    @Param("coupling onset: first checkpoint whose mean coupling departs from the untrained value by more than this many bootstrap SDs")
    double onsetSigmas) {
  /** Validates, naming the field. */
  public FilterCouplingParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
    if (maxMatrixUnits < 0) {
      throw new IllegalArgumentException("maxMatrixUnits must be >= 0, got " + maxMatrixUnits);
    }
    if (bootstrap < 0 || bootstrap == 1) {
      throw new IllegalArgumentException("bootstrap must be 0 or at least 2, got " + bootstrap);
    }
    if (!(onsetSigmas > 0)) {
      throw new IllegalArgumentException("onsetSigmas must be > 0, got " + onsetSigmas);
    }
  }
}
