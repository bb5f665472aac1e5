package org.dsdl.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dsdl.app.config.Schedule;
import org.junit.jupiter.api.Test;

class CheckpointScheduleTest {
  @Test
  void denseEarlyThenEvenlyPerEpoch() {
    CheckpointSchedule s = CheckpointSchedule.of(157, 2, 2, true);
    // log-spaced inside epoch 1: 0 1 2 4 8 16 32 64 128; per epoch: round(78.5)=79, 157, 157+79=236, 314
    assertThat(s.steps()).containsExactly(0L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 79L, 128L, 157L, 236L, 314L);
    assertThat(s.totalSteps()).isEqualTo(314);
  }

  @Test
  void withoutEarlyStepsOnlyEpochCheckpointsAndZero() {
    assertThat(CheckpointSchedule.of(10, 3, 1, false).steps()).containsExactly(0L, 10L, 20L, 30L);
  }

  @Test
  void theDefaultExperimentHasMoreThanFifteenCheckpoints() {
    // 2500 exemplars, batch 16 -> 157 steps per epoch; 20 epochs, 2 per epoch
    assertThat(CheckpointSchedule.of(157, 20, 2, true).size()).isEqualTo(9 + 40);
  }

  @Test
  void samplesSeenCountsTheShortLastBatch() {
    // 300 exemplars, batch 16: 19 steps, the last of 12
    var split = new org.dsdl.api.data.Split(new org.dsdl.api.data.ImageShape(1, 1, 1), new float[300], new int[300], new long[300]);
    BatchFeeder feeder = new BatchFeeder(split, 16, 1);
    assertThat(feeder.stepsPerEpoch()).isEqualTo(19);
    assertThat(feeder.samplesSeen(18)).isEqualTo(288);
    assertThat(feeder.samplesSeen(19)).isEqualTo(300);
    assertThat(feeder.samplesSeen(21)).isEqualTo(332);
    assertThat(feeder.fill(18)).isEqualTo(12);
    assertThat(feeder.fill(19)).isEqualTo(16);
  }

  @Test
  void cosineScheduleGoesFromBaseToTheFloor() {
    LearningRateSchedule s = new LearningRateSchedule(Schedule.COSINE, 1e-3, 0.1, 101, 10, 0.5);
    assertThat(s.at(0)).isCloseTo(1e-3, within(1e-15));
    assertThat(s.at(50)).isCloseTo(1e-3 * (0.1 + 0.9 * 0.5), within(1e-15));
    assertThat(s.at(100)).isCloseTo(1e-4, within(1e-15));
    assertThat(new LearningRateSchedule(Schedule.CONSTANT, 1e-3, 0, 101, 10, 0.5).at(100)).isEqualTo(1e-3);
  }

  @Test
  void stepScheduleMultipliesEveryPeriod() {
    LearningRateSchedule s = new LearningRateSchedule(Schedule.STEP, 1e-2, 0, 100, 30, 0.1);
    assertThat(s.at(0)).isEqualTo(1e-2);
    assertThat(s.at(29)).isEqualTo(1e-2);
    assertThat(s.at(30)).isCloseTo(1e-3, within(1e-15));
    assertThat(s.at(95)).isCloseTo(1e-5, within(1e-17));
  }
}
