package org.dsdl.api.probe.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.NoSuchElementException;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class LayerStatisticsTest {
  /**
   * Four exemplars, labels 0 0 1 1, four units: unit 0 varies within and between classes, unit 1
   * only in the last exemplar, unit 2 is constant 2 and unit 3 constant 0 (both dead).
   */
  private static final double[][] ROWS = {
      {1, 0, 2, 0},
      {3, 0, 2, 0},
      {0, 0, 2, 0},
      {2, 4, 2, 0}};
  private static final int[] LABELS = {0, 0, 1, 1};

  private static Snapshot snapshot() {
    return TestSnapshots.of(List.of("a", "b"), LABELS, TestSnapshots.layer("fc1", LayerKind.DENSE, ROWS),
        TestSnapshots.layer("fc2", LayerKind.DENSE, ROWS));
  }

  @Test
  void classMeansMeansAndDeviationsByHand() {
    LayerStatistics s = LayerStatistics.of(snapshot(), "fc1");
    assertThat(s.exemplars()).isEqualTo(4);
    assertThat(s.units()).isEqualTo(4);
    assertThat(s.classes()).isEqualTo(2);
    assertThat(s.counts()).containsExactly(2, 2);
    // class a: (1+3)/2, (0+0)/2; class b: (0+2)/2, (0+4)/2
    assertThat(s.classMeans()[0]).containsExactly(2, 0, 2, 0);
    assertThat(s.classMeans()[1]).containsExactly(1, 2, 2, 0);
    assertThat(s.mean()).containsExactly(1.5, 1, 2, 0);
    // unit 0: deviations -0.5 1.5 -1.5 0.5, sum of squares 5, over n = 4; unit 1: -1 -1 -1 3, 12 / 4
    assertThat(s.std()[0]).isCloseTo(Math.sqrt(1.25), within(1e-15));
    assertThat(s.std()[1]).isCloseTo(Math.sqrt(3), within(1e-15));
    assertThat(s.dead()).containsExactly(false, false, true, true);
    assertThat(s.deadCount()).isEqualTo(2);
    assertThat(s.liveUnits()).containsExactly(0, 1);
  }

  @Test
  void preferredClassAndSelectivityByHand() {
    LayerStatistics s = LayerStatistics.of(snapshot(), "fc1");
    assertThat(s.preferredClass(0)).isZero();
    assertThat(s.preferredClass(1)).isEqualTo(1);
    assertThat(s.preferredClass(2)).as("a tie goes to the first class").isZero();
    // unit 0: max 2, rest 1: (2 - 1) / (2 + 1); unit 1: max 2, rest 0; unit 2: max = rest; unit 3: 0 / 0
    assertThat(s.selectivity(0)).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(s.selectivity(1)).isEqualTo(1);
    assertThat(s.selectivity(2)).isZero();
    assertThat(s.selectivity(3)).isZero();
  }

  @Test
  void aClassWithoutExemplarsHasMeanZero() {
    float[] data = new float[] {1, 3, 5, 7};
    LayerStatistics s = LayerStatistics.over(new FloatMatrix(4, 1, data), LABELS, 3);
    assertThat(s.counts()).containsExactly(2, 2, 0);
    assertThat(s.classMeans()[0]).containsExactly(2);
    assertThat(s.classMeans()[1]).containsExactly(6);
    assertThat(s.classMeans()[2]).containsExactly(0);
    // class c's selectivity: max 6, rest (2 + 0) / 2 = 1
    assertThat(s.selectivity(0)).isCloseTo(5.0 / 7, within(1e-15));
    assertThatThrownBy(() -> LayerStatistics.over(new FloatMatrix(4, 1, data), new int[] {0, 1}, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 exemplars but 2 labels");
  }

  @Test
  void computedOncePerSnapshotAndLayerAndOwnedByTheSnapshot() {
    Snapshot snapshot = snapshot();
    LayerStatistics s = LayerStatistics.of(snapshot, "fc1");
    assertThat(LayerStatistics.of(snapshot, "fc1")).as("shared within the snapshot").isSameAs(s);
    assertThat(LayerStatistics.of(snapshot, "fc2")).as("per layer").isNotSameAs(s);
    assertThat(LayerStatistics.of(snapshot(), "fc1")).as("another snapshot has its own").isNotSameAs(s);
    assertThat(LayerStatistics.over(s.activations(), LABELS, 2)).as("over: never shared").isNotSameAs(s);
  }

  @Test
  void aLayerThatWasNotCapturedIsNamed() {
    assertThatThrownBy(() -> LayerStatistics.of(snapshot(), "conv9"))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("conv9").hasMessageContaining("fc1");
  }
}
