package org.dsdl.probes.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dsdl.api.run.Checkpoint;
import org.junit.jupiter.api.Test;

class HistoryTest {
  @Test
  void eventsByHand() {
    assertThat(History.staysAtLeast(new double[] {0.5, 0.95, 0.8, 0.92, 0.99}, 0.9)).isEqualTo(3);
    assertThat(History.staysAtLeast(new double[] {0.95, 0.96}, 0.9)).isZero();
    assertThat(History.staysAtLeast(new double[] {0.95, Double.NaN}, 0.9)).isEqualTo(-1);
    assertThat(History.staysAtLeast(new double[] {0.95, 0.5}, 0.9)).isEqualTo(-1);
    assertThat(History.firstDeparture(new double[] {0.3, 0.31, 0.2, 0.5}, 0.3, 0.05)).isEqualTo(2);
    assertThat(History.firstDeparture(new double[] {0.3, 0.31}, 0.3, 0.05)).isEqualTo(-1);
  }

  @Test
  void recordsAlignedSeriesAndRoundTrips() {
    History h = new History();
    h.record(new Checkpoint(0, 0, 0, 0), "a", 1);
    h.record(new Checkpoint(0, 0, 0, 0), "b", 2);
    h.record(new Checkpoint(1, 16, 0.1, 256), "b", 3);
    assertThat(h.values("a")).containsExactly(1, Double.NaN);
    assertThat(h.values("b")).containsExactly(2, 3);
    History copy = new History();
    copy.restore(h.encode());
    assertThat(copy.checkpoints()).isEqualTo(h.checkpoints());
    assertThat(copy.keys()).containsExactly("a", "b");
    assertThat(copy.values("b")).containsExactly(2, 3);
    byte[] bytes = h.encode();
    assertThatThrownBy(() -> copy.restore(java.util.Arrays.copyOf(bytes, bytes.length - 3))).isInstanceOf(IllegalArgumentException.class);
    assertThat(copy.values("b")).as("a failed restore changes nothing").containsExactly(2, 3);
  }
}
