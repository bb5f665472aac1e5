package org.dsdl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScheduleSampleTest {
  @Test
  void everyCheckpointIsTimedAtLeastOnce() {
    // 4 checkpoints, 6 timings: k * 4 / 6 = 0, 0, 1, 2, 2, 3
    ScheduleSample s = new ScheduleSample(4, 6);
    assertThat(IntStream.range(0, 6).map(s::index).toArray()).containsExactly(0, 0, 1, 2, 2, 3);
    // checkpoint means 2, 4, 5, 10: (2 + 4 + 5 + 10) / 4 = 5.25
    assertThat(s.mean(new double[] {1, 3, 4, 4, 6, 10})).isCloseTo(5.25, within(1e-12));
    assertThatThrownBy(() -> new ScheduleSample(5, 4)).hasMessageContaining("at least one timing per checkpoint, got 4 for 5");
  }

  @Test
  void aCostPaidAtSomeCheckpointsOnlyIsCountedAtItsShare() {
    // the default run: 49 checkpoints; extra work at 0, 8, ..., 48 (7 of them) costing 3 on top of 1
    int rounds = ScheduleSample.roundsPerRepeat(49, 5, 20);
    assertThat(rounds).isEqualTo(10);
    ScheduleSample run = new ScheduleSample(49, 5 * rounds);
    double[] t = IntStream.range(0, run.samples()).mapToDouble(k -> 1 + (run.index(k) % 8 == 0 ? 3 : 0)).toArray();
    assertThat(run.mean(t)).isCloseTo(1 + 3 * 7 / 49.0, within(1e-12));
  }

  @Test
  void shortSchedulesKeepTheMinimumNumberOfTimings() {
    assertThat(ScheduleSample.roundsPerRepeat(3, 5, 20)).isEqualTo(4);
    assertThat(ScheduleSample.roundsPerRepeat(49, 3, 12)).isEqualTo(17);
  }
}
