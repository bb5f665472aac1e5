package org.dsdl.probes.weights;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The largest eigenvalue of a symmetric positive semi-definite matrix by the Lanczos method with
 * full reorthogonalisation: at most {@value #STEPS} matrix-vector products build a Krylov basis,
 * and the largest eigenvalue of the small tridiagonal matrix (through EJML) is the answer. Exact
 * (to rounding) when the matrix has at most {@value #STEPS} rows; for larger ones the top Ritz value
 * converges far faster than power iteration — a 440 × 440 Gram matrix costs a few ms instead of the
 * 24 ms of a full eigendecomposition.
 */
final class Spectrum {
  static final int STEPS = 40;

  private Spectrum() {}

  /** The largest eigenvalue of the symmetric matrix {@code a}. */
  static double largestEigenvalue(double[][] a) {
    int n = a.length;
    if (n == 0) {
      return 0;
    }
    int m = Math.min(n, STEPS);
    double[][] basis = new double[m][];
    double[] alpha = new double[m];
    double[] beta = new double[m];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 1 + 0.01 * ((i * 7919L) % 101) / 101.0;
    }
    scale(v, 1 / Math.sqrt(dot(v, v)));
    int steps = 0;
    for (int k = 0; k < m; k++) {
      basis[k] = v;
      double[] w = multiply(a, v);
      alpha[k] = dot(w, v);
      for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j <= k; j++) {
          double c = dot(w, basis[j]);
          for (int i = 0; i < n; i++) {
            w[i] -= c * basis[j][i];
          }
        }
      }
      steps = k + 1;
      double b = Math.sqrt(dot(w, w));
      if (k == m - 1 || b <= 1e-12 * Math.max(1, Math.abs(alpha[k]))) {
        break;
      }
      beta[k] = b;
      scale(w, 1 / b);
      v = w;
    }
    DMatrixRMaj t = new DMatrixRMaj(steps, steps);
    for (int k = 0; k < steps; k++) {
      t.set(k, k, alpha[k]);
      if (k + 1 < steps) {
        t.set(k, k + 1, beta[k]);
        t.set(k + 1, k, beta[k]);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(steps, false, true);
    if (!eig.decompose(t)) {
      throw new IllegalStateException("the eigenvalues of a " + steps + "x" + steps + " tridiagonal matrix did not converge");
    }
    double top = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < steps; i++) {
      top = Math.max(top, eig.getEigenvalue(i).getReal());
    }
    return top;
  }

  /** a·v for symmetric a, as a sum of rows (a contiguous multiply-add the JIT vectorises). */
  private static double[] multiply(double[][] a, double[] v) {
    double[] out = new double[v.length];
    for (int j = 0; j < a.length; j++) {
      double c = v[j];
      double[] row = a[j];
      for (int i = 0; i < out.length; i++) {
        out[i] += c * row[i];
      }
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void scale(double[] v, double k) {
    for (int i = 0; i < v.length; i++) {
      v[i] *= k;
    }
  }
}
