package org.dsdl.app.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.training.Progress;
import org.dsdl.app.training.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code local} runner: {@code parallel} runs at a time in this process, each on a thread of
 * its own (the planner divides the engine's threads between them). Runs start in expansion order;
 * log lines of a run are tagged with its name.
 */
public final class LocalSweepRunner implements SweepRunner {
  /** Runs at a time unless {@code --parallel} says otherwise (measured: see the README's sweep section). */
  public static final int DEFAULT_PARALLEL = 1;
  private static final Logger LOG = LoggerFactory.getLogger(LocalSweepRunner.class);
  private final SweepTask task;
  private final int parallel;
  private final IntFunction<SweepProgress> progress;

  /**
   * A runner of {@code parallel} runs at a time.
   *
   * @param progress the sweep's progress bar for a number of runs, given how many have ended; null for none
   */
  public LocalSweepRunner(SweepTask task, int parallel, IntFunction<SweepProgress> progress) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
    }
    this.task = task;
    this.parallel = parallel;
    this.progress = progress;
  }

  /**
   * The engine threads each of {@code parallel} concurrent runs gets on {@code cores} cores: the cores
   * divided between them (at least one), or 0 (the engine's default, every core) for one run at a time.
   */
  public static int threadsPerRun(int parallel, int cores) {
    return parallel <= 1 ? 0 : Math.max(1, cores / parallel);
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public void run(SweepPlan plan, SweepJournal journal, StopSignal stop) throws IOException {
    List<SweepPlan.Planned> todo = new ArrayList<>();
    int ended = 0;
    for (SweepPlan.Planned p : plan.runs()) {
      boolean finished = journal.manifest().runs().stream().anyMatch(e -> e.name().equals(p.run().name()) && e.finished());
      if (finished) {
        ended++;
        LOG.info("run {} has finished already; skipped", p.run().name());
      } else {
        todo.add(p);
      }
    }
    AtomicInteger counter = new AtomicInteger();
    int total = plan.runs().size();
    ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
      Thread t = new Thread(r, "sweep-run-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try (SweepProgress bar = progress == null ? null : progress.apply(ended)) {
      AtomicInteger done = new AtomicInteger(ended);
      List<Future<?>> futures = new ArrayList<>();
      for (SweepPlan.Planned p : todo) {
        futures.add(pool.submit(() -> {
          runOne(p, journal, stop, bar, done, total);
          return null;
        }));
      }
      SweepWorkers.awaitAll(futures, stop);
    } finally {
      pool.shutdownNow();
    }
  }

  private void runOne(SweepPlan.Planned p, SweepJournal journal, StopSignal stop, SweepProgress bar, AtomicInteger done, int total) {
    String name = p.run().name();
    if (stop.requested()) {
      return; // not started: it stays as it was, for --resume
    }
    MDC.put("run", "[" + name + "] ");
    try {
      journal.started(name);
      long t0 = System.nanoTime();
      Progress runProgress = bar == null ? Progress.silent() : bar.forRun();
      SweepTask.Result r = task.execute(p, journal.runDirectory(name), runProgress, stop);
      double seconds = (System.nanoTime() - t0) / 1e9;
      journal.ended(name, r.status(), r.exitCode(), r.error(), seconds);
      boolean ok = r.status() == RunStatus.COMPLETED && r.exitCode() == ExitCodes.OK;
      if (r.status() == RunStatus.INTERRUPTED) {
        LOG.warn("run {} stopped at its saved state ({}/{} runs ended)", name, done.get(), total);
        return;
      }
      if (bar != null) {
        bar.ended(ok);
      }
      int n = done.incrementAndGet();
      if (ok) {
        LOG.info("run {} completed in {} s ({}/{} runs ended)", name, String.format(java.util.Locale.ROOT, "%.1f", seconds), n, total);
      } else {
        LOG.error("run {} {}: {} ({}/{} runs ended; the others go on)", name, r.status() == RunStatus.COMPLETED ? "had probe failures"
            : "failed", r.error() == null ? "see its run.json" : r.error(), n, total);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      MDC.remove("run");
    }
  }
}
