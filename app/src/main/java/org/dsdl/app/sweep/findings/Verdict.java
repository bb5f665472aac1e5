package org.dsdl.app.sweep.findings;

/**
 * A finding's verdict as {@code findings.json} writes it (the {@code findings} visualizer's
 * verdicts): whether a claim passed its control.
 */
public enum Verdict {
  /** It emerged during training, beyond the untrained network and its control. */
  EMERGED,
  /** It is already there in the untrained network, beyond its control. */
  PRESENT_AT_INITIALISATION,
  /** It does not pass its control. */
  NOT_DISTINGUISHABLE;

  /** Whether a finding with this verdict holds (is stated as a finding). */
  public boolean holds() {
    return this != NOT_DISTINGUISHABLE;
  }
}
