package org.dsdl.probes.linear;

import java.util.OptionalInt;

/**
 * A layer's identity onset, against the untrained network and the control task: the first
 * checkpoint from which, at every checkpoint up to the last, (1) the probe accuracy is at least
 * {@code threshold} (chance + onsetFraction · (1 − chance)), (2) it exceeds checkpoint 0's accuracy
 * by more than {@code sigmas} standard errors of that accuracy, √(a₀(1 − a₀)/n), and (3) the
 * selectivity's bootstrap interval lies above 0 (the probe beats its control; without a bootstrap,
 * the selectivity itself is above 0), when the control task ran. The control task runs at some
 * checkpoints only (checkpoint 0, the last and every {@code controlEvery}-th): condition 3 is
 * checked where it ran (NaN elsewhere), and an onset needs at least one such checkpoint at or
 * after it. Condition 2 can never hold at checkpoint 0, so identity already decodable in the
 * untrained network shows as {@link #atInit} rather than as an onset at step 0.
 *
 * @param accuracy the probe accuracy at each checkpoint
 * @param selectivityLow the lower end of the selectivity's interval (or the selectivity, without a
 *     bootstrap) at each checkpoint, NaN where the control did not run; null without a control
 * @param n the probe set's size
 * @param threshold the accuracy the onset needs
 * @param sigmas standard errors above checkpoint 0's accuracy
 */
record IdentityOnset(double[] accuracy, double[] selectivityLow, int n, double threshold, double sigmas) {

  /** Checkpoint 0's standard error of the accuracy, a binomial proportion over n exemplars. */
  double baselineError() {
    double a = accuracy[0];
    return Math.sqrt(a * (1 - a) / n);
  }

  /** Whether the three conditions hold at checkpoint {@code i} (condition 2 never at 0; condition 3 only where the control ran). */
  boolean holds(int i) {
    return i < accuracy.length && accuracy[i] >= threshold && accuracy[i] > accuracy[0] + sigmas * baselineError()
        && (!controlled(i) || selectivityLow[i] > 0);
  }

  /** Whether the control ran at checkpoint {@code i}. */
  private boolean controlled(int i) {
    return selectivityLow != null && i < selectivityLow.length && !Double.isNaN(selectivityLow[i]);
  }

  /**
   * The index of the onset checkpoint; empty if the conditions do not hold at the last one, or
   * (with a control) no checkpoint from the onset on had the control.
   */
  OptionalInt index() {
    int from = -1;
    int checked = 0;
    for (int i = accuracy.length - 1; i >= 0 && holds(i); i--) {
      from = i;
      checked += controlled(i) ? 1 : 0;
    }
    return from < 0 || selectivityLow != null && checked == 0 ? OptionalInt.empty() : OptionalInt.of(from);
  }

  /** Whether identity is already decodable in the untrained network: conditions 1 and 3 at checkpoint 0. */
  boolean atInit() {
    return accuracy.length > 0 && accuracy[0] >= threshold
        && (selectivityLow == null || controlled(0) && selectivityLow[0] > 0);
  }
}
