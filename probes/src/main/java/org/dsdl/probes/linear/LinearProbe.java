package org.dsdl.probes.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.probes.stats.Bootstrap;
import org.dsdl.probes.stats.History;
import org.dsdl.probes.stats.LayerStatistics;
import org.dsdl.probes.stats.PerLayerProbe;

/**
 * How linearly decodable category identity is in each layer: k-fold cross-validated accuracy of
 * an L2 multinomial logistic regression on the probe set, and of the nearest class centre. The
 * folds are stratified and fixed by the seed, so every checkpoint uses the same folds. Each fit
 * starts from the same fold's solution at the previous checkpoint (the objective is strictly convex,
 * so the start changes the path, not the optimum; results agree with cold starts to the optimiser's
 * tolerance, here within one exemplar). Kept between checkpoints: folds × classes × (units + 1)
 * doubles per layer, about 200 KB for the default experiment, saved with the run's state.
 */
final class LinearProbe extends PerLayerProbe {
  private final LinearProbeParameters p;
  private final long seed;
  /** Per layer, each fold's last solution in all units' coordinates: where the next checkpoint's fits start. */
  private final java.util.Map<String, double[][]> solutions = new java.util.concurrent.ConcurrentHashMap<>();
  private final History history = new History();
  /** Number of classes, for chance level. */
  private final int classes;

  private final String name;

  LinearProbe(String name, LinearProbeParameters p, long seed, int classes) {
    super(name, p.layers(), false);
    this.name = name;
    this.p = p;
    this.seed = seed;
    this.classes = classes;
  }

  @Override
  protected void measureLayer(Snapshot snapshot, String l, LayerStatistics stats, Measurements out) {
    int[] fold = folds(snapshot.labels(), snapshot.classes(), p.folds(), seed);
    FloatMatrix a = stats.activations;
    double[] lr = new double[a.rows()];
    double[] ncc = new double[a.rows()];
    // each fold starts from its own solution at the previous checkpoint, if any
    int size = snapshot.classes() * (a.cols() + 1);
    double[][] warm = solutions.compute(l, (key, old) -> old != null && old.length == p.folds() && old[0].length == size ? old : new double[p.folds()][size]);
    for (int k = 0; k < p.folds(); k++) {
      int[][] split = split(fold, k);
      logistic(a, snapshot.labels(), snapshot.classes(), split[0], split[1], lr, warm[k]);
      nearestCentre(a, snapshot.labels(), snapshot.classes(), split[0], split[1], ncc);
    }
    scalarWithInterval(out, "probe_accuracy", l, lr);
    scalarWithInterval(out, "ncc_accuracy", l, ncc);
  }

  /** Each layer's fold solutions, so that a resumed run starts its fits where the stopped one would have. */
  @Override
  public byte[] saveState() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      byte[] h = history.encode();
      out.writeInt(h.length);
      out.write(h);
      java.util.Map<String, double[][]> sorted = new java.util.TreeMap<>(solutions);
      out.writeInt(sorted.size());
      for (java.util.Map.Entry<String, double[][]> e : sorted.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        out.writeInt(e.getValue()[0].length);
        for (double[] fold : e.getValue()) {
          for (double v : fold) {
            out.writeDouble(v);
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void restoreState(byte[] state) {
    try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(state))) {
      int historyLength = in.readInt();
      if (historyLength < 0 || historyLength > in.available()) {
        throw new IllegalArgumentException("linear-probe state: history of " + historyLength + " bytes does not fit");
      }
      history.restore(in.readNBytes(historyLength));
      int layers = in.readInt();
      java.util.Map<String, double[][]> read = new java.util.HashMap<>();
      for (int l = 0; l < layers; l++) {
        String layer = in.readUTF();
        int folds = in.readInt();
        int size = in.readInt();
        if (folds < 1 || size < 1 || (long) folds * size * Double.BYTES > in.available()) {
          throw new IllegalArgumentException("layer " + layer + ": " + folds + " folds of " + size + " weights do not fit the remaining bytes");
        }
        double[][] w = new double[folds][size];
        for (double[] fold : w) {
          for (int i = 0; i < size; i++) {
            fold[i] = in.readDouble();
          }
        }
        read.put(layer, w);
      }
      solutions.clear();
      solutions.putAll(read);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("truncated linear-probe state: " + e.getMessage(), e);
    }
  }

  /** Measures every layer (in parallel), then remembers each layer's probe accuracy in layer order. */
  @Override
  public java.util.List<org.dsdl.api.measure.Measurement> measure(Snapshot snapshot) {
    java.util.List<org.dsdl.api.measure.Measurement> out = super.measure(snapshot);
    history.record(snapshot.checkpoint());
    for (org.dsdl.api.measure.Measurement m : out) {
      if (m.key().metric().equals("probe_accuracy") && m instanceof org.dsdl.api.measure.ScalarMeasurement s) {
        history.record(snapshot.checkpoint(), m.key().layer(), s.value());
      }
    }
    return out;
  }

  /**
   * Each layer's identity onset: the step of the first checkpoint from which its probe accuracy
   * stays at or above chance + onsetFraction · (1 − chance), chance = 1/classes (NaN at the last
   * checkpoint: never).
   */
  @Override
  public java.util.List<org.dsdl.api.measure.Measurement> finish() {
    java.util.List<Checkpoint> cps = history.checkpoints();
    java.util.List<org.dsdl.api.measure.Measurement> out = new ArrayList<>();
    if (cps.isEmpty() || classes < 2) {
      return out;
    }
    double chance = 1.0 / classes;
    double threshold = chance + p.onsetFraction() * (1 - chance);
    for (String layer : history.keys()) {
      int at = History.staysAtLeast(history.values(layer), threshold);
      Checkpoint cp = at < 0 ? cps.get(cps.size() - 1) : cps.get(at);
      out.addAll(new Measurements(name, cp).scalar("identity_onset_step", layer, at < 0 ? Double.NaN : cp.step()).list());
    }
    return out;
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

  /**
   * Marks in {@code correct} the held-out exemplars the logistic regression classifies correctly;
   * features standardised on the training fold. The fit starts from {@code warm} (all units'
   * weights {@code [class][unit]}, then the intercepts, dead units 0) and leaves its solution there.
   */
  private void logistic(FloatMatrix a, int[] labels, int classes, int[] train, int[] test, double[] correct, double[] warm) {
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
    int[] kept = new int[d];
    int k = 0;
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j] / train.length);
      if (std[j] > LayerStatistics.DEAD) {
        kept[k++] = j;
      }
    }
    kept = java.util.Arrays.copyOf(kept, k);
    double[] xTrain = standardised(a, train, kept, mean, std);
    double[] xTest = standardised(a, test, kept, mean, std);
    int[] yTrain = new int[train.length];
    for (int i = 0; i < train.length; i++) {
      yTrain[i] = labels[train[i]];
    }
    double[] start = new double[classes * (k + 1)];
    for (int c = 0; c < classes; c++) {
      for (int t = 0; t < k; t++) {
        start[c * k + t] = warm[c * d + kept[t]];
      }
      start[classes * k + c] = warm[classes * d + c];
    }
    LogisticRegression model = LogisticRegression.fit(xTrain, yTrain, train.length, k, classes, p.c(), p.maxIterations(), p.tolerance(), start);
    java.util.Arrays.fill(warm, 0);
    for (int c = 0; c < classes; c++) {
      for (int t = 0; t < k; t++) {
        warm[c * d + kept[t]] = model.weight(c, t);
      }
      warm[classes * d + c] = model.theta[classes * k + c];
    }
    int[] predicted = model.predict(xTest, test.length);
    for (int i = 0; i < test.length; i++) {
      correct[test[i]] = predicted[i] == labels[test[i]] ? 1 : 0;
    }
  }

  private static double[] standardised(FloatMatrix a, int[] rows, int[] columns, double[] mean, double[] std) {
    int k = columns.length;
    double[] x = new double[rows.length * k];
    float[] data = a.data();
    for (int r = 0; r < rows.length; r++) {
      int o = rows[r] * a.cols();
      for (int c = 0; c < k; c++) {
        int j = columns[c];
        x[r * k + c] = (data[o + j] - mean[j]) / std[j];
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
