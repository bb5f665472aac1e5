package org.dsdl.app.config;

/**
 * When probes run: checkpoint 0 (untrained), log-spaced steps early in training, and evenly spaced
 * checkpoints, either {@code perEpoch} in every epoch or one {@code every} so many steps (never both:
 * a config that gives {@code every} replaces the default's {@code perEpoch}, see {@link ConfigLoader}).
 *
 * @param earlyLogSpaced add steps 1, 2, 4, 8, … inside the first epoch (with {@code every}: before the first evenly spaced checkpoint)
 * @param perEpoch evenly spaced checkpoints in each epoch (the last at the epoch's end); null when {@code every} is given
 * @param every a checkpoint every this many steps, whatever an epoch's length (runs on training splits of different sizes
 *     are measured at the same steps); null when {@code perEpoch} is given
 * @param saveState save model and optimizer state at every checkpoint (in {@code state/}) so the run can be resumed
 * @param probeBudgetSeconds the longest one probe may take at one checkpoint (or at the end); past it the
 *     call fails, and that probe is not called again in the run
 * @param async whether the probes of a checkpoint run beside training (see {@link AsyncProbes})
 */
public record CheckpointConfig(boolean earlyLogSpaced, Integer perEpoch, Long every, boolean saveState, double probeBudgetSeconds,
    AsyncProbes async) {
  /**
   * Snapshots taken and not yet measured, at most, when the probes run beside training: when the
   * worker is this far behind, training waits at the next checkpoint until the oldest is done.
   */
  public static final int MAX_PENDING_SNAPSHOTS = 2;

  /**
   * The most checkpoints a run may plan: every probe measures each one, so 10,000 is hours of
   * probing already (the default experiment has 49).
   */
  public static final int MAX_CHECKPOINTS = 10_000;

  /** Validates the range. */
  public CheckpointConfig {
    if (perEpoch != null && every != null) {
      throw new IllegalArgumentException("checkpoints.every and checkpoints.perEpoch are both given; give one: checkpoints.every places"
          + " a checkpoint every so many steps, checkpoints.perEpoch so many in each epoch");
    }
    if (perEpoch == null && every == null) {
      throw new IllegalArgumentException("checkpoints.perEpoch or checkpoints.every must be given");
    }
    if (perEpoch != null && (perEpoch < 1 || perEpoch > MAX_CHECKPOINTS)) {
      throw new IllegalArgumentException("checkpoints.perEpoch must be between 1 and " + MAX_CHECKPOINTS
          + " (the most checkpoints a run may have), got " + perEpoch);
    }
    if (every != null && (every < 1 || every > TrainingConfig.MAX_STEPS)) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "checkpoints.every must be between 1 and %,d steps, got %,d",
          TrainingConfig.MAX_STEPS, every));
    }
    if (!(probeBudgetSeconds > 0)) {
      throw new IllegalArgumentException("checkpoints.probeBudgetSeconds must be > 0, got " + probeBudgetSeconds);
    }
    if (async == null) {
      throw new IllegalArgumentException("checkpoints.async must be one of " + AsyncProbes.ids() + ", got null");
    }
  }

  /** Where the evenly spaced checkpoints fall: {@code perEpoch} or {@code every}, whichever is given. */
  public CheckpointSpacing spacing() {
    return every != null ? new CheckpointSpacing.Every(every) : new CheckpointSpacing.PerEpoch(perEpoch);
  }
}
