package org.dsdl.app.pipeline;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.api.viz.VisualizerProvider;
import org.dsdl.app.rundir.RunRecordReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a run directory back and renders it with visualizers: the end of a run, and {@code dsdl report}. */
public final class ReportRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(ReportRenderer.class);

  /** Creates a renderer. */
  @Inject
  public ReportRenderer() {}

  /**
   * Renders {@code runDir} with each visualizer; one failing visualizer does not stop the others.
   *
   * @return null if all succeeded, else a line naming the failures
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public String render(Path runDir, List<PluginUse> visualizers) {
    RunRecord record = RunRecordReader.read(runDir);
    StringBuilder errors = new StringBuilder();
    for (PluginUse use : visualizers) {
      try {
        Visualizer v = ((VisualizerProvider) use.plugin().provider()).create(use.parameters());
        for (Path p : v.render(record)) {
          LOG.info("{} wrote {}", use.alias(), p);
        }
      } catch (Exception e) {
        String line = "visualizer '" + use.alias() + "' failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.error(line);
        LOG.debug("visualizer failure", e);
        errors.append(errors.length() == 0 ? "" : "; ").append(line);
      }
    }
    return errors.length() == 0 ? null : errors.toString();
  }
}
