package org.dsdl.probes.stats;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;

/** Which captured layers a probe measures. */
public final class LayerChoice {
  private LayerChoice() {}

  /**
   * The layers of {@code snapshot} to measure: those named in {@code configured} (in network
   * order), or every captured layer when it is empty; the logits are left out when
   * {@code reluOnly} (their activations may be negative).
   */
  public static List<LayerCapture> of(Snapshot snapshot, List<String> configured, boolean reluOnly) {
    List<LayerCapture> out = new ArrayList<>();
    for (LayerCapture c : snapshot.layers().values()) {
      boolean wanted = configured.isEmpty() || configured.contains(c.layer().name());
      if (wanted && !(reluOnly && c.layer().kind() == LayerKind.LOGITS)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Unit labels u0, u1, … for a per-unit vector. */
  public static List<String> unitLabels(int units) {
    List<String> labels = new ArrayList<>(units);
    for (int j = 0; j < units; j++) {
      labels.add("u" + j);
    }
    return labels;
  }
}
