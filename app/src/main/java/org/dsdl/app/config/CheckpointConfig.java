package org.dsdl.app.config;

/**
 * When probes run: checkpoint 0 (untrained), log-spaced steps inside the first epoch, and evenly
 * spaced checkpoints in every epoch.
 *
 * @param earlyLogSpaced add steps 1, 2, 4, 8, … inside the first epoch
 * @param perEpoch evenly spaced checkpoints in each epoch (the last at the epoch's end)
 * @param saveState save model and optimizer state at every checkpoint (in {@code state/}) so the run can be resumed
 * @param probeBudgetSeconds the longest one probe may take at one checkpoint (or at the end); past it the
 *     call fails, and that probe is not called again in the run
 */
public record CheckpointConfig(boolean earlyLogSpaced, int perEpoch, boolean saveState, double probeBudgetSeconds) {
  /**
   * The most checkpoints a run may plan: every probe measures each one, so 10,000 is hours of
   * probing already (the default experiment has 49).
   */
  public static final int MAX_CHECKPOINTS = 10_000;

  /** Validates the range. */
  public CheckpointConfig {
    if (perEpoch < 1 || perEpoch > MAX_CHECKPOINTS) {
      throw new IllegalArgumentException("checkpoints.perEpoch must be between 1 and " + MAX_CHECKPOINTS
          + " (the most checkpoints a run may have), got " + perEpoch);
    }
    if (!(probeBudgetSeconds > 0)) {
      throw new IllegalArgumentException("checkpoints.probeBudgetSeconds must be > 0, got " + probeBudgetSeconds);
    }
  }
}
