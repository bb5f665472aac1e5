package org.dsdl.app.sweep.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Mean, SD and the t-based 95% interval across seeds, against values computed by hand (t quantiles from a table). */
class SeedStatisticsTest {
  @Test
  void fourValues() {
    // mean 2.5; SD sqrt((2.25 + 0.25 + 0.25 + 2.25) / 3) = sqrt(5/3) = 1.2909944; t(0.975, 3) = 3.1824463
    // half width 3.1824463 * 1.2909944 / 2 = 2.0542603
    SeedStatistics s = SeedStatistics.of(new double[] {1, 2, 3, 4});
    assertThat(s.n()).isEqualTo(4);
    assertThat(s.missing()).isZero();
    assertThat(s.mean()).isEqualTo(2.5);
    assertThat(s.sd()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
    assertThat(s.ciLow()).isCloseTo(2.5 - 2.0542603, within(1e-6));
    assertThat(s.ciHigh()).isCloseTo(2.5 + 2.0542603, within(1e-6));
  }

  @Test
  void twoValuesUseTheWideIntervalOfOneDegreeOfFreedom() {
    // mean 0.75, SD |0.8 - 0.7| / sqrt(2) = 0.0707107; t(0.975, 1) = 12.7062047; half 12.7062047 * 0.0707107 / sqrt(2) = 0.6353102
    SeedStatistics s = SeedStatistics.of(new double[] {0.7, 0.8});
    assertThat(s.mean()).isCloseTo(0.75, within(1e-15));
    assertThat(s.sd()).isCloseTo(0.0707107, within(1e-7));
    assertThat(s.ciHigh() - s.mean()).isCloseTo(0.6353102, within(1e-6));
    assertThat(s.mean() - s.ciLow()).isCloseTo(0.6353102, within(1e-6));
  }

  @Test
  void valuesThatAreNotFiniteAreCountedAsMissingAndOneValueHasNoSpread() {
    // an event that never happened in two of three seeds
    SeedStatistics s = SeedStatistics.of(new double[] {Double.NaN, 128, Double.NaN});
    assertThat(s.n()).isEqualTo(1);
    assertThat(s.missing()).isEqualTo(2);
    assertThat(s.mean()).isEqualTo(128);
    assertThat(s.sd()).isNaN();
    assertThat(s.ciLow()).isNaN();
    assertThat(s.ciHigh()).isNaN();
    SeedStatistics none = SeedStatistics.of(new double[] {Double.NaN});
    assertThat(none.n()).isZero();
    assertThat(none.mean()).isNaN();
  }

  @Test
  void equalValuesHaveAZeroWidthInterval() {
    SeedStatistics s = SeedStatistics.of(new double[] {0.5, 0.5, 0.5});
    assertThat(s.sd()).isZero();
    assertThat(s.ciLow()).isEqualTo(0.5);
    assertThat(s.ciHigh()).isEqualTo(0.5);
  }
}
