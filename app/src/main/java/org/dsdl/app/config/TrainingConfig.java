package org.dsdl.app.config;

/**
 * The optimisation schedule. The run's length is either {@code epochs} or {@code steps}, never both:
 * a config that gives {@code steps} replaces the default's {@code epochs} (see {@link ConfigLoader}).
 *
 * @param epochs passes over the training split, at most {@link CheckpointConfig#MAX_CHECKPOINTS} (each ends with a checkpoint);
 *     null when {@code steps} is given
 * @param steps a step budget: optimisation steps of the whole run (whole epochs, then part of one), so that runs on
 *     training splits of different sizes see the same number of samples; null when {@code epochs} is given
 * @param batchSize exemplars per step
 * @param trainEvalSize training exemplars (a fixed, stratified, seeded subset) evaluated at every checkpoint for train loss/accuracy
 * @param optimizer the update rule
 * @param schedule how the learning rate changes over the run
 * @param minLearningRateFactor the cosine schedule's final rate, as a fraction of the optimizer's learning rate
 * @param stepEpochs the step schedule multiplies the rate by {@code stepFactor} every this many epochs
 * @param stepFactor the step schedule's factor
 */
public record TrainingConfig(Integer epochs, Long steps, int batchSize, int trainEvalSize, OptimizerConfig optimizer, Schedule schedule,
    double minLearningRateFactor, int stepEpochs, double stepFactor) {
  /**
   * The most training steps a run may plan: 100 million, about a day even at a millisecond a step
   * (the smallest models' pace on a CPU); the default experiment has 3,140.
   */
  public static final long MAX_STEPS = 100_000_000L;

  /** Validates ranges, naming the key. */
  public TrainingConfig {
    if (epochs != null && steps != null) {
      throw new IllegalArgumentException("training.steps and training.epochs are both given; give one: training.steps is the run's length"
          + " in optimisation steps, training.epochs in passes over the training split");
    }
    if (epochs == null && steps == null) {
      throw new IllegalArgumentException("training.epochs or training.steps must be given (the run's length in passes over the training"
          + " split, or in optimisation steps)");
    }
    if (epochs != null && epochs < 1) {
      throw new IllegalArgumentException("training.epochs must be >= 1, got " + epochs);
    }
    if (epochs != null && epochs > CheckpointConfig.MAX_CHECKPOINTS) {
      throw new IllegalArgumentException("training.epochs must be at most " + CheckpointConfig.MAX_CHECKPOINTS
          + " (every epoch ends with a checkpoint, and a run may have at most " + CheckpointConfig.MAX_CHECKPOINTS
          + " checkpoints), got " + epochs);
    }
    if (steps != null && (steps < 1 || steps > MAX_STEPS)) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "training.steps must be between 1 and %,d, got %,d",
          MAX_STEPS, steps));
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("training.batchSize must be >= 1, got " + batchSize);
    }
    if (schedule == null) {
      throw new IllegalArgumentException("training.schedule must be one of " + Schedule.ids() + ", got ''");
    }
    if (trainEvalSize < 0) {
      throw new IllegalArgumentException("training.trainEvalSize must be >= 0, got " + trainEvalSize);
    }
  }

  /** How long the run trains: {@code epochs} or {@code steps}, whichever is given. */
  public RunLength length() {
    return steps != null ? new RunLength.Steps(steps) : new RunLength.Epochs(epochs);
  }
}
