package org.dsdl.app.training;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.CheckpointConfig;
import org.dsdl.app.config.CheckpointSpacing;
import org.dsdl.app.config.RunLength;
import org.dsdl.app.config.TrainingConfig;

/**
 * The training steps at which probes run: step 0 (the untrained network), log-spaced steps inside
 * the first epoch (1, 2, 4, 8, …), {@code perEpoch} evenly spaced steps in every epoch (or one every
 * so many steps, and the log-spaced ones before the first), and always the last step.
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
  public static final long MAX_STEPS = TrainingConfig.MAX_STEPS;

  /** Copies the list. */
  public CheckpointSchedule {
    steps = List.copyOf(steps);
  }

  /**
   * The schedule for a run of {@code epochs} epochs of {@code stepsPerEpoch} steps, with
   * {@code perEpoch} checkpoints in each.
   *
   * @throws DsdlException (bad input) past {@link #MAX_STEPS} steps or {@link CheckpointConfig#MAX_CHECKPOINTS} checkpoints
   */
  public static CheckpointSchedule of(long stepsPerEpoch, int epochs, int perEpoch, boolean earlyLogSpaced) {
    return of(stepsPerEpoch, new RunLength.Epochs(epochs), new CheckpointSpacing.PerEpoch(perEpoch), earlyLogSpaced);
  }

  /**
   * The schedule for a run of {@code length} (epochs of {@code stepsPerEpoch} steps, or a step
   * budget) with its evenly spaced checkpoints placed by {@code spacing}. With a step budget the
   * last epoch may be partial: its checkpoints are those of a whole epoch up to the budget, and the
   * budget's last step.
   *
   * @throws DsdlException (bad input) past {@link #MAX_STEPS} steps or {@link CheckpointConfig#MAX_CHECKPOINTS} checkpoints
   */
  public static CheckpointSchedule of(long stepsPerEpoch, RunLength length, CheckpointSpacing spacing, boolean earlyLogSpaced) {
    long total = length instanceof RunLength.Epochs e ? stepsPerEpoch * e.epochs() : ((RunLength.Steps) length).steps();
    if (total > MAX_STEPS) {
      throw DsdlException.badInput(length instanceof RunLength.Epochs e
          ? String.format(Locale.ROOT, "training.epochs %,d of %,d steps each (the training split in batches of training.batchSize) are %,d steps;"
              + " a run may have at most %,d", e.epochs(), stepsPerEpoch, total, MAX_STEPS)
          : String.format(Locale.ROOT, "training.steps %,d: a run may have at most %,d", total, MAX_STEPS));
    }
    String planned = describe(length) + " with " + describe(spacing);
    TreeSet<Long> s = new TreeSet<>();
    s.add(0L);
    if (spacing instanceof CheckpointSpacing.PerEpoch p) {
      long epochs = (total + stepsPerEpoch - 1) / stepsPerEpoch; // the epochs the run enters, the last maybe in part
      int perEpoch = p.perEpoch();
      // Every epoch has min(perEpoch, stepsPerEpoch) distinct checkpoint steps: check before building the set.
      checkCount(1 + epochs * Math.min(perEpoch, stepsPerEpoch), planned);
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
    } else {
      long k0 = ((CheckpointSpacing.Every) spacing).steps();
      checkCount(1 + (earlyLogSpaced ? 64 - Long.numberOfLeadingZeros(Math.min(k0, total + 1) - 1) : 0) + total / k0 + 1,
          planned);
      if (earlyLogSpaced) {
        for (long k = 1; k < k0; k *= 2) {
          s.add(k);
        }
      }
      for (long k = k0; k <= total; k += k0) {
        s.add(k);
      }
    }
    s.add(total);
    s.removeIf(step -> step > total);
    checkCount(s.size(), planned);
    return new CheckpointSchedule(List.copyOf(s), total);
  }

  private static String describe(RunLength length) {
    return length instanceof RunLength.Epochs e ? String.format(Locale.ROOT, "training.epochs %,d", e.epochs())
        : String.format(Locale.ROOT, "training.steps %,d", ((RunLength.Steps) length).steps());
  }

  private static String describe(CheckpointSpacing spacing) {
    return spacing instanceof CheckpointSpacing.PerEpoch p ? String.format(Locale.ROOT, "checkpoints.perEpoch %,d", p.perEpoch())
        : String.format(Locale.ROOT, "checkpoints.every %,d", ((CheckpointSpacing.Every) spacing).steps());
  }

  private static void checkCount(long checkpoints, String planned) {
    if (checkpoints > CheckpointConfig.MAX_CHECKPOINTS) {
      throw DsdlException.badInput(String.format(Locale.ROOT, "%s plan %,d checkpoints; a run may have at most %,d",
          planned, checkpoints, CheckpointConfig.MAX_CHECKPOINTS));
    }
  }

  /** Number of checkpoints. */
  public int size() {
    return steps.size();
  }
}
