package org.dsdl.app;

/** The documented exit codes of every dsdl command. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** The run failed, e.g. the loss became NaN; measured checkpoints are kept. */
  public static final int RUN_FAILED = 1;
  /** Bad input: config, data, arguments or plugins. Nothing was trained. */
  public static final int BAD_INPUT = 2;
  /** The run finished but some probe failed at some checkpoint (see run.json probeFailures). */
  public static final int PROBE_FAILED = 4;
  /** Interrupted by the user (SIGINT): 128 + 2, as shells report it. */
  public static final int INTERRUPTED = 130;
  /** Stopped by SIGTERM (state saved, run marked interrupted): 128 + 15, as shells report it. */
  public static final int TERMINATED = 143;

  private ExitCodes() {}
}
