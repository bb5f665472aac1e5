package org.dsdl.app.pipeline;

import java.util.List;
import java.util.TreeSet;

/**
 * The training steps at which probes run: step 0 (the untrained network), log-spaced steps inside
 * the first epoch (1, 2, 4, 8, …), {@code perEpoch} evenly spaced steps in every epoch, and always
 * the last step.
 *
 * @param steps the checkpoint steps, ascending, without duplicates
 * @param totalSteps the steps of the whole run
 */
public record CheckpointSchedule(List<Long> steps, long totalSteps) {
  /** Copies the list. */
  public CheckpointSchedule {
    steps = List.copyOf(steps);
  }

  /** The schedule for a run of {@code epochs} epochs of {@code stepsPerEpoch} steps. */
  public static CheckpointSchedule of(long stepsPerEpoch, int epochs, int perEpoch, boolean earlyLogSpaced) {
    long total = stepsPerEpoch * epochs;
    TreeSet<Long> s = new TreeSet<>();
    s.add(0L);
    if (earlyLogSpaced) {
      for (long k = 1; k < stepsPerEpoch; k *= 2) {
        s.add(k);
      }
    }
    for (int e = 0; e < epochs; e++) {
      for (int k = 1; k <= perEpoch; k++) {
        s.add(e * stepsPerEpoch + Math.round((double) k * stepsPerEpoch / perEpoch));
      }
    }
    s.add(total);
    s.removeIf(step -> step > total);
    return new CheckpointSchedule(List.copyOf(s), total);
  }

  /** Number of checkpoints. */
  public int size() {
    return steps.size();
  }
}
