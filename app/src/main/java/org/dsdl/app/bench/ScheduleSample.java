package org.dsdl.app.bench;

/**
 * Which checkpoints of a run's schedule the bench times its probes at, and how the timings make
 * the run's mean cost per checkpoint. Probes do some work at some checkpoints only (permutation
 * nulls at the first and the last, the linear probe's control task at every few), so timing one
 * kind of checkpoint would misstate a run. The bench takes at least one timing per checkpoint of
 * the schedule: timing {@code k} stands for checkpoint ⌊k·N/samples⌋, and the run's mean is the mean
 * over the checkpoints of each one's mean timing.
 *
 * @param checkpoints N, the run's checkpoints
 * @param samples the timings taken, at least N
 */
record ScheduleSample(int checkpoints, int samples) {
  /** Validates. */
  ScheduleSample {
    if (checkpoints < 1 || samples < checkpoints) {
      throw new IllegalArgumentException("need at least one timing per checkpoint, got " + samples + " for " + checkpoints);
    }
  }

  /**
   * Timings per repeat so that {@code repeats} repeats take at least {@code minimum} timings and
   * one per checkpoint of a schedule of {@code checkpoints}.
   */
  static int roundsPerRepeat(int checkpoints, int repeats, int minimum) {
    int total = Math.max(minimum, checkpoints);
    return (total + repeats - 1) / repeats;
  }

  /** The checkpoint index timing {@code k} is taken at. */
  int index(int k) {
    return (int) ((long) k * checkpoints / samples);
  }

  /** The run's estimated mean cost per checkpoint: the mean over checkpoints of each one's mean timing. */
  double mean(double[] timings) {
    if (timings.length != samples) {
      throw new IllegalArgumentException("expected " + samples + " timings, got " + timings.length);
    }
    double[] sum = new double[checkpoints];
    int[] count = new int[checkpoints];
    for (int k = 0; k < samples; k++) {
      sum[index(k)] += timings[k];
      count[index(k)]++;
    }
    double total = 0;
    for (int j = 0; j < checkpoints; j++) {
      total += sum[j] / count[j];
    }
    return total / checkpoints;
  }
}
