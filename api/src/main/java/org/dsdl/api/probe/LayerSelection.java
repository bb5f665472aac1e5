package org.dsdl.api.probe;

import java.util.List;
import java.util.Set;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Which layers a probe wants captured. The run captures the union of every probe's selection and
 * gives each probe that union, so a snapshot may hold layers this probe did not ask for. Named
 * layers must exist in the model and be captured by {@code probeSet.layers}; a run naming any
 * other is refused at validation.
 *
 * @param all every probe-able layer (convolutions, dense layers and logits)
 * @param names specific layers, when {@code all} is false
 * @param wholeMaps whether the probe needs whole {@code [N×H×W×C]} feature maps, not only pooled activations
 */
public record LayerSelection(boolean all, Set<String> names, boolean wholeMaps) {
  /** Copies the set. */
  public LayerSelection {
    names = Set.copyOf(names);
  }

  /** No layer: the probe reads only logits, labels and evaluations. */
  public static LayerSelection none() {
    return new LayerSelection(false, Set.of(), false);
  }

  /** Every probe-able layer, pooled. */
  public static LayerSelection allLayers() {
    return new LayerSelection(true, Set.of(), false);
  }

  /** The named layers, pooled. */
  public static LayerSelection of(List<String> layers) {
    return new LayerSelection(false, Set.copyOf(layers), false);
  }

  /**
   * The named layers, or every layer when none is named: what a probe's {@code layers} parameter
   * ("empty = every captured layer") asks for. Pooled.
   */
  public static LayerSelection ofOrAll(List<String> layers) {
    return layers.isEmpty() ? allLayers() : of(layers);
  }

  /**
   * The layers of {@code snapshot} this selection picks, in network order: every captured layer
   * if {@link #all}, else the captured ones among {@link #names} (the snapshot also holds the
   * layers other probes asked for, which this leaves out).
   */
  public List<LayerCapture> in(Snapshot snapshot) {
    return snapshot.layers().values().stream().filter(c -> all || names.contains(c.layer().name())).toList();
  }
}
