package org.dsdl.visualizers.html;

import org.dsdl.api.viz.Visualizer;
import org.dsdl.api.viz.VisualizerProvider;

/** Provides the {@code html} visualizer. */
public final class HtmlVisualizerProvider implements VisualizerProvider<HtmlParameters> {
  @Override
  public String name() {
    return "html";
  }

  @Override
  public String description() {
    return "report.html: one self-contained page (no network) with the run summary, learning curves, every probe's"
        + " measurements by kind, heat maps and the coupling graph with checkpoint sliders, each class's attribution pathway"
        + " beside its statistics, kernels and events";
  }

  @Override
  public HtmlParameters defaultParameters() {
    return new HtmlParameters(false, 16);
  }

  @Override
  public Visualizer create(HtmlParameters parameters) {
    return new HtmlVisualizer(parameters);
  }
}
