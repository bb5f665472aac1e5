package org.dsdl.probes.cka;

import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.probes.stats.Gram;
import org.dsdl.probes.stats.LayerGrams;

/**
 * Linear centred kernel alignment (Kornblith et al. 2019, arXiv:1905.00414):
 * CKA(X, Y) = ⟨K_c, L_c⟩_F / (‖K_c‖_F ‖L_c‖_F) with K_c, L_c the Gram matrices of the
 * column-centred X and Y, which equals ‖YᵀX‖_F² / (‖XᵀX‖_F ‖YᵀY‖_F) on centred X, Y. The debiased
 * variant U-centres both Gram matrices (zero diagonal, the unbiased HSIC estimator of Song et
 * al. 2012) before the same ratio. Zero when either representation does not vary.
 */
public final class Cka {
  private Cka() {}

  /** CKA of two representations of the same n exemplars (rows), computed through their Gram matrices. */
  public static double of(FloatMatrix x, FloatMatrix y, boolean debiased) {
    if (x.rows() != y.rows()) {
      throw new IllegalArgumentException("CKA needs the same exemplars: " + x.rows() + " vs " + y.rows() + " rows");
    }
    return fromCentredGrams(centredGram(x), centredGram(y), debiased);
  }

  /** CKA from the Gram matrices of the column-centred representations (e.g. {@link LayerGrams#centredGram()}). */
  public static double fromCentredGrams(double[][] k, double[][] l, boolean debiased) {
    double[][] a = debiased ? uCentre(k) : k;
    double[][] b = debiased ? uCentre(l) : l;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      double[] ai = a[i];
      double[] bi = b[i];
      for (int j = 0; j < ai.length; j++) {
        ab += ai[j] * bi[j];
        aa += ai[j] * ai[j];
        bb += bi[j] * bi[j];
      }
    }
    double denominator = Math.sqrt(aa) * Math.sqrt(bb);
    return denominator == 0 ? 0 : ab / denominator;
  }

  /** The Gram matrix of the column-centred rows of {@code x} (float data, so accumulated in float: {@link Gram#ofFloats}). */
  public static double[][] centredGram(FloatMatrix x) {
    int n = x.rows();
    int d = x.cols();
    float[][] z = new float[d][n];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += x.get(i, j);
      }
      mean /= n;
      for (int i = 0; i < n; i++) {
        z[j][i] = (float) (x.get(i, j) - mean);
      }
    }
    return Gram.ofFloats(z, n);
  }

  /**
   * U-centring: zero the diagonal, subtract from each off-diagonal entry its row and column sums
   * over n − 2 and add the total over (n − 1)(n − 2); the diagonal stays zero. Annihilates any
   * a_i + a_j pattern, so it gives the same result for a centred or an uncentred linear kernel.
   */
  static double[][] uCentre(double[][] k) {
    int n = k.length;
    if (n < 4) {
      throw new IllegalArgumentException("debiased CKA needs at least 4 exemplars, got " + n);
    }
    double[] rowSum = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        if (i != j) {
          s += k[i][j];
        }
      }
      rowSum[i] = s;
      total += s;
    }
    double[][] u = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          u[i][j] = k[i][j] - rowSum[i] / (n - 2) - rowSum[j] / (n - 2) + total / ((double) (n - 1) * (n - 2));
        }
      }
    }
    return u;
  }
}
