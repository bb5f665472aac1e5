package org.dsdl.sweep.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.sweep.SweepRun;
import org.dsdl.app.sweep.SweepTask;
import org.dsdl.app.sweep.results.SweepResults;
import org.dsdl.app.training.Progress;
import org.dsdl.app.training.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A Spark task: one run through the same {@link SweepTask} as the local runner, in a scratch folder
 * of the executor, then copied to its target URI; returns how it ended and its measurement rows. A
 * target holding a stopped run is fetched first and the run continues from its saved state; a
 * finished one is left as it is. Stops on the driver's stop signal (embedded) or when Spark
 * cancels the task, with its state saved and copied like any run.
 */
final class RunOnExecutor implements Function<RunRequest, RunResult> {
  private static final long serialVersionUID = 1L;
  /** JavaCPP's setting of the folder TensorFlow's native libraries unpack to. */
  static final String JAVACPP_CACHEDIR = "org.bytedeco.javacpp.cachedir";
  private static final Logger LOG = LoggerFactory.getLogger(RunOnExecutor.class);

  @Override
  public RunResult call(RunRequest request) throws IOException {
    long t0 = System.nanoTime();
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // figures on an executor without a display, as dsdl's main sets it
    }
    if (request.nativesCacheDir() != null && System.getProperty(JAVACPP_CACHEDIR) == null) {
      System.setProperty(JAVACPP_CACHEDIR, request.nativesCacheDir()); // before TensorFlow first loads in this process
    }
    Configuration hadoop = HadoopDirs.configuration(request.hadoop());
    URI target = URI.create(request.target());
    Path scratch = Files.createTempDirectory("dsdl-run-");
    MDC.put("run", "[" + request.name() + "] ");
    StopSignal stop = LocalStops.of(request.sweepId()).orElseGet(StopSignal::new);
    Thread watcher = cancellationWatcher(TaskContext.get(), stop);
    try {
      Path dir = scratch.resolve(request.name());
      if (HadoopDirs.fetch(target, dir, hadoop)) {
        LOG.debug("continuing {} from {}", request.name(), target);
      }
      SweepTask.Result r = DsdlOnExecutor.task(sweepOf(request.target())).execute(DsdlOnExecutor.plan(request.config(), request.source()), dir, Progress.silent(), stop);
      List<MeasuredRow> rows = List.of();
      if (r.status() == RunStatus.COMPLETED) {
        SweepRun self = new SweepRun(request.name(), request.name(), null, Map.of(), 0);
        rows = SweepResults.collect(List.of(self), x -> dir).stream().map(MeasuredRow::of).toList();
      }
      if (!r.skipped() && Files.isDirectory(dir)) {
        HadoopDirs.publish(dir, target, hadoop);
      }
      return new RunResult(request.name(), r.status().name(), r.exitCode(), r.error(), (System.nanoTime() - t0) / 1e9, rows);
    } finally {
      if (watcher != null) {
        watcher.interrupt();
      }
      MDC.remove("run");
      deleteTree(scratch);
    }
  }

  /** A daemon thread that turns Spark's cancellation of this task into a stop of its run; null outside a task. */
  /** The sweep's output URI from a run's target URI ({@code SWEEP/runs/NAME}), for the resume command a stopped run names. */
  static String sweepOf(String target) {
    String t = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
    String marker = "/" + org.dsdl.app.sweep.SweepJournal.RUNS + "/";
    int at = t.lastIndexOf(marker);
    return at > 0 && t.indexOf('/', at + marker.length()) < 0 ? t.substring(0, at) : t;
  }

  private static Thread cancellationWatcher(TaskContext task, StopSignal stop) {
    if (task == null) {
      return null;
    }
    Thread t = new Thread(() -> {
      try {
        while (!stop.requested()) {
          if (task.isInterrupted()) {
            stop.request("the Spark task was cancelled", ExitCodes.INTERRUPTED);
            return;
          }
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the run has ended
      }
    }, "dsdl-cancel-watch");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("cannot delete the scratch folder {}: {}", root, e.toString());
    }
  }
}
