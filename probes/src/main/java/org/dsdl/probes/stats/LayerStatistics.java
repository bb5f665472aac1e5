package org.dsdl.probes.stats;

import java.util.IdentityHashMap;
import java.util.Map;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.Snapshot;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Statistics of one layer's activations on the probe set that several probes need: class counts
 * and means, the global mean, each unit's standard deviation and which units are dead (never vary
 * on the probe set). Computed once per snapshot and layer, whichever probe asks first.
 */
public final class LayerStatistics {
  /** A unit whose standard deviation is at most this is dead (it has no correlation with anything). */
  public static final double DEAD = 1e-12;

  /** Exemplars. */
  public final int n;
  /** Units. */
  public final int d;
  /** Classes. */
  public final int classes;
  /** Exemplars per class. */
  public final int[] counts;
  /** Class-conditional mean of each unit, {@code [class][unit]}. */
  public final double[][] classMeans;
  /** Mean of each unit over all exemplars. */
  public final double[] mean;
  /** Population standard deviation of each unit. */
  public final double[] std;
  /** Whether each unit is dead. */
  public final boolean[] dead;
  /** Number of dead units. */
  public final int deadCount;
  /** The activations themselves. */
  public final FloatMatrix activations;

  private static final Map<Snapshot, Map<String, LayerStatistics>> CACHE = new IdentityHashMap<>();
  private double[][] gram;
  private double[] rowMeans;

  LayerStatistics(FloatMatrix a, int[] labels, int classes) {
    this.activations = a;
    this.n = a.rows();
    this.d = a.cols();
    this.classes = classes;
    this.counts = new int[classes];
    this.classMeans = new double[classes][d];
    this.mean = new double[d];
    double[] sq = new double[d];
    float[] x = a.data();
    for (int i = 0; i < n; i++) {
      int c = labels[i];
      counts[c]++;
      double[] cm = classMeans[c];
      int o = i * d;
      for (int j = 0; j < d; j++) {
        double v = x[o + j];
        cm[j] += v;
        mean[j] += v;
      }
    }
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < d; j++) {
        classMeans[c][j] = counts[c] == 0 ? 0 : classMeans[c][j] / counts[c];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      int o = i * d;
      for (int j = 0; j < d; j++) {
        double v = x[o + j] - mean[j];
        sq[j] += v * v;
      }
    }
    this.std = new double[d];
    this.dead = new boolean[d];
    int deadUnits = 0;
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(sq[j] / n);
      dead[j] = std[j] <= DEAD;
      if (dead[j]) {
        deadUnits++;
      }
    }
    this.deadCount = deadUnits;
  }

  /**
   * The statistics of {@code layer} in {@code snapshot}, computed on first use and shared by every
   * probe of the same checkpoint (only the latest snapshot is kept).
   */
  public static LayerStatistics of(Snapshot snapshot, String layer) {
    synchronized (CACHE) {
      if (!CACHE.containsKey(snapshot)) {
        CACHE.clear();
        CACHE.put(snapshot, new java.util.HashMap<>());
      }
      return CACHE.get(snapshot).computeIfAbsent(layer,
          l -> new LayerStatistics(snapshot.layer(l).activations(), snapshot.labels(), snapshot.classes()));
    }
  }

  /**
   * The exemplars' Gram matrix over live units, G_ij = Σ_k x_ik x_jk (EJML), computed on first use.
   * Distances between exemplars and their correlations both follow from it, so probes share it.
   */
  public synchronized double[][] gram() {
    if (gram == null) {
      int[] live = liveUnits();
      DMatrixRMaj x = new DMatrixRMaj(n, live.length);
      rowMeans = new double[n];
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int k = 0; k < live.length; k++) {
          double v = activations.get(i, live[k]);
          x.set(i, k, v);
          sum += v;
        }
        rowMeans[i] = live.length == 0 ? 0 : sum / live.length;
      }
      DMatrixRMaj g = new DMatrixRMaj(n, n);
      CommonOps_DDRM.multTransB(x, x, g);
      gram = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          gram[i][j] = g.get(i, j);
        }
      }
    }
    return gram;
  }

  /**
   * Pearson correlation between exemplars across live units, from the Gram matrix: with m_i a
   * row's mean over the k live units, (x_i − m_i)·(x_j − m_j) = G_ij − k m_i m_j. An exemplar that
   * does not vary across units has correlation 0 with every exemplar, never NaN.
   */
  public double[][] exemplarCorrelation() {
    double[][] g = gram();
    int k = d - deadCount;
    double[] norm = new double[n];
    for (int i = 0; i < n; i++) {
      norm[i] = Math.sqrt(Math.max(0, g[i][i] - k * rowMeans[i] * rowMeans[i]));
    }
    double[][] r = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double denominator = norm[i] * norm[j];
        r[i][j] = denominator <= DEAD ? 0 : (g[i][j] - k * rowMeans[i] * rowMeans[j]) / denominator;
      }
    }
    return r;
  }

  /** Euclidean distances between exemplars, from the Gram matrix (dead units are constant, so they change no distance). */
  public double[][] distances() {
    double[][] g = gram();
    double[][] dist = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        dist[i][j] = i == j ? 0 : Math.sqrt(Math.max(0, g[i][i] + g[j][j] - 2 * g[i][j]));
      }
    }
    return dist;
  }

  /** Indices of the live (not dead) units. */
  public int[] liveUnits() {
    int[] live = new int[d - deadCount];
    for (int j = 0, k = 0; j < d; j++) {
      if (!dead[j]) {
        live[k++] = j;
      }
    }
    return live;
  }
}
