package org.dsdl.app.checkpoint;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * One thread that works through checkpoints beside training: tasks run one after another in the
 * order they were handed over, and at most {@code capacity} are handed over and not yet done, so
 * that at most that many snapshots are held in memory. The trainer {@linkplain #reserve reserves} a
 * place before it takes a snapshot (waiting while the worker is that far behind) and then
 * {@linkplain #submit submits} the task for it. A task that fails is rethrown to the trainer at its
 * next reserve or drain, and the tasks after it are skipped: what follows a failed checkpoint is
 * never recorded as if that checkpoint had been.
 */
public final class CheckpointWorker implements AutoCloseable {
  /** Work on one checkpoint. */
  @FunctionalInterface
  public interface Task {
    /** Does the work; runs on the worker's thread. */
    void run() throws IOException;
  }

  private final int capacity;
  private final Semaphore places;
  private final ExecutorService thread;
  private volatile Throwable failure;

  /**
   * A worker with {@code capacity} places; its thread carries the logging context (MDC) of the
   * thread that creates it, so its lines name the run as the trainer's do.
   *
   * @param name the thread's name
   */
  public CheckpointWorker(int capacity, String name) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.places = new Semaphore(capacity);
    Map<String, String> context = MDC.getCopyOfContextMap();
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(() -> {
        if (context != null) {
          MDC.setContextMap(context);
        }
        r.run();
      }, name);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Waits until fewer than {@code capacity} tasks are pending and takes a place for the next
   * {@link #submit} (or {@link #cancel}).
   *
   * @throws IOException (or the unchecked exception or error) an earlier task failed with
   */
  public void reserve() throws IOException {
    rethrowFailure();
    acquire(1);
    if (failure != null) {
      places.release();
      rethrowFailure();
    }
  }

  /** Hands over {@code task} for the place reserved; it runs after every task handed over before it. */
  public void submit(Task task) {
    thread.execute(() -> {
      try {
        if (failure == null) {
          task.run();
        }
      } catch (Throwable t) {
        failure = t;
      } finally {
        places.release();
      }
    });
  }

  /** Gives back a place reserved without submitting a task for it. */
  public void cancel() {
    places.release();
  }

  /** Tasks handed over and not yet done, or places reserved. */
  public int pending() {
    return capacity - places.availablePermits();
  }

  /**
   * Waits until every task handed over is done.
   *
   * @throws IOException (or the unchecked exception or error) a task failed with
   */
  public void drain() throws IOException {
    acquire(capacity);
    places.release(capacity);
    rethrowFailure();
  }

  private void acquire(int n) throws InterruptedIOException {
    try {
      places.acquire(n);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the probes of earlier checkpoints");
    }
  }

  private void rethrowFailure() throws IOException {
    Throwable t = failure;
    if (t instanceof IOException e) {
      throw e;
    }
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Lets the tasks handed over finish (each probe call is bounded by its time budget), then ends
   * the thread; interrupted, it interrupts them.
   */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS); // each probe call is bounded by its budget
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
