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
