package org.dsdl.visualizers.png;

import org.dsdl.api.viz.Visualizer;
import org.dsdl.api.viz.VisualizerProvider;

/** Provides the {@code png} visualizer. */
public final class PngVisualizerProvider implements VisualizerProvider<PngParameters> {
  @Override
  public String name() {
    return "png";
  }

  @Override
  public String description() {
    return "figures/: every report chart as a PNG drawn with JFreeChart (curves over training on a log step axis,"
        + " final heat maps, the events timeline, the coupling graph, first-layer kernels); with svg: true also as SVG";
  }

  @Override
  public Class<PngParameters> parametersType() {
    return PngParameters.class;
  }

  @Override
  public PngParameters defaultParameters() {
    return new PngParameters(1000, 600, false);
  }

  @Override
  public Visualizer create(PngParameters parameters) {
    return new PngVisualizer(parameters);
  }
}
