package org.dsdl.probes.geometry;

import org.dsdl.api.probe.support.LayerStatistics;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** The class-geometry metrics, on a layer's activations {@code [n × d]} and labels. */
final class ClassGeometry {
  private ClassGeometry() {}

  /**
   * NC1 = (1/C) tr(Σ_W Σ_B⁺) with Σ_W = (1/n) Σ_i (h_i − μ_{y_i})(h_i − μ_{y_i})ᵀ and
   * Σ_B = (1/C) Σ_c (μ_c − μ_G)(μ_c − μ_G)ᵀ. Σ_B = U diag(s²/C) Uᵀ from the thin SVD of
   * M = [μ_c − μ_G] (d × C), so NC1 = Σ_k u_kᵀ Σ_W u_k / s_k² over singular values above
   * max(d, C) · ε · s_max (NumPy's pinv cut-off); 0 if Σ_B is zero.
   */
  static double nc1(LayerStatistics s, int[] labels) {
    int n = s.exemplars();
    int d = s.units();
    int classes = s.classes();
    double[][] classMeans = s.classMeans();
    DMatrixRMaj m = new DMatrixRMaj(d, classes);
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < d; j++) {
        m.set(j, c, classMeans[c][j] - s.mean()[j]);
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, classes, true, false, true);
    if (!svd.decompose(m)) {
      throw new IllegalStateException("SVD of the class means did not converge");
    }
    double[] sv = svd.getSingularValues();
    DMatrixRMaj u = svd.getU(null, false);
    double max = 0;
    for (double v : sv) {
      max = Math.max(max, v);
    }
    double cutoff = Math.max(d, classes) * Math.ulp(1.0) * max;
    float[] x = s.activations().data();
    double nc1 = 0;
    for (int k = 0; k < sv.length; k++) {
      if (sv[k] <= cutoff || sv[k] == 0) {
        continue;
      }
      double q = 0;
      for (int i = 0; i < n; i++) {
        double[] mu = classMeans[labels[i]];
        double p = 0;
        for (int j = 0; j < d; j++) {
          p += u.get(j, k) * (x[i * d + j] - mu[j]);
        }
        q += p * p;
      }
      nc1 += q / n / (sv[k] * sv[k]);
    }
    return nc1;
  }

  /**
   * CDNV: the mean over class pairs of (σ_i² + σ_j²) / (2‖μ_i − μ_j‖²), σ_c² = E‖h − μ_c‖² over
   * class c; pairs with identical means are left out (NaN if all are).
   */
  static double cdnv(LayerStatistics s, int[] labels) {
    int n = s.exemplars();
    int d = s.units();
    int classes = s.classes();
    double[][] classMeans = s.classMeans();
    double[] variance = new double[classes];
    float[] x = s.activations().data();
    for (int i = 0; i < n; i++) {
      double[] mu = classMeans[labels[i]];
      double sq = 0;
      for (int j = 0; j < d; j++) {
        double v = x[i * d + j] - mu[j];
        sq += v * v;
      }
      variance[labels[i]] += sq;
    }
    for (int c = 0; c < classes; c++) {
      variance[c] = s.counts()[c] == 0 ? 0 : variance[c] / s.counts()[c];
    }
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < classes; a++) {
      for (int b = a + 1; b < classes; b++) {
        double dist = 0;
        for (int j = 0; j < d; j++) {
          double v = classMeans[a][j] - classMeans[b][j];
          dist += v * v;
        }
        if (dist > 0) {
          sum += (variance[a] + variance[b]) / (2 * dist);
          pairs++;
        }
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }

  /**
   * Each exemplar's silhouette coefficient with Euclidean distances, as scikit-learn's
   * {@code silhouette_samples} (their mean is {@code silhouette_score}): s(i) = (b − a) / max(a, b),
   * a the mean distance to the other members of i's class, b the smallest mean distance to
   * another class; 0 for a class of one, and 0 where a = b = 0.
   */
  static double[] silhouettes(double[][] distance, int[] labels, int classes) {
    int n = distance.length;
    int[] counts = new int[classes];
    for (int l : labels) {
      counts[l]++;
    }
    double[] s = new double[n];
    double[] sums = new double[classes];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(sums, 0);
      for (int j = 0; j < n; j++) {
        if (j != i) {
          sums[labels[j]] += distance[i][j];
        }
      }
      int own = labels[i];
      if (counts[own] <= 1) {
        continue;
      }
      double in = sums[own] / (counts[own] - 1);
      double out = Double.MAX_VALUE;
      for (int c = 0; c < classes; c++) {
        if (c != own && counts[c] > 0) {
          out = Math.min(out, sums[c] / counts[c]);
        }
      }
      double denominator = Math.max(in, out);
      s[i] = denominator == 0 ? 0 : (out - in) / denominator;
    }
    return s;
  }
}
