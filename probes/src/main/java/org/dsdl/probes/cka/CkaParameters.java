package org.dsdl.probes.cka;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code cka} probe. */
public record CkaParameters(
    @Param("layers to compare; empty = every captured layer") List<String> layers,
    @Param("use the debiased (unbiased HSIC) estimator instead of the plain one") boolean debiased,
    @Param("compute each layer's CKA to its final state at the end of the run (keeps pooled activations)") boolean toFinal,
    @Param("a layer has settled from the first checkpoint whose CKA to final stays at or above this") double settleThreshold) {
  /** Validates, naming the field. */
  public CkaParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
    if (!(settleThreshold > 0 && settleThreshold <= 1)) {
      throw new IllegalArgumentException("settleThreshold must be in (0, 1], got " + settleThreshold);
    }
  }
}
