package org.dsdl.probes.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BootstrapTest {
  @Test
  void percentilesInterpolateLikeNumpy() {
    // numpy.percentile([1, 2, 3, 4], 2.5) = 1 + 0.075 * 1 = 1.075; 97.5 -> 3 + 0.925 = 3.925
    double[] sorted = {1, 2, 3, 4};
    assertThat(Bootstrap.percentile(sorted, 2.5)).isCloseTo(1.075, within(1e-12));
    assertThat(Bootstrap.percentile(sorted, 97.5)).isCloseTo(3.925, within(1e-12));
  }

  @Test
  void constantValuesHaveAZeroWidthIntervalAndCoinFlipsTheTextbookWidth() {
    assertThat(Bootstrap.meanInterval(new double[] {0.5, 0.5, 0.5}, 200, 1)).containsExactly(0.5, 0.5);
    double[] coins = new double[400];
    for (int i = 0; i < coins.length; i += 2) {
      coins[i] = 1;
    }
    double[] ci = Bootstrap.meanInterval(coins, 2000, 3);
    // normal approximation: 2 * 1.96 * sqrt(0.25 / 400) = 0.098
    assertThat(ci[1] - ci[0]).isCloseTo(0.098, within(0.012));
    assertThat((ci[0] + ci[1]) / 2).isCloseTo(0.5, within(0.01));
    assertThat(Bootstrap.meanInterval(coins, 2000, 3)).isEqualTo(ci);
  }

  @Test
  void sampleSdByHand() {
    // mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, over n - 1 = 3
    assertThat(Bootstrap.sampleSd(new double[] {1, 2, 3, 4, Double.NaN})).isCloseTo(Math.sqrt(5.0 / 3), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(Bootstrap.sampleSd(new double[] {1, Double.NaN})).isNaN();
  }
}
