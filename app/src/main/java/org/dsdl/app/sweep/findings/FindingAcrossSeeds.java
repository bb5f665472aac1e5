package org.dsdl.app.sweep.findings;

/**
 * One finding of one condition across its seeds: in how many of the seeds whose runs wrote
 * {@code findings.json} it holds (its verdict is {@link Verdict#EMERGED} or
 * {@link Verdict#PRESENT_AT_INITIALISATION}), the count of each verdict, and where it emerged, the
 * median and range of its step.
 *
 * @param condition the condition's label
 * @param key the finding's topic and subject
 * @param n the condition's seeds with a {@code findings.json} (completed runs)
 * @param emerged seeds in which it emerged during training
 * @param presentAtInitialisation seeds in which it was already there in the untrained network
 * @param notDistinguishable seeds in which it did not pass its control
 * @param notReported seeds whose findings do not mention it (e.g. a probe failed there)
 * @param stepN seeds in which it emerged at a step
 * @param stepMedian the median of those steps (the mean of the middle two for an even count); NaN when there are none
 * @param stepMin the earliest of them; NaN when there are none
 * @param stepMax the latest of them; NaN when there are none
 */
public record FindingAcrossSeeds(String condition, FindingKey key, int n, int emerged, int presentAtInitialisation, int notDistinguishable,
    int notReported, int stepN, double stepMedian, double stepMin, double stepMax) {

  /** Seeds in which it holds. */
  public int held() {
    return emerged + presentAtInitialisation;
  }

  /** The fraction of the seeds in which it holds: {@link #held()} / {@link #n()} (NaN when n is 0). */
  public double fraction() {
    return n == 0 ? Double.NaN : (double) held() / n;
  }
}
