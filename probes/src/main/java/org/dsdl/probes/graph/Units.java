package org.dsdl.probes.graph;

import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.snapshot.FloatMatrix;

/**
 * One layer's units over a (possibly resampled) list of exemplars: centred responses, standard
 * deviations, dead units, preferred classes, selectivity and mean activation.
 */
final class Units {
  final int d;
  /** Centred responses, {@code [exemplar][unit]}. */
  final double[][] centred;
  final double[] std;
  final boolean[] dead;
  final int[] preferred;
  final double[] selectivity;
  final double[] mean;

  private Units(int d, double[][] centred, double[] std, boolean[] dead, int[] preferred, double[] selectivity, double[] mean) {
    this.d = d;
    this.centred = centred;
    this.std = std;
    this.dead = dead;
    this.preferred = preferred;
    this.selectivity = selectivity;
    this.mean = mean;
  }

  /** The units of {@code a} over the exemplars {@code rows} (indices into {@code a}, repeats allowed). */
  static Units of(FloatMatrix a, int[] rows, int[] labels, int classes) {
    int n = rows.length;
    int d = a.cols();
    float[] rowMajor = new float[n * d];
    int[] rowLabels = new int[n];
    for (int r = 0; r < n; r++) {
      System.arraycopy(a.data(), rows[r] * d, rowMajor, r * d, d);
      rowLabels[r] = labels[rows[r]];
    }
    LayerStatistics s = LayerStatistics.over(new FloatMatrix(n, d, rowMajor), rowLabels, classes);
    double[][] centred = new double[n][d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        centred[r][j] = rowMajor[r * d + j] - s.mean()[j];
      }
    }
    int[] preferred = new int[d];
    double[] selectivity = new double[d];
    for (int j = 0; j < d; j++) {
      preferred[j] = s.dead()[j] ? -1 : s.preferredClass(j);
      selectivity[j] = s.dead()[j] ? 0 : s.selectivity(j);
    }
    return new Units(d, centred, s.std(), s.dead(), preferred, selectivity, s.mean());
  }

  /** Pearson correlation between every unit here (rows) and every unit of {@code next} (columns); 0 for dead units. */
  double[][] correlation(Units next) {
    double[][] c = new double[d][next.d];
    for (int r = 0; r < centred.length; r++) {
      double[] a = centred[r];
      double[] b = next.centred[r];
      for (int i = 0; i < d; i++) {
        double v = a[i];
        if (v != 0) {
          double[] ci = c[i];
          for (int j = 0; j < b.length; j++) {
            ci[j] += v * b[j];
          }
        }
      }
    }
    int n = centred.length;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < next.d; j++) {
        c[i][j] = dead[i] || next.dead[j] ? 0 : c[i][j] / n / (std[i] * next.std[j]);
      }
    }
    return c;
  }
}
