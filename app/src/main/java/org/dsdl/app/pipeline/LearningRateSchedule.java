package org.dsdl.app.pipeline;

import java.util.Locale;
import org.dsdl.app.DsdlException;

/**
 * The learning rate at each step.
 *
 * @param kind {@code constant}, or {@code cosine}: half a cosine from the base rate down to
 *     {@code base * minFactor} at the last step (Loshchilov &amp; Hutter 2017, without restarts)
 * @param base the configured learning rate
 * @param minFactor the final rate as a fraction of the base (cosine only)
 * @param totalSteps steps of the whole run
 */
public record LearningRateSchedule(String kind, double base, double minFactor, long totalSteps) {
  /** Validates the kind, naming the key. */
  public LearningRateSchedule {
    kind = kind.toLowerCase(Locale.ROOT);
    if (!kind.equals("constant") && !kind.equals("cosine")) {
      throw DsdlException.badInput("training.schedule must be one of [constant, cosine], got '" + kind + "'");
    }
    if (minFactor < 0 || minFactor > 1) {
      throw DsdlException.badInput("training.minLearningRateFactor must be in [0, 1], got " + minFactor);
    }
  }

  /** The rate for the step that follows {@code step} completed steps. */
  public double at(long step) {
    if (kind.equals("constant") || totalSteps <= 1) {
      return base;
    }
    double progress = Math.min(1, (double) step / (totalSteps - 1));
    return base * (minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
  }
}
