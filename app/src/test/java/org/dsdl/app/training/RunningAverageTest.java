package org.dsdl.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunningAverageTest {
  @Test
  void theFirstValueIsTheAverageNotATenthOfIt() {
    RunningAverage loss = new RunningAverage(0.9);
    assertThat(loss.value()).isNaN();
    loss.add(1.6);
    assertThat(loss.value()).isCloseTo(1.6, within(1e-12));
    loss.add(1.0);
    // (0.9·0.1·1.6 + 0.1·1.0) / (0.9·0.1 + 0.1) = (0.144 + 0.1) / 0.19
    assertThat(loss.value()).isCloseTo(0.244 / 0.19, within(1e-12));
    for (int i = 0; i < 200; i++) {
      loss.add(0.5);
    }
    assertThat(loss.value()).isCloseTo(0.5, within(1e-6));
  }
}
