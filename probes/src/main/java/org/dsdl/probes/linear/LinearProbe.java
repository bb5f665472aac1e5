package org.dsdl.probes.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.support.History;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.probe.support.PerLayerProbe;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Bootstrap;

/**
 * How linearly decodable category identity is in each layer: k-fold cross-validated accuracy of
 * an L2 multinomial logistic regression on the probe set, and of the nearest class centre. The
 * folds are stratified and fixed by the seed, so every checkpoint uses the same folds. Each fit
 * starts from the same fold's solution at the previous checkpoint (the objective is strictly convex,
 * so the start changes the path, not the optimum; results agree with cold starts to the optimiser's
 * tolerance, here within one exemplar). Kept between checkpoints: folds × classes × (units + 1)
 * doubles per layer, about 200 KB for the default experiment, saved with the run's state.
 *
 * <p>With {@code controlTask} (the default) the same probe, on the same folds and standardised
 * features, is also fitted to a control task (Hewitt &amp; Liang 2019, arXiv:1909.03368): every
 * exemplar gets a random label fixed for the whole run ({@link #controlLabels}). Its accuracy says
 * how much a probe of this capacity decodes from these features by memorising exemplars;
 * selectivity, the probe's accuracy minus the control's, how much more the true labels give. The
 * control fits warm-start from their own previous solutions, kept and saved like the probe's.
 * They cost about 2.5 times the true fits (random labels are memorised slowly), so they run at
 * checkpoint 0, the last checkpoint and every {@code controlEvery}-th checkpoint between
 * ({@link #controlDue}); at the others the control's metrics are not written.
 */
final class LinearProbe extends PerLayerProbe {
  private final LinearProbeParameters p;
  private final long seed;
  /** Per layer, each fold's last solution in all units' coordinates: where the next checkpoint's fits start. */
  private final java.util.Map<String, double[][]> solutions = new java.util.concurrent.ConcurrentHashMap<>();
  /** Per layer, the same for the control task's fits. */
  private final java.util.Map<String, double[][]> controlSolutions = new java.util.concurrent.ConcurrentHashMap<>();
  /** Mixed into the probe's seed for the control labels, so they do not share a stream with the folds ("control" in ASCII). */
  private static final long CONTROL_SEED = 0x636f6e74726f6cL;
  /**
   * History keys beside the layers' probe accuracies: the probe set's size, and each layer's margin
   * over the control, selectivity_ci_low (or the selectivity itself when there is no bootstrap).
   */
  private static final String PROBE_SET_SIZE = "#n";
  private static final String SELECTIVITY_LOW = "|selectivity_ci_low";
  private final History history = new History();
  /** Number of classes, for chance level. */
  private final int classes;

  private final String name;
  /** The run's checkpoint schedule: where the control task is due. */
  private final org.dsdl.api.probe.ProbeContext context;

  LinearProbe(org.dsdl.api.probe.ProbeContext context, LinearProbeParameters p) {
    super(context.name(), LayerSelection.ofOrAll(p.layers()));
    this.name = context.name();
    this.p = p;
    this.seed = context.seed();
    this.classes = context.classNames().size();
    this.context = context;
  }

  /**
   * Whether the control task is fitted at {@code checkpoint}: at the run's first and last
   * checkpoints and at every {@code controlEvery}-th by index (every checkpoint when the schedule
   * is not known, as in {@code dsdl bench}, which therefore times a checkpoint with the control).
   */
  boolean controlDue(Checkpoint checkpoint) {
    return p.controlTask() && (context.atEnd(checkpoint) || checkpoint.index() % p.controlEvery() == 0);
  }

  @Override
  protected void measureLayer(Snapshot snapshot, LayerCapture layer, Measurements out) {
    String l = layer.layer().name();
    int[] labels = snapshot.labels();
    int classes = snapshot.classes();
    int[] fold = folds(labels, classes, p.folds(), seed);
    int[] control = controlDue(snapshot.checkpoint()) ? controlLabels(labels, snapshot.ids(), seed) : null;
    FloatMatrix a = layer.activations();
    double[] lr = new double[a.rows()];
    double[] ncc = new double[a.rows()];
    double[] lrControl = new double[a.rows()];
    // each fold starts from its own solution at the previous checkpoint, if any; the control task's fits from theirs
    int size = classes * (a.cols() + 1);
    double[][] warm = warmStarts(solutions, l, size);
    double[][] warmControl = control == null ? null : warmStarts(controlSolutions, l, size);
    for (int k = 0; k < p.folds(); k++) {
      int[][] split = split(fold, k);
      Standardised x = Standardised.of(a, split[0], split[1]);
      logistic(x, labels, classes, split[0], split[1], lr, warm[k]);
      if (control != null) {
        logistic(x, control, classes, split[0], split[1], lrControl, warmControl[k]);
      }
      nearestCentre(a, labels, classes, split[0], split[1], ncc);
    }
    scalarWithInterval(out, "probe_accuracy", l, lr);
    scalarWithInterval(out, "ncc_accuracy", l, ncc);
    if (control != null) {
      scalarWithInterval(out, "control_accuracy", l, lrControl);
      double[] difference = new double[lr.length];
      for (int i = 0; i < lr.length; i++) {
        difference[i] = lr[i] - lrControl[i];
      }
      // paired: an exemplar's probe and control outcomes are resampled together
      scalarWithInterval(out, "selectivity", l, difference);
    }
  }

  private double[][] warmStarts(java.util.Map<String, double[][]> kept, String layer, int size) {
    return kept.compute(layer, (key, old) -> old != null && old.length == p.folds() && old[0].length == size ? old : new double[p.folds()][size]);
  }

  /**
   * The control task's labels (Hewitt &amp; Liang 2019): the true labels, taken in order of exemplar
   * id, shuffled by a generator seeded from {@code seed}, and dealt back in order of id. So each
   * exemplar's control label depends only on the probe set (ids and labels) and the seed, not on
   * the order the exemplars come in; it is the same at every checkpoint and after a resume, and each
   * class keeps its size. The labels are random with respect to the features, so a probe that
   * decodes them does so by memorising exemplars: its accuracy is chance (1/C for equal classes).
   */
  static int[] controlLabels(int[] labels, long[] ids, long seed) {
    Integer[] byId = new Integer[labels.length];
    for (int i = 0; i < byId.length; i++) {
      byId[i] = i;
    }
    java.util.Arrays.sort(byId, java.util.Comparator.<Integer>comparingLong(i -> ids[i]).thenComparingInt(i -> labels[i]));
    int[] dealt = new int[labels.length];
    for (int r = 0; r < dealt.length; r++) {
      dealt[r] = labels[byId[r]];
    }
    SplittableRandom random = new SplittableRandom(seed ^ CONTROL_SEED);
    for (int r = dealt.length - 1; r > 0; r--) {
      int j = random.nextInt(r + 1);
      int t = dealt[r];
      dealt[r] = dealt[j];
      dealt[j] = t;
    }
    int[] control = new int[labels.length];
    for (int r = 0; r < dealt.length; r++) {
      control[byId[r]] = dealt[r];
    }
    return control;
  }

  /** Each layer's fold solutions, so that a resumed run starts its fits where the stopped one would have. */
  @Override
  public byte[] saveState() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      byte[] h = history.encode();
      out.writeInt(h.length);
      out.write(h);
      writeSolutions(out, solutions);
      // after the probe's own, so that a state saved before the control task existed still reads
      writeSolutions(out, controlSolutions);
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
      java.util.Map<String, double[][]> read = readSolutions(in);
      java.util.Map<String, double[][]> readControl = in.available() > 0 ? readSolutions(in) : java.util.Map.of();
      if (in.available() > 0) {
        throw new IllegalArgumentException("linear-probe state: " + in.available() + " bytes after the solutions");
      }
      solutions.clear();
      solutions.putAll(read);
      controlSolutions.clear();
      controlSolutions.putAll(readControl);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("truncated linear-probe state: " + e.getMessage(), e);
    }
  }

  private static void writeSolutions(java.io.DataOutputStream out, java.util.Map<String, double[][]> solutions) throws java.io.IOException {
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
  }

  private static java.util.Map<String, double[][]> readSolutions(java.io.DataInputStream in) throws java.io.IOException {
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
    return read;
  }

  /** Measures every layer (in parallel), then remembers each layer's probe accuracy in layer order. */
  @Override
  public java.util.List<org.dsdl.api.measure.Measurement> measure(Snapshot snapshot) {
    java.util.List<org.dsdl.api.measure.Measurement> out = super.measure(snapshot);
    history.record(snapshot.checkpoint());
    history.record(snapshot.checkpoint(), PROBE_SET_SIZE, snapshot.labels().length);
    for (org.dsdl.api.measure.Measurement m : out) {
      if (m instanceof org.dsdl.api.measure.ScalarMeasurement s) {
        switch (m.key().metric()) {
          case "probe_accuracy" -> history.record(snapshot.checkpoint(), m.key().layer(), s.value());
          // the interval's lower end, recorded after the selectivity, replaces it when there is one
          case "selectivity", "selectivity_ci_low" -> history.record(snapshot.checkpoint(), m.key().layer() + SELECTIVITY_LOW, s.value());
          default -> { }
        }
      }
    }
    return out;
  }

  /**
   * Each layer's identity onset ({@link IdentityOnset}: above the threshold, above the untrained
   * network by onsetSigmas standard errors, above the control; NaN at the last checkpoint: never),
   * and whether identity was already decodable at checkpoint 0 ({@code identity_at_init}, 1 or 0,
   * placed at checkpoint 0).
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
    double[] sizes = history.values(PROBE_SET_SIZE);
    // the first recorded size (a history saved before sizes were kept has none before its resume)
    int n = (int) java.util.Arrays.stream(sizes).filter(Double::isFinite).findFirst().orElse(0);
    for (String layer : history.keys()) {
      if (layer.equals(PROBE_SET_SIZE) || layer.endsWith(SELECTIVITY_LOW)) {
        continue;
      }
      boolean control = history.keys().contains(layer + SELECTIVITY_LOW);
      IdentityOnset onset = new IdentityOnset(history.values(layer), control ? history.values(layer + SELECTIVITY_LOW) : null, n,
          threshold, p.onsetSigmas());
      java.util.OptionalInt at = onset.index();
      out.add(history.event(name, "identity_onset_step", layer,
          at.isPresent() ? java.util.Optional.of(cps.get(at.getAsInt())) : java.util.Optional.empty()));
      out.add(new org.dsdl.api.measure.ScalarMeasurement(
          new org.dsdl.api.measure.MeasurementKey(name, "identity_at_init", layer, cps.get(0)), onset.atInit() ? 1 : 0));
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
   * One fold's features standardised on its training exemplars (units constant there left out):
   * computed once per fold, shared by the probe's fit and the control task's.
   */
  private record Standardised(double[] train, double[] test, int[] kept) {
    static Standardised of(FloatMatrix a, int[] train, int[] test) {
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
      return new Standardised(standardised(a, train, kept, mean, std), standardised(a, test, kept, mean, std), kept);
    }
  }

  /**
   * Marks in {@code correct} the held-out exemplars the logistic regression trained on
   * {@code labels} classifies correctly. The fit starts from {@code warm} (all {@code d} units'
   * weights {@code [class][unit]}, then the intercepts, dead units 0) and leaves its solution there.
   */
  private void logistic(Standardised x, int[] labels, int classes, int[] train, int[] test, double[] correct, double[] warm) {
    int[] kept = x.kept();
    int k = kept.length;
    int d = warm.length / classes - 1;
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
    LogisticRegression model = LogisticRegression.fit(x.train(), yTrain, train.length, k, classes, p.c(), p.maxIterations(), p.tolerance(), start);
    java.util.Arrays.fill(warm, 0);
    for (int c = 0; c < classes; c++) {
      for (int t = 0; t < k; t++) {
        warm[c * d + kept[t]] = model.weight(c, t);
      }
      warm[classes * d + c] = model.theta[classes * k + c];
    }
    int[] predicted = model.predict(x.test(), test.length);
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
