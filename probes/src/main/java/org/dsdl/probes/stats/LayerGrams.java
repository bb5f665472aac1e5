package org.dsdl.probes.stats;

import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.Snapshot;

/**
 * The Gram matrices several built-in probes derive from one layer's activations on the probe set:
 * of the exemplars (for exemplar correlations, distances and CKA) and of the units (their
 * covariance). Each is computed on first use, from the layer's {@link LayerStatistics}, and shared
 * by every probe of the same checkpoint ({@link Snapshot#shared}).
 */
public final class LayerGrams {
  private record Key(String layer) {}

  private final LayerStatistics stats;
  private final FloatMatrix activations;
  private final int n;
  private final int d;
  private double[][] gram;
  private double[][] covariance;
  private double[][] centredGram;
  private double[] rowMeans;

  private LayerGrams(LayerStatistics stats) {
    this.stats = stats;
    this.activations = stats.activations();
    this.n = stats.exemplars();
    this.d = stats.units();
  }

  /** The Gram matrices of the captured layer {@code layer} of {@code snapshot}, shared by the probes of its checkpoint. */
  public static LayerGrams of(Snapshot snapshot, String layer) {
    LayerStatistics s = LayerStatistics.of(snapshot, layer);
    return snapshot.shared(new Key(layer), LayerGrams.class, () -> new LayerGrams(s));
  }

  /** The Gram matrices of the activations {@code s} describes, not shared (e.g. in a test). */
  public static LayerGrams over(LayerStatistics s) {
    return new LayerGrams(s);
  }

  /**
   * The Gram matrix of the exemplars' row-centred activations over live units,
   * H_ij = Σ_k (x_ik − m_i)(x_jk − m_j) with m_i the row's mean over the live units, computed on
   * first use (upper triangle, mirrored). Exemplar correlations and distances both follow from it,
   * so probes share it; centring first keeps the correlations well conditioned.
   */
  public synchronized double[][] gram() {
    if (gram == null) {
      int[] live = stats.liveUnits();
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
      inverse[i] = norm * norm <= LayerStatistics.DEAD ? 0 : 1 / norm;
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
    int k = d - stats.deadCount();
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
          z[i][j] = activations.get(i, j) - stats.mean()[j];
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
      int k = d - stats.deadCount();
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
}
