package org.dsdl.app.checkpoint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.dsdl.api.measure.Measurement;

/**
 * Runs each probe's calls on a thread of its own (one call at a time, in checkpoint order) with a
 * time budget per call. A call that throws fails with its exception; a call that runs past the
 * budget is interrupted and fails, and that probe is not called again in this process (it may
 * still be running, and a probe is never called concurrently with itself). A call that fails to
 * link (a {@link LinkageError}: a class missing from the plugin's folder) also stops the probe.
 */
final class ProbeExecutor implements AutoCloseable {
  /** A probe call that did not give measurements. */
  static final class ProbeCallFailed extends RuntimeException {
    /** The probe was not called: it was stopped earlier, and that failure was reported then. */
    final boolean notCalled;

    ProbeCallFailed(String message, Throwable cause) {
      this(message, cause, false);
    }

    private ProbeCallFailed(String message, Throwable cause, boolean notCalled) {
      super(message, cause);
      this.notCalled = notCalled;
    }
  }

  private final double budgetSeconds;
  private final Map<String, ExecutorService> threads = new HashMap<>();
  private final Map<String, String> disabled = new HashMap<>();

  ProbeExecutor(double budgetSeconds) {
    this.budgetSeconds = budgetSeconds;
  }

  /** Calls {@code call} for probe {@code name} within the budget. */
  List<Measurement> call(String name, String what, Supplier<List<Measurement>> call) {
    String reason = disabled.get(name);
    if (reason != null) {
      throw new ProbeCallFailed("not called: " + reason, null, true);
    }
    ExecutorService thread = threads.computeIfAbsent(name, n -> Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "probe-" + n);
      t.setDaemon(true);
      return t;
    }));
    Future<List<Measurement>> f = thread.submit(call::get);
    try {
      return f.get((long) (budgetSeconds * 1000), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      String message = what + " ran past its budget of " + budgetSeconds + " s (checkpoints.probeBudgetSeconds)";
      disabled.put(name, message);
      throw new ProbeCallFailed(message, null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof VirtualMachineError err) {
        throw err;
      }
      if (cause instanceof LinkageError) {
        // a class the probe needs is missing or does not match (a plugin jar without its dependencies): it will not get better
        String message = what + " failed: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
            + (cause instanceof ExceptionInInitializerError init
                ? " (a class of the plugin failed to initialise: " + init.getCause() + ")"
                : " (a class the plugin needs is missing or does not match: put the jars it depends on in its plugin folder)");
        disabled.put(name, message);
        throw new ProbeCallFailed(message + "; not called again in this run", cause);
      }
      throw new ProbeCallFailed(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new ProbeCallFailed("interrupted", e);
    }
  }

  /** Whether {@code name} was stopped (for running past its budget, or failing to link). */
  boolean disabled(String name) {
    return disabled.containsKey(name);
  }

  @Override
  public void close() {
    threads.values().forEach(ExecutorService::shutdownNow);
  }
}
