package org.dsdl.probes.stats;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.snapshot.Snapshot;

/**
 * A probe that measures each chosen layer on its own from the shared {@link LayerStatistics}:
 * subclasses say only what to measure in one layer.
 */
public abstract class PerLayerProbe implements Probe {
  private final String name;
  private final List<String> layers;
  private final boolean reluOnly;

  /**
   * @param name the name measurements are recorded under
   * @param layers the layers to measure; empty = every captured layer
   * @param reluOnly leave out the logits (for metrics that assume non-negative activations)
   */
  protected PerLayerProbe(String name, List<String> layers, boolean reluOnly) {
    this.name = name;
    this.layers = List.copyOf(layers);
    this.reluOnly = reluOnly;
  }

  @Override
  public LayerSelection layers() {
    return layers.isEmpty() ? LayerSelection.allLayers() : LayerSelection.of(layers);
  }

  /**
   * Measures the chosen layers in parallel (training waits while probes run, so the cores are
   * free); the layers are independent, so the result, in layer order, does not depend on the
   * number of threads.
   */
  @Override
  public List<Measurement> measure(Snapshot snapshot) {
    return LayerChoice.of(snapshot, layers, reluOnly).parallelStream()
        .map(layer -> {
          String l = layer.layer().name();
          Measurements out = new Measurements(name, snapshot.checkpoint());
          measureLayer(snapshot, l, LayerStatistics.of(snapshot, l), out);
          return out.list();
        })
        .flatMap(List::stream)
        .toList();
  }

  /** Adds the measurements of {@code layer} to {@code out}. */
  protected abstract void measureLayer(Snapshot snapshot, String layer, LayerStatistics stats, Measurements out);
}
