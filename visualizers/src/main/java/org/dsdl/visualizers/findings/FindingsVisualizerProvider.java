package org.dsdl.visualizers.findings;

import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.WithoutParameters;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.api.viz.VisualizerProvider;

/** Provides the {@code findings} visualizer. */
public final class FindingsVisualizerProvider implements VisualizerProvider<NoParameters>, WithoutParameters {
  @Override
  public String name() {
    return "findings";
  }

  @Override
  public String description() {
    return "findings.json: what emerged and when, each claim with its uncertainty and whether it passed its control";
  }

  @Override
  public Visualizer create(NoParameters parameters) {
    return new FindingsVisualizer();
  }
}
