package org.dsdl.app.training;

import java.util.List;
import java.util.Locale;
import org.dsdl.app.DsdlException;

/**
 * The learning rate at each step.
 *
 * @param kind {@code constant}; {@code cosine}: half a cosine from the base rate down to
 *     {@code base * minFactor} at the last step (Loshchilov &amp; Hutter 2017, without restarts);
 *     {@code step}: the base rate multiplied by {@code stepFactor} every {@code stepEvery} steps
 * @param base the configured learning rate
 * @param minFactor the cosine schedule's final rate as a fraction of the base
 * @param totalSteps steps of the whole run
 * @param stepEvery the step schedule's period, in steps
 * @param stepFactor the step schedule's factor
 */
public record LearningRateSchedule(String kind, double base, double minFactor, long totalSteps, long stepEvery, double stepFactor) {
  /** The schedules offered. */
  public static final List<String> KINDS = List.of("constant", "cosine", "step");

  /** Validates, naming the key. */
  public LearningRateSchedule {
    kind = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
    if (!KINDS.contains(kind)) {
      throw DsdlException.badInput("training.schedule must be one of " + KINDS + ", got '" + kind + "'");
    }
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
    switch (kind) {
      case "cosine" -> {
        if (totalSteps <= 1) {
          return base;
        }
        double progress = Math.min(1, (double) step / (totalSteps - 1));
        return base * (minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
      }
      case "step" -> {
        return base * Math.pow(stepFactor, (double) (step / stepEvery));
      }
      default -> {
        return base;
      }
    }
  }
}
