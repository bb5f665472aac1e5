package org.dsdl.probes.stats;

import java.util.IdentityHashMap;
import java.util.Map;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.Snapshot;

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
  private double[][] covariance;
  private double[][] centredGram;
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

  /** Statistics of {@code a} with these labels, outside any snapshot (not cached; e.g. for a bootstrap resample). */
  public static LayerStatistics over(FloatMatrix a, int[] labels, int classes) {
    return new LayerStatistics(a, labels, classes);
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
   * The Gram matrix of the exemplars' row-centred activations over live units,
   * H_ij = Σ_k (x_ik − m_i)(x_jk − m_j) with m_i the row's mean over the live units, computed on
   * first use (upper triangle, mirrored). Exemplar correlations and distances both follow from it,
   * so probes share it; centring first keeps the correlations well conditioned.
   */
  public synchronized double[][] gram() {
    if (gram == null) {
      int[] live = liveUnits();
      int k = live.length;
      // unit-major (k × n), so that the inner loop below is a contiguous multiply-add the JIT vectorises
      double[][] z = new double[k][n];
      rowMeans = new double[n];
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int t = 0; t < k; t++) {
          sum += activations.get(i, live[t]);
        }
        rowMeans[i] = k == 0 ? 0 : sum / k;
        for (int t = 0; t < k; t++) {
          z[t][i] = activations.get(i, live[t]) - rowMeans[i];
        }
      }
      gram = Gram.of(z, n);
    }
    return gram;
  }

  /**
   * Pearson correlation between exemplars across live units: H_ij / sqrt(H_ii H_jj). An exemplar
   * that does not vary across units has correlation 0 with every exemplar, never NaN.
   */
  public double[][] exemplarCorrelation() {
    double[][] h = gram();
    double[] inverse = new double[n];
    for (int i = 0; i < n; i++) {
      double norm = Math.sqrt(h[i][i]);
      inverse[i] = norm * norm <= DEAD ? 0 : 1 / norm;
    }
    double[][] r = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] hi = h[i];
      double[] ri = r[i];
      double a = inverse[i];
      for (int j = 0; j < n; j++) {
        ri[j] = hi[j] * a * inverse[j];
      }
    }
    return r;
  }

  /**
   * Euclidean distances between exemplars: ‖x_i − x_j‖² = H_ii + H_jj − 2H_ij + k(m_i − m_j)² over
   * the k live units (dead units are constant, so they change no distance).
   */
  public double[][] distances() {
    double[][] h = gram();
    int k = d - deadCount;
    double[] diagonal = new double[n];
    for (int i = 0; i < n; i++) {
      diagonal[i] = h[i][i];
    }
    double[][] dist = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] hi = h[i];
      double[] di = dist[i];
      double mi = rowMeans[i];
      double hii = diagonal[i];
      for (int j = i + 1; j < n; j++) {
        double m = mi - rowMeans[j];
        double v = Math.sqrt(Math.max(0, hii + diagonal[j] - 2 * hi[j] + k * m * m));
        di[j] = v;
        dist[j][i] = v;
      }
    }
    return dist;
  }

  /**
   * The population covariance of the units (d × d, divided by n), computed on first use: the
   * coupling probes' common input.
   */
  public synchronized double[][] covariance() {
    if (covariance == null) {
      double[][] z = new double[n][d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          z[i][j] = activations.get(i, j) - mean[j];
        }
      }
      covariance = Gram.of(z, d);
      for (double[] row : covariance) {
        for (int j = 0; j < d; j++) {
          row[j] /= n;
        }
      }
    }
    return covariance;
  }

  /**
   * The Gram matrix of the column-centred activations, K_c = H X Xᵀ H (H the centring matrix),
   * derived in O(n²) from {@link #gram()}: with Z the row-centred live units, m their row means
   * and k their number, X Xᵀ = Z Zᵀ + k m mᵀ, and dead (constant) units vanish under centring.
   * Computed on first use; the input of linear CKA.
   */
  public synchronized double[][] centredGram() {
    if (centredGram == null) {
      double[][] h = gram();
      int k = d - deadCount;
      double[][] raw = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          raw[i][j] = h[i][j] + k * rowMeans[i] * rowMeans[j];
        }
      }
      centredGram = doubleCentre(raw);
    }
    return centredGram;
  }

  /** H K H for a symmetric K: K_ij minus its row and column means plus the grand mean. */
  public static double[][] doubleCentre(double[][] k) {
    int n = k.length;
    double[] rowMean = new double[n];
    double grand = 0;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (double v : k[i]) {
        s += v;
      }
      rowMean[i] = s / n;
      grand += s;
    }
    grand /= (double) n * n;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = k[i][j] - rowMean[i] - rowMean[j] + grand;
      }
    }
    return out;
  }

  /** The class with the largest mean activation of unit {@code j} (the first on ties). */
  public int preferredClass(int j) {
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (classMeans[c][j] > classMeans[best][j]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * The class selectivity index of unit {@code j} (Morcos et al. 2018):
   * (μ_max − μ_rest)/(μ_max + μ_rest) over its class means; 0 when both are 0.
   */
  public double selectivity(int j) {
    int best = preferredClass(j);
    double max = classMeans[best][j];
    double rest = 0;
    for (int c = 0; c < classes; c++) {
      if (c != best) {
        rest += classMeans[c][j];
      }
    }
    rest /= classes - 1;
    double denominator = max + rest;
    return denominator == 0 ? 0 : (max - rest) / denominator;
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
