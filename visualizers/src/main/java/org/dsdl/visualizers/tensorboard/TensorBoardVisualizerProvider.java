package org.dsdl.visualizers.tensorboard;

import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.WithoutParameters;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.api.viz.VisualizerProvider;

/** Provides the {@code tensorboard} visualizer. */
public final class TensorBoardVisualizerProvider implements VisualizerProvider<NoParameters>, WithoutParameters {
  @Override
  public String name() {
    return "tensorboard";
  }

  @Override
  public String description() {
    return "tensorboard/: an event file with every scalar (tag probe/metric[/layer], step = training step)"
        + " and small matrices as heat-map images; open with tensorboard --logdir RUN_DIR/tensorboard";
  }

  @Override
  public Visualizer create(NoParameters parameters) {
    return new TensorBoardVisualizer();
  }
}
