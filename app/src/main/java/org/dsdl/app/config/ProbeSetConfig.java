package org.dsdl.app.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * The probe set: a fixed, stratified, seeded subset of held-out exemplars captured at every checkpoint.
 *
 * @param perClass exemplars per class
 * @param layers {@code [all]} for every probe-able layer probes ask for, or layer names to restrict capture to
 */
public record ProbeSetConfig(int perClass, @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> layers) {
  /** Validates the range. */
  public ProbeSetConfig {
    if (perClass < 1) {
      throw new IllegalArgumentException("probeSet.perClass must be >= 1, got " + perClass);
    }
    layers = layers == null ? List.of("all") : List.copyOf(layers);
  }

  /** Whether every layer may be captured. */
  public boolean allLayers() {
    return layers.contains("all");
  }
}
