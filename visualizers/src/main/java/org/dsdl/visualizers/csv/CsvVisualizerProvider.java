package org.dsdl.visualizers.csv;

import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.WithoutParameters;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.api.viz.VisualizerProvider;

/** Provides the {@code csv} visualizer. */
public final class CsvVisualizerProvider implements VisualizerProvider<NoParameters>, WithoutParameters {
  @Override
  public String name() {
    return "csv";
  }

  @Override
  public String description() {
    return "metrics.csv: every scalar measurement as a tidy table (checkpoint,step,epoch,probe,metric,layer,value)";
  }

  @Override
  public Visualizer create(NoParameters parameters) {
    return new CsvVisualizer();
  }
}
