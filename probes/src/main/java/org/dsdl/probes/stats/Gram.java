package org.dsdl.probes.stats;

import java.util.stream.IntStream;

/**
 * Gram matrices, G_ij = Σ_t z[t][i] · z[t][j], of data stored one array per summation index
 * ({@code z[t]} has the n values being compared). The inner loop is a contiguous multiply-add
 * the JIT vectorises, four output rows share each load, and blocks of rows run in parallel.
 */
public final class Gram {
  private Gram() {}

  /** The n × n Gram matrix of {@code z} (any number of arrays of length {@code n}). */
  public static double[][] of(double[][] z, int n) {
    double[][] g = new double[n][n];
    // each block of four rows also fills a few entries below the diagonal; mirroring overwrites them
    IntStream.range(0, (n + 3) / 4).parallel().forEach(block -> {
      int i0 = block * 4;
      int rows = Math.min(4, n - i0);
      for (double[] zt : z) {
        if (rows == 4) {
          double a0 = zt[i0];
          double a1 = zt[i0 + 1];
          double a2 = zt[i0 + 2];
          double a3 = zt[i0 + 3];
          double[] g0 = g[i0];
          double[] g1 = g[i0 + 1];
          double[] g2 = g[i0 + 2];
          double[] g3 = g[i0 + 3];
          for (int j = i0; j < n; j++) {
            double v = zt[j];
            g0[j] += a0 * v;
            g1[j] += a1 * v;
            g2[j] += a2 * v;
            g3[j] += a3 * v;
          }
        } else {
          for (int r = 0; r < rows; r++) {
            double a = zt[i0 + r];
            double[] gr = g[i0 + r];
            for (int j = i0; j < n; j++) {
              gr[j] += a * zt[j];
            }
          }
        }
      }
    });
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        g[j][i] = g[i][j];
      }
    }
    return g;
  }

  /**
   * As {@link #of(double[][], int)} for float data, accumulated in float (twice the values per
   * vector instruction): each entry's relative rounding error stays near 1e-6 for sums of a few
   * hundred terms, far below the 1e-4 the metrics promise.
   */
  public static double[][] ofFloats(float[][] z, int n) {
    float[][] g = new float[n][n];
    IntStream.range(0, (n + 3) / 4).parallel().forEach(block -> {
      int i0 = block * 4;
      int rows = Math.min(4, n - i0);
      for (float[] zt : z) {
        if (rows == 4) {
          float a0 = zt[i0];
          float a1 = zt[i0 + 1];
          float a2 = zt[i0 + 2];
          float a3 = zt[i0 + 3];
          float[] g0 = g[i0];
          float[] g1 = g[i0 + 1];
          float[] g2 = g[i0 + 2];
          float[] g3 = g[i0 + 3];
          for (int j = i0; j < n; j++) {
            float v = zt[j];
            g0[j] += a0 * v;
            g1[j] += a1 * v;
            g2[j] += a2 * v;
            g3[j] += a3 * v;
          }
        } else {
          for (int r = 0; r < rows; r++) {
            float a = zt[i0 + r];
            float[] gr = g[i0 + r];
            for (int j = i0; j < n; j++) {
              gr[j] += a * zt[j];
            }
          }
        }
      }
    });
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        out[i][j] = g[i][j];
        out[j][i] = g[i][j];
      }
    }
    return out;
  }
}
