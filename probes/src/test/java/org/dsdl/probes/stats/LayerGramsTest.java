package org.dsdl.probes.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class LayerGramsTest {
  @Test
  void gramDerivedCorrelationsAndDistancesEqualTheDirectOnes() {
    SplittableRandom r = new SplittableRandom(2);
    int n = 30;
    double[][] rows = new double[n][7];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (int j = 0; j < 7; j++) {
        rows[i][j] = j == 3 ? 4.0 : 5 + r.nextGaussian(); // unit 3 is dead
      }
    }
    rows[7] = new double[] {2, 2, 2, 4, 2, 2, 2}; // an exemplar that does not vary across live units
    Snapshot snap = Snapshots.of(List.of("a", "b"), labels, Map.of("fc1", rows), LayerKind.DENSE);
    LayerStatistics s = LayerStatistics.of(snap, "fc1");
    assertThat(s.deadCount()).isEqualTo(1);
    LayerGrams g = LayerGrams.of(snap, "fc1");
    assertThat(LayerGrams.of(snap, "fc1")).as("computed once per snapshot and layer").isSameAs(g);
    double[][] direct = RowCorrelation.of(toFloatPrecision(rows), s.liveUnits());
    double[][] fromGram = g.exemplarCorrelation();
    double[][] dist = g.distances();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          assertThat(fromGram[i][j]).as("r(%d,%d)", i, j).isCloseTo(direct[i][j], within(1e-9));
        }
        double sq = 0;
        for (int k = 0; k < 7; k++) {
          double v = (float) rows[i][k] - (float) rows[j][k];
          sq += v * v;
        }
        assertThat(dist[i][j]).isCloseTo(Math.sqrt(sq), within(1e-9));
      }
    }
    assertThat(fromGram[7][0]).isZero();
  }

  /** The snapshot holds floats; compare against the same rounded values. */
  private static double[][] toFloatPrecision(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new double[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = (float) rows[i][j];
      }
    }
    return out;
  }
}
