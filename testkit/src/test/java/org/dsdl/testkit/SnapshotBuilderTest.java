package org.dsdl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {
  @Test
  void buildsWhatAProbeSees() {
    Snapshot s = SnapshotBuilder.classes("T", "L")
        .labels(0, 1, 0)
        .layer("fc1", LayerKind.DENSE, new double[][] {{0, 1}, {2, 0}, {0, 3}})
        .weights("fc1", List.of(2, 2), new float[] {1, 0, 0, 1})
        .evaluation("test", 0.5, new int[] {0, 1}, new int[] {0, 0})
        .at(3, 40)
        .build();
    assertThat(s.classes()).isEqualTo(2);
    assertThat(s.layer("fc1").activations().get(2, 1)).isEqualTo(3f);
    assertThat(s.layer("fc1").layerWeights().orElseThrow().kernelShape()).containsExactly(2, 2);
    assertThat(s.ids()).containsExactly(0, 1, 2);
    assertThat(s.checkpoint().step()).isEqualTo(40);
    assertThat(s.evaluation("test").orElseThrow().accuracy()).isEqualTo(0.5);
    assertThatThrownBy(() -> SnapshotBuilder.classes("a").labels(1)).hasMessageContaining("label 1");
    assertThatThrownBy(() -> SnapshotBuilder.classes("a").labels(0, 0).layer("x", LayerKind.DENSE, new double[][] {{1}}).build())
        .hasMessageContaining("1 rows for 2 labels");
  }

  @Test
  void runnerMeasuresEveryCheckpointThenFinishesAndResumesThroughTheState() {
    Snapshot a = SnapshotBuilder.classes("a").labels(0).at(0, 0).build();
    Snapshot b = SnapshotBuilder.classes("a").labels(0).at(1, 5).build();
    // a probe that counts checkpoints and reports the count at the end, keeping it in its state
    class Counting implements org.dsdl.api.probe.Probe {
      int seen;

      @Override
      public List<org.dsdl.api.measure.Measurement> measure(Snapshot s) {
        seen++;
        return new Measurements("count", s.checkpoint()).scalar("seen", null, seen).list();
      }

      @Override
      public List<org.dsdl.api.measure.Measurement> finish() {
        return new Measurements("count", b.checkpoint()).scalar("total", null, seen).list();
      }

      @Override
      public byte[] saveState() {
        return new byte[] {(byte) seen};
      }

      @Override
      public void restoreState(byte[] state) {
        seen = state[0];
      }
    }
    var straight = ProbeRunner.run(new Counting(), a, b);
    var resumed = ProbeRunner.withResumeAfter(1, new Counting(), Counting::new, a, b);
    assertThat(resumed).isEqualTo(straight).hasSize(3);
  }
}
