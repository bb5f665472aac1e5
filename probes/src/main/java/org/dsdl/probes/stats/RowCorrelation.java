package org.dsdl.probes.stats;

import org.dsdl.api.probe.support.LayerStatistics;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Pearson correlation between the rows of a matrix, restricted to chosen columns: each row is
 * centred and scaled to unit length, then R = Z Zᵀ (EJML). A row that does not vary has no
 * correlation; it is given correlation 0 with every row (and with itself), never NaN.
 */
public final class RowCorrelation {
  private RowCorrelation() {}

  /** The {@code rows × rows} correlation matrix of {@code x[rows][*]} over {@code columns}. */
  public static double[][] of(double[][] x, int[] columns) {
    DMatrixRMaj z = standardised(x, columns);
    DMatrixRMaj r = new DMatrixRMaj(x.length, x.length);
    CommonOps_DDRM.multTransB(z, z, r);
    double[][] out = new double[x.length][x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        out[i][j] = r.get(i, j);
      }
    }
    return out;
  }

  /** Row {@code i} of the result is row {@code i} of {@code x} over {@code columns}, centred, of unit length (or all zero). */
  static DMatrixRMaj standardised(double[][] x, int[] columns) {
    DMatrixRMaj z = new DMatrixRMaj(x.length, columns.length);
    for (int i = 0; i < x.length; i++) {
      double m = 0;
      for (int c : columns) {
        m += x[i][c];
      }
      m /= Math.max(1, columns.length);
      double ss = 0;
      for (int c : columns) {
        ss += (x[i][c] - m) * (x[i][c] - m);
      }
      double norm = Math.sqrt(ss);
      if (norm <= LayerStatistics.DEAD) {
        continue;
      }
      for (int k = 0; k < columns.length; k++) {
        z.set(i, k, (x[i][columns[k]] - m) / norm);
      }
    }
    return z;
  }
}
