package org.dsdl.visualizers.npy;

import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.WithoutParameters;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.api.viz.VisualizerProvider;

/** Provides the {@code npy} visualizer. */
public final class NpyVisualizerProvider implements VisualizerProvider<NoParameters>, WithoutParameters {
  @Override
  public String name() {
    return "npy";
  }

  @Override
  public String description() {
    return "arrays/ for NumPy: probe-set labels and ids, and per checkpoint each layer's activations and the logits"
        + " (float32, exemplars x units; about 2 MB per checkpoint for the default experiment; written during a run)";
  }

  @Override
  public Visualizer create(NoParameters parameters) {
    return new NpyVisualizer();
  }
}
