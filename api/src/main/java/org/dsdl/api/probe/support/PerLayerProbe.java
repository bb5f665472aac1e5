package org.dsdl.api.probe.support;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;

/**
 * A probe that measures each layer of its {@link LayerSelection} on its own: say what to measure
 * in one layer, and this picks the selected layers out of each snapshot ({@link
 * LayerSelection#in}), measures them in parallel and returns their measurements in network order.
 *
 * <pre>{@code
 * return PerLayerProbe.of(context.name(), LayerSelection.allLayers(), (snapshot, layer, out) -> {
 *   LayerStatistics s = LayerStatistics.of(snapshot, layer.layer().name());
 *   out.scalar("dead_fraction", layer.layer().name(), (double) s.deadCount() / s.units());
 * });
 * }</pre>
 *
 * <p>Training waits while probes run, so the cores are free; the layers are independent, so the
 * result does not depend on the number of threads. {@link #measureLayer} must therefore be safe to
 * call for several layers at once: keep per-layer state in a concurrent map, or keep none.
 */
public abstract class PerLayerProbe implements Probe {
  private final String name;
  private final LayerSelection selection;

  /** What a {@link PerLayerProbe} made by {@link #of} measures in one layer. */
  @FunctionalInterface
  public interface LayerMeasure {
    /** Adds the measurements of {@code layer} at {@code snapshot}'s checkpoint to {@code out}. */
    void measure(Snapshot snapshot, LayerCapture layer, Measurements out);
  }

  /**
   * @param name the name measurements are recorded under ({@link org.dsdl.api.probe.ProbeContext#name()})
   * @param selection the layers to measure (and to have captured)
   */
  protected PerLayerProbe(String name, LayerSelection selection) {
    this.name = name;
    this.selection = selection;
  }

  /** A probe that measures each selected layer with {@code measure}. */
  public static PerLayerProbe of(String name, LayerSelection selection, LayerMeasure measure) {
    return new PerLayerProbe(name, selection) {
      @Override
      protected void measureLayer(Snapshot snapshot, LayerCapture layer, Measurements out) {
        measure.measure(snapshot, layer, out);
      }
    };
  }

  /** Unit labels {@code u0, u1, …} for a vector over a layer's {@code units} units. */
  public static List<String> unitLabels(int units) {
    List<String> labels = new ArrayList<>(units);
    for (int j = 0; j < units; j++) {
      labels.add("u" + j);
    }
    return List.copyOf(labels);
  }

  /** The selection given at construction. */
  @Override
  public LayerSelection layers() {
    return selection;
  }

  /**
   * Whether to measure {@code layer}, one of the selected layers of a snapshot; every one by
   * default. Override to leave some out, e.g. the logits for a metric that assumes non-negative
   * activations.
   */
  protected boolean measures(LayerCapture layer) {
    return true;
  }

  /** Measures the selected layers in parallel and returns their measurements in network order. */
  @Override
  public List<Measurement> measure(Snapshot snapshot) {
    return selection.in(snapshot).parallelStream()
        .filter(this::measures)
        .map(layer -> {
          Measurements out = new Measurements(name, snapshot.checkpoint());
          measureLayer(snapshot, layer, out);
          return out.list();
        })
        .flatMap(List::stream)
        .toList();
  }

  /** Adds the measurements of {@code layer} at {@code snapshot}'s checkpoint to {@code out}. */
  protected abstract void measureLayer(Snapshot snapshot, LayerCapture layer, Measurements out);
}
