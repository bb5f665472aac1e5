package org.dsdl.app.wiring;

import com.google.inject.AbstractModule;
import org.dsdl.app.pipeline.PipelineRunner;
import org.dsdl.app.pipeline.RunSetupFactory;
import org.dsdl.app.render.ReportRenderer;
import org.dsdl.app.render.VisualizerFactory;

/**
 * The pipeline's parts: the setup of a run, the visualizers and the renderer that drives them,
 * and the runner that sequences training, checkpoints, journal and rendering. A test binds a
 * recording visualizer factory instead of the plugins'.
 */
public final class PipelineModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(VisualizerFactory.class).toInstance(VisualizerFactory.fromPlugins());
    bind(RunSetupFactory.class);
    bind(ReportRenderer.class);
    bind(PipelineRunner.class);
  }
}
