package org.dsdl.app.config;

/**
 * The optimisation schedule.
 *
 * @param epochs passes over the training split, at most {@link CheckpointConfig#MAX_CHECKPOINTS} (each ends with a checkpoint)
 * @param batchSize exemplars per step
 * @param trainEvalSize training exemplars (a fixed, stratified, seeded subset) evaluated at every checkpoint for train loss/accuracy
 * @param optimizer the update rule
 * @param schedule how the learning rate changes over the run
 * @param minLearningRateFactor the cosine schedule's final rate, as a fraction of the optimizer's learning rate
 * @param stepEpochs the step schedule multiplies the rate by {@code stepFactor} every this many epochs
 * @param stepFactor the step schedule's factor
 */
public record TrainingConfig(int epochs, int batchSize, int trainEvalSize, OptimizerConfig optimizer, Schedule schedule,
    double minLearningRateFactor, int stepEpochs, double stepFactor) {
  /** Validates ranges, naming the key. */
  public TrainingConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("training.epochs must be >= 1, got " + epochs);
    }
    if (epochs > CheckpointConfig.MAX_CHECKPOINTS) {
      throw new IllegalArgumentException("training.epochs must be at most " + CheckpointConfig.MAX_CHECKPOINTS
          + " (every epoch ends with a checkpoint, and a run may have at most " + CheckpointConfig.MAX_CHECKPOINTS
          + " checkpoints), got " + epochs);
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
}
