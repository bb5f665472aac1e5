package org.dsdl.app.pipeline;

/** Asks a running training loop to stop cleanly at the next step (set by Ctrl-C, or by tests). */
public final class StopSignal {
  private volatile boolean requested;

  /** Asks the run to stop. */
  public void request() {
    requested = true;
  }

  /** Whether a stop was asked for. */
  public boolean requested() {
    return requested;
  }
}
