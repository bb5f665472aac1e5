package org.dsdl.app.render;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.run.RunRecord;
import org.dsdl.app.plugin.PluginUse;
import org.dsdl.app.rundir.RunRecordReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a run directory back and renders it with visualizers: the end of a run, and {@code dsdl report}. */
public final class ReportRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(ReportRenderer.class);

  private final VisualizerFactory visualizers;

  /** Creates a renderer whose visualizers {@code visualizers} makes. */
  @Inject
  public ReportRenderer(VisualizerFactory visualizers) {
    this.visualizers = visualizers;
  }

  /**
   * What the visualizers did.
   *
   * @param files every file they wrote
   * @param error null if all succeeded, else a line naming the failures
   */
  public record Rendering(List<Path> files, String error) {
    /** The files inside {@code runDir}, relative to it, '/'-separated (files written elsewhere are left out). */
    public List<String> relativeTo(Path runDir) {
      Path root = runDir.toAbsolutePath().normalize();
      List<String> out = new ArrayList<>();
      for (Path f : files) {
        Path p = root.resolve(f).toAbsolutePath().normalize();
        if (p.startsWith(root) && !p.equals(root)) {
          out.add(root.relativize(p).toString().replace('\\', '/'));
        }
      }
      return List.copyOf(out);
    }
  }

  /**
   * Renders {@code runDir} with each visualizer; one failing visualizer does not stop the others.
   * They render at the same time ({@link ConcurrentRendering}); what each wrote, or why it failed,
   * is logged and returned in the order of {@code uses}.
   */
  public Rendering render(Path runDir, List<PluginUse> uses) {
    RunRecord record = RunRecordReader.read(runDir);
    List<ConcurrentRendering.Job> jobs = uses.stream().map(u -> new ConcurrentRendering.Job(u.alias(), () -> visualizers.create(u))).toList();
    List<String> errors = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    for (ConcurrentRendering.Outcome o : ConcurrentRendering.render(record, jobs)) {
      if (o.failure() == null) {
        written.addAll(o.files());
        LOG.info("{}: {}", o.alias(), summary(runDir, o.files()));
        o.files().forEach(f -> LOG.debug("{} wrote {}", o.alias(), f));
      } else {
        String line = "visualizer '" + o.alias() + "' failed: " + o.failure().getClass().getSimpleName() + ": " + o.failure().getMessage();
        LOG.error(line);
        LOG.debug("visualizer failure", o.failure());
        errors.add(line);
      }
    }
    return new Rendering(List.copyOf(written), errors.isEmpty() ? null : String.join("; ", errors));
  }

  /** "wrote report.html", or "wrote 54 files in figures/" for many: one log line per visualizer. */
  static String summary(Path runDir, List<Path> files) {
    if (files.isEmpty()) {
      return "wrote nothing";
    }
    if (files.size() == 1) {
      return "wrote " + files.get(0);
    }
    Path common = files.get(0).toAbsolutePath().normalize().getParent();
    for (Path f : files) {
      while (common != null && !f.toAbsolutePath().normalize().startsWith(common)) {
        common = common.getParent();
      }
    }
    return "wrote " + files.size() + " files in " + (common == null ? runDir : common);
  }
}
