package org.dsdl.app.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.viz.Visualizer;

/**
 * Renders one run record with several visualizers at the same time: they are made one after
 * another on the calling thread, then render on a pool of as many threads as the machine has
 * cores (two at least), each from the same {@link RunRecord} into its own files. Used at the end
 * of a run, by {@code dsdl report} and by {@code dsdl bench}, so that all three time the same thing.
 */
public final class ConcurrentRendering {
  private ConcurrentRendering() {}

  /**
   * A visualizer to render with.
   *
   * @param alias its name in the config
   * @param make makes it (a failure to make it is that visualizer's failure)
   */
  public record Job(String alias, Supplier<Visualizer> make) {}

  /**
   * What one visualizer did.
   *
   * @param alias its name in the config
   * @param files the files it wrote (empty when it failed)
   * @param failure why it failed, or null
   */
  public record Outcome(String alias, List<Path> files, Throwable failure) {
    /** Copies the list. */
    public Outcome {
      files = List.copyOf(files);
    }
  }

  /**
   * Renders {@code record} with every job; one failing does not stop the others. Returns each
   * job's outcome in the order of {@code jobs}, once all have finished. An error of the virtual
   * machine (out of memory) is thrown, not reported; an interrupt fails the jobs not yet finished.
   */
  public static List<Outcome> render(RunRecord record, List<Job> jobs) {
    List<Future<List<Path>>> results = new ArrayList<>();
    int threads = Math.max(1, Math.min(jobs.size(), Math.max(2, Runtime.getRuntime().availableProcessors())));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "visualizer");
      t.setDaemon(true);
      return t;
    });
    List<Outcome> outcomes = new ArrayList<>();
    try {
      for (Job job : jobs) {
        try {
          Visualizer v = job.make().get();
          results.add(pool.submit(() -> v.render(record)));
        } catch (RuntimeException e) {
          results.add(CompletableFuture.failedFuture(e));
        }
      }
      for (int i = 0; i < jobs.size(); i++) {
        outcomes.add(outcome(jobs.get(i).alias(), results.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
    return List.copyOf(outcomes);
  }

  private static Outcome outcome(String alias, Future<List<Path>> result) {
    try {
      return new Outcome(alias, result.get(), null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof VirtualMachineError err) {
        throw err;
      }
      return new Outcome(alias, List.of(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(true);
      return new Outcome(alias, List.of(), e);
    }
  }
}
