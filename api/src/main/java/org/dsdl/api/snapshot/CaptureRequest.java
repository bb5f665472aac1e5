package org.dsdl.api.snapshot;

import java.util.List;

/**
 * Which layers to capture, and whether whole feature maps are wanted too.
 *
 * @param layers layer names, in any order; the model answers in network order
 * @param wholeMaps also return {@code [N×H×W×C]} maps for spatial layers (large)
 */
public record CaptureRequest(List<String> layers, boolean wholeMaps) {
  /** Copies the list. */
  public CaptureRequest {
    layers = List.copyOf(layers);
  }

  /** No layers: a capture of it is one forward pass that returns the logits only. */
  public static CaptureRequest logitsOnly() {
    return new CaptureRequest(List.of(), false);
  }
}
