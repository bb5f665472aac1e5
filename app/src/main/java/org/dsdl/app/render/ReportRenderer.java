package org.dsdl.app.render;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.viz.Visualizer;
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
   * The visualizers are made one after another, then render at the same time, as many at once as
   * the machine has cores, two at least (each works from the same {@link RunRecord}, read once, and writes its own
   * files); what each wrote is logged and returned in the order of {@code uses}.
   */
  public Rendering render(Path runDir, List<PluginUse> uses) {
    RunRecord record = RunRecordReader.read(runDir);
    List<String> errors = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    List<Future<List<Path>>> results = new ArrayList<>();
    int threads = Math.max(1, Math.min(uses.size(), Math.max(2, Runtime.getRuntime().availableProcessors())));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "visualizer");
      t.setDaemon(true);
      return t;
    });
    try {
      for (PluginUse use : uses) {
        try {
          Visualizer v = visualizers.create(use);
          results.add(pool.submit(() -> v.render(record)));
        } catch (RuntimeException e) {
          results.add(CompletableFuture.failedFuture(e));
        }
      }
      for (int i = 0; i < uses.size(); i++) {
        String alias = uses.get(i).alias();
        try {
          List<Path> files = results.get(i).get();
          written.addAll(files);
          LOG.info("{}: {}", alias, summary(runDir, files));
          files.forEach(f -> LOG.debug("{} wrote {}", alias, f));
        } catch (ExecutionException e) {
          errors.add(failed(alias, e.getCause()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      errors.add("rendering interrupted");
    } finally {
      pool.shutdownNow();
    }
    return new Rendering(List.copyOf(written), errors.isEmpty() ? null : String.join("; ", errors));
  }

  private static String failed(String alias, Throwable e) {
    if (e instanceof VirtualMachineError err) {
      throw err;
    }
    String line = "visualizer '" + alias + "' failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    LOG.error(line);
    LOG.debug("visualizer failure", e);
    return line;
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
