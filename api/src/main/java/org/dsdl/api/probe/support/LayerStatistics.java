package org.dsdl.api.probe.support;

import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Statistics of one layer's activations on the probe set that many probes need: exemplars per
 * class, each unit's class-conditional means, its mean over all exemplars and its population
 * standard deviation, and which units are dead (never vary on the probe set). {@link #of} computes
 * them once per snapshot and layer, for every probe of the checkpoint that asks.
 *
 * <p>Arrays are shared: never modify them.
 */
public final class LayerStatistics {
  /** A unit whose standard deviation is at most this is dead: it has no correlation with anything. */
  public static final double DEAD = 1e-12;

  private final FloatMatrix activations;
  private final int n;
  private final int d;
  private final int classes;
  private final int[] counts;
  private final double[][] classMeans;
  private final double[] mean;
  private final double[] std;
  private final boolean[] dead;
  private final int deadCount;

  private record Key(String layer) {}

  private LayerStatistics(FloatMatrix a, int[] labels, int classes) {
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
   * The statistics of the captured layer {@code layer} of {@code snapshot}, computed on first use
   * and shared with every probe of the same checkpoint ({@link Snapshot#shared}).
   *
   * @throws java.util.NoSuchElementException if the layer was not captured
   */
  public static LayerStatistics of(Snapshot snapshot, String layer) {
    FloatMatrix a = snapshot.layer(layer).activations();
    return snapshot.shared(new Key(layer), LayerStatistics.class, () -> new LayerStatistics(a, snapshot.labels(), snapshot.classes()));
  }

  /**
   * Statistics of activations {@code a} {@code [exemplars × units]} with these labels (each in
   * {@code [0, classes)}), outside any snapshot and not shared: e.g. of a bootstrap resample.
   */
  public static LayerStatistics over(FloatMatrix a, int[] labels, int classes) {
    if (labels.length != a.rows()) {
      throw new IllegalArgumentException(a.rows() + " exemplars but " + labels.length + " labels");
    }
    return new LayerStatistics(a, labels, classes);
  }

  /** The activations {@code [exemplars × units]} these statistics are of. */
  public FloatMatrix activations() {
    return activations;
  }

  /** Number of exemplars. */
  public int exemplars() {
    return n;
  }

  /** Number of units. */
  public int units() {
    return d;
  }

  /** Number of classes. */
  public int classes() {
    return classes;
  }

  /** Exemplars per class. */
  public int[] counts() {
    return counts;
  }

  /** Class-conditional mean of each unit, {@code [class][unit]}; 0 for a class without exemplars. */
  public double[][] classMeans() {
    return classMeans;
  }

  /** Mean of each unit over all exemplars. */
  public double[] mean() {
    return mean;
  }

  /** Population standard deviation (divided by n) of each unit. */
  public double[] std() {
    return std;
  }

  /** Whether each unit is dead: its standard deviation is at most {@link #DEAD}. */
  public boolean[] dead() {
    return dead;
  }

  /** Number of dead units. */
  public int deadCount() {
    return deadCount;
  }

  /** Indices of the live (not dead) units, ascending. */
  public int[] liveUnits() {
    int[] live = new int[d - deadCount];
    for (int j = 0, k = 0; j < d; j++) {
      if (!dead[j]) {
        live[k++] = j;
      }
    }
    return live;
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
   * (μ_max − μ_rest)/(μ_max + μ_rest), μ_max its {@link #preferredClass} mean and μ_rest the mean
   * of the other classes' means; 0 when both are 0. In [0, 1] for non-negative (ReLU) activations.
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
}
