package org.dsdl.probes.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Bootstrap;
import org.dsdl.probes.stats.LayerStatistics;
import org.dsdl.probes.stats.PerLayerProbe;

/**
 * How linearly decodable category identity is in each layer: k-fold cross-validated accuracy of
 * an L2 multinomial logistic regression on the probe set, and of the nearest class centre. The
 * folds are stratified and fixed by the seed, so every checkpoint uses the same folds.
 */
final class LinearProbe extends PerLayerProbe {
  private final LinearProbeParameters p;
  private final long seed;

  LinearProbe(String name, LinearProbeParameters p, long seed) {
    super(name, p.layers(), false);
    this.p = p;
    this.seed = seed;
  }

  @Override
  protected void measureLayer(Snapshot snapshot, String l, LayerStatistics stats, Measurements out) {
    int[] fold = folds(snapshot.labels(), snapshot.classes(), p.folds(), seed);
    FloatMatrix a = stats.activations;
    double[] lr = new double[a.rows()];
    double[] ncc = new double[a.rows()];
    for (int k = 0; k < p.folds(); k++) {
      int[][] split = split(fold, k);
      logistic(a, snapshot.labels(), snapshot.classes(), split[0], split[1], lr);
      nearestCentre(a, snapshot.labels(), snapshot.classes(), split[0], split[1], ncc);
    }
    scalarWithInterval(out, "probe_accuracy", l, lr);
    scalarWithInterval(out, "ncc_accuracy", l, ncc);
  }

  /** The mean of per-exemplar values, and its bootstrap interval when asked for. */
  private void scalarWithInterval(Measurements out, String metric, String layer, double[] perExemplar) {
    double mean = 0;
    for (double v : perExemplar) {
      mean += v;
    }
    out.scalar(metric, layer, mean / perExemplar.length);
    if (p.bootstrap() > 0) {
      double[] ci = Bootstrap.meanInterval(perExemplar, p.bootstrap(), seed ^ layer.hashCode() ^ metric.hashCode());
      out.scalar(metric + "_ci_low", layer, ci[0]).scalar(metric + "_ci_high", layer, ci[1]);
    }
  }

  /** Fold of each exemplar: within each class, a seeded shuffle dealt round-robin, so every fold holds every class. */
  static int[] folds(int[] labels, int classes, int folds, long seed) {
    int[] fold = new int[labels.length];
    SplittableRandom r = new SplittableRandom(seed);
    for (int c = 0; c < classes; c++) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          members.add(i);
        }
      }
      java.util.Collections.shuffle(members, new java.util.Random(r.nextLong()));
      for (int k = 0; k < members.size(); k++) {
        fold[members.get(k)] = k % folds;
      }
    }
    return fold;
  }

  private static int[][] split(int[] fold, int k) {
    int test = 0;
    for (int f : fold) {
      if (f == k) {
        test++;
      }
    }
    int[] tr = new int[fold.length - test];
    int[] te = new int[test];
    for (int i = 0, a = 0, b = 0; i < fold.length; i++) {
      if (fold[i] == k) {
        te[b++] = i;
      } else {
        tr[a++] = i;
      }
    }
    return new int[][] {tr, te};
  }

  /** Marks in {@code correct} the held-out exemplars the logistic regression classifies correctly; features standardised on the training fold. */
  private void logistic(FloatMatrix a, int[] labels, int classes, int[] train, int[] test, double[] correct) {
    int d = a.cols();
    double[] mean = new double[d];
    double[] std = new double[d];
    for (int i : train) {
      for (int j = 0; j < d; j++) {
        mean[j] += a.get(i, j);
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= train.length;
    }
    for (int i : train) {
      for (int j = 0; j < d; j++) {
        double v = a.get(i, j) - mean[j];
        std[j] += v * v;
      }
    }
    List<Integer> kept = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j] / train.length);
      if (std[j] > LayerStatistics.DEAD) {
        kept.add(j);
      }
    }
    int k = kept.size();
    double[] xTrain = standardised(a, train, kept, mean, std);
    double[] xTest = standardised(a, test, kept, mean, std);
    int[] yTrain = new int[train.length];
    for (int i = 0; i < train.length; i++) {
      yTrain[i] = labels[train[i]];
    }
    LogisticRegression model = LogisticRegression.fit(xTrain, yTrain, train.length, k, classes, p.c(), p.maxIterations(), p.tolerance());
    int[] predicted = model.predict(xTest, test.length);
    for (int i = 0; i < test.length; i++) {
      correct[test[i]] = predicted[i] == labels[test[i]] ? 1 : 0;
    }
  }

  private static double[] standardised(FloatMatrix a, int[] rows, List<Integer> columns, double[] mean, double[] std) {
    double[] x = new double[rows.length * columns.size()];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < columns.size(); c++) {
        int j = columns.get(c);
        x[r * columns.size() + c] = (a.get(rows[r], j) - mean[j]) / std[j];
      }
    }
    return x;
  }

  /** Marks in {@code correct} the held-out exemplars whose nearest training-fold class centre (Euclidean) is their own class's. */
  static void nearestCentre(FloatMatrix a, int[] labels, int classes, int[] train, int[] test, double[] correct) {
    int d = a.cols();
    double[][] centre = new double[classes][d];
    int[] count = new int[classes];
    for (int i : train) {
      count[labels[i]]++;
      for (int j = 0; j < d; j++) {
        centre[labels[i]][j] += a.get(i, j);
      }
    }
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < d; j++) {
        centre[c][j] = count[c] == 0 ? Double.NaN : centre[c][j] / count[c];
      }
    }
    for (int i : test) {
      int best = -1;
      double bestDistance = Double.MAX_VALUE;
      for (int c = 0; c < classes; c++) {
        if (count[c] == 0) {
          continue;
        }
        double dist = 0;
        for (int j = 0; j < d; j++) {
          double v = a.get(i, j) - centre[c][j];
          dist += v * v;
        }
        if (dist < bestDistance) {
          bestDistance = dist;
          best = c;
        }
      }
      correct[i] = best == labels[i] ? 1 : 0;
    }
  }
}
