package org.dsdl.probes.cka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dsdl.api.measure.MatrixMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.LayerGrams;
import org.dsdl.probes.stats.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CkaTest {
  private static FloatMatrix matrix(double[][] rows) {
    float[] data = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[0].length; j++) {
        data[i * rows[0].length + j] = (float) rows[i][j];
      }
    }
    return new FloatMatrix(rows.length, rows[0].length, data);
  }

  private static double[][] random(SplittableRandom r, int n, int d) {
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextGaussian() + (j == 0 ? 2 : 0);
      }
    }
    return x;
  }

  @Test
  void handComputedCase() {
    // centred x = (-1, 0, 1), y = (-1, 1, 0): ||y'x||^2 = 1, ||x'x|| = ||y'y|| = 2, so CKA = 1/4
    assertThat(Cka.of(matrix(new double[][] {{1}, {2}, {3}}), matrix(new double[][] {{1}, {3}, {2}}), false)).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void identityOrthogonalAndScaleInvariance() {
    SplittableRandom r = new SplittableRandom(2);
    double[][] x = random(r, 60, 4);
    double[][] y = random(r, 60, 3);
    double base = Cka.of(matrix(x), matrix(y), false);
    assertThat(Cka.of(matrix(x), matrix(x), false)).isCloseTo(1, within(1e-9));
    assertThat(Cka.of(matrix(x), matrix(x), true)).isCloseTo(1, within(1e-9));
    // rotate x's columns 0 and 1 by 30 degrees, scale by 7, shift every column
    double c = Math.cos(Math.PI / 6);
    double s = Math.sin(Math.PI / 6);
    double[][] rotated = new double[60][4];
    for (int i = 0; i < 60; i++) {
      rotated[i][0] = 7 * (c * x[i][0] - s * x[i][1]) + 3;
      rotated[i][1] = 7 * (s * x[i][0] + c * x[i][1]) - 1;
      rotated[i][2] = 7 * x[i][2];
      rotated[i][3] = 7 * x[i][3] + 5;
    }
    assertThat(Cka.of(matrix(rotated), matrix(y), false)).isCloseTo(base, within(1e-5));
    assertThat(Cka.of(matrix(rotated), matrix(y), true)).isCloseTo(Cka.of(matrix(x), matrix(y), true), within(1e-5));
    assertThat(base).isBetween(0.0, 1.0);
  }

  @Test
  void sharedCentredGramEqualsTheDirectOneAndUCentringIgnoresShifts() {
    SplittableRandom r = new SplittableRandom(3);
    double[][] x = random(r, 30, 5);
    for (double[] row : x) {
      row[4] = 2.5; // a dead unit
    }
    int[] labels = new int[30];
    double[][] shared = LayerGrams.over(LayerStatistics.over(matrix(x), labels, 1)).centredGram();
    double[][] direct = Cka.centredGram(matrix(x));
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 30; j++) {
        assertThat(shared[i][j]).isCloseTo(direct[i][j], within(1e-4));
      }
    }
    // U-centring an uncentred Gram matrix gives the same as U-centring the centred one
    double[][] raw = new double[30][30];
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 30; j++) {
        for (int t = 0; t < 5; t++) {
          raw[i][j] += (float) x[i][t] * (float) x[j][t];
        }
      }
    }
    double[][] a = Cka.uCentre(raw);
    double[][] b = Cka.uCentre(direct);
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 30; j++) {
        assertThat(a[i][j]).isCloseTo(b[i][j], within(1e-3));
      }
    }
  }

  @Test
  void probeGivesTheMatrixAndSettlingFromItsWorkDirectory(@TempDir java.nio.file.Path work) throws java.io.IOException {
    SplittableRandom r = new SplittableRandom(4);
    int[] labels = new int[40];
    double[][] a0 = random(r, 40, 3);
    double[][] b0 = random(r, 40, 6);
    double[][] a1 = random(r, 40, 3);
    Probe probe = new CkaProbeProvider().create(new CkaProbeProvider().defaultParameters(),
        new ProbeContext("cka", List.of("a"), List.of(), 1, work.resolve("cka")));
    Snapshot first = at(Snapshots.of(List.of("a"), labels, layers(a0, b0), LayerKind.DENSE), new Checkpoint(0, 0, 0, 0));
    Snapshot last = at(Snapshots.of(List.of("a"), labels, layers(a1, b0), LayerKind.DENSE), new Checkpoint(1, 10, 1, 40));
    MatrixMeasurement m = (MatrixMeasurement) probe.measure(first).get(0);
    assertThat(m.rowLabels()).containsExactly("l1", "l2");
    assertThat(m.values()[0][0]).isEqualTo(1);
    assertThat(m.values()[0][1]).isEqualTo(m.values()[1][0]).isCloseTo(Cka.of(matrix(a0), matrix(b0), false), within(1e-6));
    probe.measure(last);
    assertThat(work.resolve("cka")).isDirectoryContaining("glob:**ckpt-0000.f32");
    // a resumed probe (fresh object, saved state) still reaches the first checkpoint's activations on disk
    byte[] state = probe.saveState();
    Probe resumed = new CkaProbeProvider().create(new CkaProbeProvider().defaultParameters(),
        new ProbeContext("cka", List.of("a"), List.of(), 1, work.resolve("cka")));
    resumed.restoreState(state);
    List<Measurement> end = resumed.finish();
    Map<String, Double> toFinal = new java.util.HashMap<>();
    Map<String, Double> settling = new java.util.HashMap<>();
    for (Measurement x : end) {
      ScalarMeasurement s = (ScalarMeasurement) x;
      String key = s.key().layer() + "@" + s.key().checkpoint().index();
      (s.key().metric().equals("cka_to_final") ? toFinal : settling).put(key, s.value());
    }
    assertThat(toFinal.get("l1@0")).isCloseTo(Cka.of(matrix(a0), matrix(a1), false), within(1e-6));
    assertThat(toFinal.get("l1@1")).isCloseTo(1, within(1e-9));
    assertThat(toFinal.get("l2@0")).isCloseTo(1, within(1e-9));
    assertThat(settling).containsEntry("l2@0", 0.0).containsEntry("l1@1", 10.0);
    // finish() leaves its inputs in place (a run killed during finish() is resumed from them); dsdl deletes them after the run
    try (var files = java.nio.file.Files.list(work.resolve("cka"))) {
      assertThat(files).hasSize(2);
    }
  }

  private static Map<String, double[][]> layers(double[][] a, double[][] b) {
    Map<String, double[][]> m = new java.util.LinkedHashMap<>();
    m.put("l1", a);
    m.put("l2", b);
    return m;
  }

  static Snapshot at(Snapshot s, Checkpoint cp) {
    return new Snapshot(cp, s.classNames(), s.labels(), s.ids(), s.logits(), s.layers(), s.evaluations());
  }
}
