package org.dsdl.probes.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;

class WeightCouplingProbeTest {
  @Test
  void handComputedCase() {
    // kernel [in = 2, out = 2], row-major: filter 0 = column 0 = (1, 0), filter 1 = column 1 = (1, 1)
    // cosine = 1/sqrt 2; ||W^W^T - I||_F = sqrt(2 * 1/2) = 1; G = [[1, 1], [1, 2]]: tr 3, top eigenvalue (3 + sqrt 5)/2
    LayerWeights w = new LayerWeights(List.of(2, 2), new float[] {1, 1, 0, 1}, new float[2]);
    Snapshot s = new Snapshot(new Checkpoint(0, 0, 0, 0), List.of("a"), new int[] {0}, new long[] {0}, new FloatMatrix(1, 1, new float[1]),
        Map.of("fc", new LayerCapture(new LayerInfo("fc", LayerKind.DENSE, List.of(2), 6), new FloatMatrix(1, 2, new float[2]), null, w)),
        Map.of());
    var provider = new WeightCouplingProbeProvider();
    Map<String, Double> v = provider.create(provider.defaultParameters(), new ProbeContext("weight-coupling", List.of("a"), List.of(), 1))
        .measure(s).stream().collect(Collectors.toMap(m -> m.key().metric(), m -> ((ScalarMeasurement) m).value()));
    assertThat(v.get("coherence_max")).isCloseTo(1 / Math.sqrt(2), within(1e-9));
    assertThat(v.get("coherence_frobenius")).isCloseTo(1, within(1e-9));
    assertThat(v.get("stable_rank")).isCloseTo(3 / ((3 + Math.sqrt(5)) / 2), within(1e-9));
  }

  @Test
  void lanczosAgreesWithAFullEigendecomposition() {
    SplittableRandom r = new SplittableRandom(6);
    for (int n : new int[] {1, 5, 64, 150}) {
      double[][] x = new double[n][n + 20];
      for (double[] row : x) {
        for (int j = 0; j < row.length; j++) {
          row[j] = r.nextGaussian();
        }
      }
      double[][] g = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (int t = 0; t < n + 20; t++) {
            g[i][j] += x[i][t] * x[j][t];
          }
        }
      }
      var eig = DecompositionFactory_DDRM.eig(n, false, true);
      assertThat(eig.decompose(new DMatrixRMaj(g))).isTrue();
      double top = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        top = Math.max(top, eig.getEigenvalue(i).getReal());
      }
      assertThat(Spectrum.largestEigenvalue(g)).as("n = %d", n).isCloseTo(top, within(1e-9 * top));
    }
  }
}
