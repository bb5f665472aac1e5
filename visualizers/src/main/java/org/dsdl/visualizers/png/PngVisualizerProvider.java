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
        + " final heat maps, the events timeline, the coupling graph, each class's attribution pathway at the first, an early and"
        + " the last checkpoint, first-layer kernels); with svg: true also as SVG";
  }

  @Override
  public PngParameters defaultParameters() {
    return new PngParameters(1000, 600, false);
  }

  @Override
  public Visualizer create(PngParameters parameters) {
    if (parameters.svg() && !svgAvailable()) {
      throw new IllegalArgumentException("svg: true needs JFreeSVG, which dsdl does not bundle (it is GPL-3.0-or-later, dsdl"
          + " Apache-2.0): add org.jfree.svg-5.0.6.jar to dsdl's module path (app/target/lib), or leave svg off");
    }
    return new PngVisualizer(parameters);
  }

  /** Whether JFreeSVG is on dsdl's module path (or class path); asked without loading a class that links to it. */
  static boolean svgAvailable() {
    try {
      Class.forName("org.jfree.svg.SVGGraphics2D", false, PngVisualizerProvider.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
