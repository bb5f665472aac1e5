package org.dsdl.api.snapshot;

import java.util.Map;

/**
 * What a model returns from one capture: the requested layers (in network order) and the logits.
 *
 * @param layers captured layers by name, in network order
 * @param logits {@code [exemplars × classes]}
 */
public record Capture(Map<String, LayerCapture> layers, FloatMatrix logits) {
  /** Keeps the map's iteration order. */
  public Capture {
    layers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(layers));
  }
}
