package org.dsdl.app.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.training.StopSignal;

/** Waiting for a runner's workers, as every {@link SweepRunner} does. */
public final class SweepWorkers {
  private SweepWorkers() {}

  /**
   * Waits for every future. An interrupt stops the sweep ({@code stop}, exit code INTERRUPTED) and
   * the wait goes on, so that started runs end cleanly; a worker's I/O failure (checked or wrapped)
   * is rethrown as it was; anything else as an IllegalStateException.
   */
  public static void awaitAll(List<? extends Future<?>> futures, StopSignal stop) throws IOException {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop.request("interrupted", ExitCodes.INTERRUPTED);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof UncheckedIOException u) {
          throw u.getCause();
        }
        throw new IllegalStateException("a sweep worker failed", e.getCause());
      }
    }
  }
}
