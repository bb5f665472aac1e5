package org.dsdl.app.training;

import java.util.Objects;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.Schedule;

/**
 * The learning rate at each step.
 *
 * @param kind {@link Schedule#CONSTANT}; {@link Schedule#COSINE}: half a cosine from the base rate down to
 *     {@code base * minFactor} at the last step (Loshchilov &amp; Hutter 2017, without restarts);
 *     {@link Schedule#STEP}: the base rate multiplied by {@code stepFactor} every {@code stepEvery} steps
 * @param base the configured learning rate
 * @param minFactor the cosine schedule's final rate as a fraction of the base
 * @param totalSteps steps of the whole run
 * @param stepEvery the step schedule's period, in steps
 * @param stepFactor the step schedule's factor
 */
public record LearningRateSchedule(Schedule kind, double base, double minFactor, long totalSteps, long stepEvery, double stepFactor) {
  /** Validates, naming the key. */
  public LearningRateSchedule {
    Objects.requireNonNull(kind, "kind");
    if (minFactor < 0 || minFactor > 1) {
      throw DsdlException.badInput("training.minLearningRateFactor must be in [0, 1], got " + minFactor);
    }
    if (stepEvery < 1) {
      throw DsdlException.badInput("training.stepEpochs must be >= 1");
    }
    if (!(stepFactor > 0 && stepFactor <= 1)) {
      throw DsdlException.badInput("training.stepFactor must be in (0, 1], got " + stepFactor);
    }
  }

  /** The rate for the step that follows {@code step} completed steps. */
  public double at(long step) {
    return switch (kind) {
      case CONSTANT -> base;
      case COSINE -> {
        if (totalSteps <= 1) {
          yield base;
        }
        double progress = Math.min(1, (double) step / (totalSteps - 1));
        yield base * (minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
      }
      case STEP -> base * Math.pow(stepFactor, (double) (step / stepEvery));
    };
  }
}
