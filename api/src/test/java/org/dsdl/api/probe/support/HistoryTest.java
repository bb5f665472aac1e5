package org.dsdl.api.probe.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.run.Checkpoint;
import org.junit.jupiter.api.Test;

class HistoryTest {
  private static final Checkpoint[] CPS = {
      new Checkpoint(0, 0, 0, 0), new Checkpoint(1, 10, 0.1, 160), new Checkpoint(2, 20, 0.2, 320),
      new Checkpoint(3, 40, 0.4, 640), new Checkpoint(4, 80, 0.8, 1280)};

  private static History series(String key, double... values) {
    History h = new History();
    for (int i = 0; i < values.length; i++) {
      h.record(CPS[i], key, values[i]);
    }
    return h;
  }

  @Test
  void staysAtLeastFindsWhereTheLastRunAboveTheThresholdStarts() {
    // 0.95 at checkpoint 1 does not count: 0.8 follows; from checkpoint 3 on every value is >= 0.9
    assertThat(series("a", 0.5, 0.95, 0.8, 0.92, 0.99).staysAtLeast("a", 0.9)).contains(CPS[3]);
    assertThat(series("a", 0.95, 0.96).staysAtLeast("a", 0.9)).as("from the start").contains(CPS[0]);
    assertThat(series("a", 0.9, 0.9).staysAtLeast("a", 0.9)).as("at least: equal counts").contains(CPS[0]);
    assertThat(series("a", 0.95, Double.NaN).staysAtLeast("a", 0.9)).as("NaN breaks the run").isEmpty();
    assertThat(series("a", 0.95, 0.5).staysAtLeast("a", 0.9)).as("last value below").isEmpty();
  }

  @Test
  void staysAtLeastTreatsACheckpointWithoutAValueAsBelow() {
    History h = series("a", 0.95, 0.96);
    h.record(CPS[2]); // measured, but no value for "a"
    assertThat(h.staysAtLeast("a", 0.9)).isEmpty();
    assertThat(h.staysAtLeast("never recorded", 0.9)).isEmpty();
  }

  @Test
  void firstDepartureComparesWithTheFirstCheckpointsValue() {
    // baseline 0.3, tolerance 0.05: |0.31 - 0.3| = 0.01 stays, |0.2 - 0.3| = 0.1 departs at checkpoint 2
    assertThat(series("a", 0.3, 0.31, 0.2, 0.5).firstDeparture("a", 0.05)).contains(CPS[2]);
    assertThat(series("a", 0.3, 0.31).firstDeparture("a", 0.05)).isEmpty();
    // k = 2 standard deviations of 0.02: tolerance 0.04; 0.35 is 0.05 away
    assertThat(series("a", 0.3, 0.33, 0.35).firstDeparture("a", 2 * 0.02)).contains(CPS[2]);
    assertThat(series("a", Double.NaN, 1, 2).firstDeparture("a", 0.05)).as("no baseline").isEmpty();
    assertThat(new History().firstDeparture("a", 0.05)).isEmpty();
  }

  @Test
  void anEventIsTheStepWhereItHappenedOrNanAtTheLastCheckpoint() {
    History h = series("a", 0.5, 0.95, 0.99);
    ScalarMeasurement happened = (ScalarMeasurement) h.event("p", "onset_step", "fc1", h.staysAtLeast("a", 0.9));
    assertThat(happened.key().checkpoint()).isEqualTo(CPS[1]);
    assertThat(happened.key().probe()).isEqualTo("p");
    assertThat(happened.key().metric()).isEqualTo("onset_step");
    assertThat(happened.key().layer()).isEqualTo("fc1");
    assertThat(happened.value()).isEqualTo(10);
    ScalarMeasurement never = (ScalarMeasurement) h.event("p", "onset_step", null, h.staysAtLeast("a", 0.999));
    assertThat(never.key().checkpoint()).as("the last checkpoint").isEqualTo(CPS[2]);
    assertThat(never.value()).isNaN();
    assertThatThrownBy(() -> new History().event("p", "onset_step", null, Optional.empty()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void recordsAlignedSeriesAndRoundTrips() {
    History h = new History();
    h.record(CPS[0], "a", 1);
    h.record(CPS[0], "b", 2);
    h.record(CPS[1], "b", 3);
    assertThat(h.values("a")).containsExactly(1, Double.NaN);
    assertThat(h.values("b")).containsExactly(2, 3);
    History copy = new History();
    copy.restore(h.encode());
    assertThat(copy.checkpoints()).isEqualTo(h.checkpoints());
    assertThat(copy.keys()).containsExactly("a", "b");
    assertThat(copy.values("b")).containsExactly(2, 3);
    byte[] bytes = h.encode();
    assertThatThrownBy(() -> copy.restore(Arrays.copyOf(bytes, bytes.length - 3))).isInstanceOf(IllegalArgumentException.class);
    assertThat(copy.values("b")).as("a failed restore changes nothing").containsExactly(2, 3);
  }

  @Test
  void keepsHistorySavesAndRestoresTheHistory() {
    class Remembers implements KeepsHistory {
      final History history = new History();

      @Override
      public History history() {
        return history;
      }

      @Override
      public java.util.List<org.dsdl.api.measure.Measurement> measure(org.dsdl.api.snapshot.Snapshot snapshot) {
        return java.util.List.of();
      }
    }
    Remembers first = new Remembers();
    first.history.record(CPS[0], "a", 0.25);
    first.history.record(CPS[1], "a", 0.75);
    Remembers resumed = new Remembers();
    resumed.restoreState(first.saveState());
    assertThat(resumed.history.checkpoints()).containsExactly(CPS[0], CPS[1]);
    assertThat(resumed.history.values("a")).containsExactly(0.25, 0.75);
  }

  @Test
  void staysAboveBaselineNeverFiresAtTheBaselineItself() {
    // baseline 0.8; margin 0.05: values must stay > 0.85. 0.9 at 1 is followed by 0.84, so the run starts at 3
    assertThat(series("a", 0.8, 0.9, 0.84, 0.86, 0.95).staysAboveBaseline("a", 0.05)).contains(CPS[3]);
    // already high at the baseline and flat: no onset (not an onset at step 0)
    assertThat(series("a", 0.9, 0.9, 0.9).staysAboveBaseline("a", 0.05)).isEmpty();
    // a margin of 0 still needs strictly more than the baseline, so checkpoint 0 never qualifies
    assertThat(series("a", 0.9, 0.91, 0.92).staysAboveBaseline("a", 0)).contains(CPS[1]);
    assertThat(series("a", 0.1, Double.NaN, 0.9).staysAboveBaseline("a", 0.01)).as("NaN breaks the run").contains(CPS[2]);
    assertThat(new History().staysAboveBaseline("a", 0.1)).isEmpty();
  }

  @Test
  void staysTrueTakesAnyConditionByCheckpointIndex() {
    History h = series("a", 1, 2, 3, 4, 5);
    assertThat(h.staysTrue(i -> i >= 2)).contains(CPS[2]);
    assertThat(h.staysTrue(i -> i != 4)).as("false at the last").isEmpty();
    assertThat(h.staysTrue(i -> true)).contains(CPS[0]);
  }
}
