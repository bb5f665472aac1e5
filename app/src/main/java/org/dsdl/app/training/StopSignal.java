package org.dsdl.app.training;

import org.dsdl.app.ExitCodes;

/**
 * Asks a running training loop to stop cleanly at the next step (set by Ctrl-C or SIGTERM, or by
 * tests), remembering why, so the run ends with the exit code shells expect for that signal.
 */
public final class StopSignal {
  private volatile String reason;
  private volatile int exitCode = ExitCodes.INTERRUPTED;

  /** Asks the run to stop, as Ctrl-C does. */
  public void request() {
    request("Ctrl-C", ExitCodes.INTERRUPTED);
  }

  /**
   * Asks the run to stop.
   *
   * @param why what asked (e.g. "SIGTERM"), for the run's error line
   * @param code the exit code the interrupted run ends with
   */
  public void request(String why, int code) {
    exitCode = code;
    reason = why;
  }

  /** Whether a stop was asked for. */
  public boolean requested() {
    return reason != null;
  }

  /** What asked for the stop, or null. */
  public String reason() {
    return reason;
  }

  /** The exit code of a run stopped by this signal. */
  public int exitCode() {
    return exitCode;
  }
}
