package org.dsdl.probes.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The linear probe's identity onset on hand-built series: 5 classes, threshold 0.6 (chance 0.2 + 0.5 · 0.8), n = 100. */
class IdentityOnsetTest {
  private static final double THRESHOLD = 0.6;

  @Test
  void theBaselinesStandardErrorIsABinomialProportions() {
    // a0 = 0.36: sqrt(0.36 * 0.64 / 100) = 0.048
    assertThat(new IdentityOnset(new double[] {0.36}, null, 100, THRESHOLD, 3).baselineError()).isCloseTo(0.048, within(1e-15));
  }

  @Test
  void anOnsetNeedsTheThresholdTheBaselineMarginAndTheControl() {
    // a0 = 0.36, SE 0.048, 3 SE: accuracy must exceed 0.504 and reach 0.6; selectivity_ci_low must be > 0
    double[] accuracy = {0.36, 0.55, 0.62, 0.58, 0.7, 0.8, 0.9};
    double[] selectivityLow = {0.01, 0.2, 0.3, 0.3, -0.01, 0.4, 0.5};
    // 0.62 at 2 drops to 0.58 at 3 (below the threshold); 0.7 at 4 fails the control; from 5 on all three hold
    assertThat(new IdentityOnset(accuracy, selectivityLow, 100, THRESHOLD, 3).index()).hasValue(5);
    // without a control, condition 3 drops: from 4 on
    assertThat(new IdentityOnset(accuracy, null, 100, THRESHOLD, 3).index()).hasValue(4);
  }

  @Test
  void theControlIsCheckedOnlyWhereItRanAndAtLeastOnceFromTheOnsetOn() {
    double nan = Double.NaN;
    double[] accuracy = {0.36, 0.55, 0.62, 0.65, 0.7, 0.8, 0.9};
    // the control ran at 0, 3 and 6: conditions 1 and 2 hold from 2 on, the control passes at 3 and 6
    assertThat(new IdentityOnset(accuracy, new double[] {0.01, nan, nan, 0.2, nan, nan, 0.5}, 100, THRESHOLD, 3).index()).hasValue(2);
    // it fails at 3: the onset moves past it, to 4
    assertThat(new IdentityOnset(accuracy, new double[] {0.01, nan, nan, -0.1, nan, nan, 0.5}, 100, THRESHOLD, 3).index()).hasValue(4);
    // no control from the onset on (a run that stopped between control checkpoints): no onset can be claimed
    assertThat(new IdentityOnset(accuracy, new double[] {0.01, nan, nan, -0.1, nan, nan, nan}, 100, THRESHOLD, 3).index()).isEmpty();
    // at initialisation the control must have run at checkpoint 0
    assertThat(new IdentityOnset(new double[] {0.7, 0.9}, new double[] {nan, 0.3}, 100, THRESHOLD, 3).atInit()).isFalse();
  }

  @Test
  void identityDecodableAtInitialisationIsNoOnsetAtStepZero() {
    // the untrained network is already at 0.85 (SE sqrt(0.85 * 0.15 / 100) = 0.0357; 3 SE: above 0.957 needed)
    double[] accuracy = {0.85, 0.9, 0.93, 0.95};
    IdentityOnset flat = new IdentityOnset(accuracy, new double[] {0.5, 0.6, 0.6, 0.6}, 100, THRESHOLD, 3);
    assertThat(flat.index()).isEmpty();
    assertThat(flat.atInit()).isTrue();
    // the old rule ("stays >= 0.6") would have said step 0; it rises past the margin only at the end
    IdentityOnset rising = new IdentityOnset(new double[] {0.85, 0.9, 0.96, 0.97}, null, 100, THRESHOLD, 3);
    assertThat(rising.index()).hasValue(2);
    assertThat(rising.atInit()).isTrue();
    // below the threshold at 0, or failing the control at 0: not decodable at initialisation
    assertThat(new IdentityOnset(new double[] {0.4, 0.9}, null, 100, THRESHOLD, 3).atInit()).isFalse();
    assertThat(new IdentityOnset(new double[] {0.7, 0.9}, new double[] {-0.02, 0.3}, 100, THRESHOLD, 3).atInit()).isFalse();
  }

  @Test
  void aPerfectBaselineHasNoMarginButStillCannotBeExceeded() {
    IdentityOnset perfect = new IdentityOnset(new double[] {1, 1, 1}, null, 100, THRESHOLD, 3);
    assertThat(perfect.baselineError()).isZero();
    assertThat(perfect.index()).isEmpty();
    assertThat(perfect.atInit()).isTrue();
  }
}
