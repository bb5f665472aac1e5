package org.dsdl.app.training;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.CheckpointConfig;

/**
 * The training steps at which probes run: step 0 (the untrained network), log-spaced steps inside
 * the first epoch (1, 2, 4, 8, …), {@code perEpoch} evenly spaced steps in every epoch, and always
 * the last step.
 *
 * <p>A run plans at most {@link #MAX_STEPS} steps and {@link CheckpointConfig#MAX_CHECKPOINTS}
 * checkpoints; a config asking for more is refused before the schedule is built, so planning
 * stays cheap whatever the config says.
 *
 * @param steps the checkpoint steps, ascending, without duplicates
 * @param totalSteps the steps of the whole run
 */
public record CheckpointSchedule(List<Long> steps, long totalSteps) {
  /**
   * The most training steps a run may plan: 100 million, about a day even at a millisecond a step
   * (the smallest models' pace on a CPU); the default experiment has 3,140.
   */
  public static final long MAX_STEPS = 100_000_000L;

  /** Copies the list. */
  public CheckpointSchedule {
    steps = List.copyOf(steps);
  }

  /**
   * The schedule for a run of {@code epochs} epochs of {@code stepsPerEpoch} steps.
   *
   * @throws DsdlException (bad input) past {@link #MAX_STEPS} steps or {@link CheckpointConfig#MAX_CHECKPOINTS} checkpoints
   */
  public static CheckpointSchedule of(long stepsPerEpoch, int epochs, int perEpoch, boolean earlyLogSpaced) {
    long total = stepsPerEpoch * epochs;
    if (total > MAX_STEPS) {
      throw DsdlException.badInput(String.format(Locale.ROOT,
          "training.epochs %,d of %,d steps each (the training split in batches of training.batchSize) are %,d steps;"
              + " a run may have at most %,d", epochs, stepsPerEpoch, total, MAX_STEPS));
    }
    // Every epoch has min(perEpoch, stepsPerEpoch) distinct checkpoint steps: check before building the set.
    long inEachEpoch = Math.min(perEpoch, stepsPerEpoch);
    checkCount(1 + epochs * inEachEpoch, epochs, perEpoch);
    TreeSet<Long> s = new TreeSet<>();
    s.add(0L);
    if (earlyLogSpaced) {
      for (long k = 1; k < stepsPerEpoch; k *= 2) {
        s.add(k);
      }
    }
    for (long e = 0; e < epochs; e++) {
      if (perEpoch >= stepsPerEpoch) { // every step; what the spacing below rounds to
        for (long k = 1; k <= stepsPerEpoch; k++) {
          s.add(e * stepsPerEpoch + k);
        }
      } else {
        for (int k = 1; k <= perEpoch; k++) {
          s.add(e * stepsPerEpoch + Math.round((double) k * stepsPerEpoch / perEpoch));
        }
      }
    }
    s.add(total);
    s.removeIf(step -> step > total);
    checkCount(s.size(), epochs, perEpoch);
    return new CheckpointSchedule(List.copyOf(s), total);
  }

  private static void checkCount(long checkpoints, int epochs, int perEpoch) {
    if (checkpoints > CheckpointConfig.MAX_CHECKPOINTS) {
      throw DsdlException.badInput(String.format(Locale.ROOT,
          "training.epochs %,d with checkpoints.perEpoch %,d plan %,d checkpoints; a run may have at most %,d",
          epochs, perEpoch, checkpoints, CheckpointConfig.MAX_CHECKPOINTS));
    }
  }

  /** Number of checkpoints. */
  public int size() {
    return steps.size();
  }
}
