package org.dsdl.probes.attribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.support.History;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Nulls;
import org.dsdl.probes.stats.PermutationNull;

/**
 * Class attribution graphs (after Summit, Hohman et al. 2019): per class, the first-order
 * influence of each unit on each unit of the next layer, averaged over the class's exemplars, each
 * target keeping its strongest positive inputs; and per class and layer pair the pathway's
 * specificity, concentration, class consistency and stability against the previous checkpoint,
 * with their means over classes, each against its exemplar-label permutation null, and the onsets
 * of the class means at the end. State across checkpoints: the previous checkpoint's kept edges
 * and the history of the class means and their nulls, saved for a resume.
 */
final class ClassAttributionProbe implements Probe {
  /** The p-value below which a statistic beats its null, for the onsets. */
  static final double ALPHA = 0.05;

  private final String name;
  private final ClassAttributionParameters p;
  private final Pathway pathway;
  private final Nulls nulls;
  private final History history = new History();
  /** The last measured checkpoint's kept edges, {@code [class][pair]}; null before the first. */
  private long[][][] previous;

  ClassAttributionProbe(String name, ClassAttributionParameters p, Pathway pathway, Nulls nulls) {
    this.name = name;
    this.p = p;
    this.pathway = pathway;
    this.nulls = nulls;
  }

  @Override
  public LayerSelection layers() {
    return new LayerSelection(false, new HashSet<>(pathway.layers()), true);
  }

  /** The first {@code limit} exemplars of each class, in probe-set order. */
  static int[][] rowsPerClass(int[] labels, int classes, int limit) {
    int[][] rows = new int[classes][];
    for (int c = 0; c < classes; c++) {
      final int cls = c;
      rows[c] = IntStream.range(0, labels.length).filter(i -> labels[i] == cls).limit(limit).toArray();
    }
    return rows;
  }

  @Override
  public List<Measurement> measure(Snapshot snapshot) {
    for (String l : pathway.layers()) {
      if (!snapshot.layers().containsKey(l)) {
        throw new IllegalStateException("layer " + l + " was not captured; capture it in probeSet.layers");
      }
    }
    int classes = snapshot.classes();
    int[] labels = snapshot.labels();
    Checkpoint cp = snapshot.checkpoint();
    history.record(cp);
    int[] used = Arrays.stream(rowsPerClass(labels, classes, p.perClassExemplars())).flatMapToInt(Arrays::stream).toArray();
    Measurements out = new Measurements(name, cp);
    List<ClassPathways.Units> units = new ArrayList<>();
    List<GraphMeasurement.Node> nodes = new ArrayList<>();
    for (int k = 0; k < pathway.layers().size(); k++) {
      String l = pathway.layers().get(k);
      LayerStatistics s = LayerStatistics.of(snapshot, l);
      units.add(new ClassPathways.Units(snapshot.layer(l).activations(), s, labels));
      for (int j = 0; j < s.units(); j++) {
        boolean dead = s.dead()[j];
        nodes.add(new GraphMeasurement.Node(k + ":" + j, l, Map.of("preferred_class", dead ? -1.0 : s.preferredClass(j),
            "selectivity", dead ? 0 : round(s.selectivity(j)), "dead", dead ? 1.0 : 0.0)));
      }
    }
    int pairs = pathway.steps().size();
    long[][][] kept = new long[classes][pairs][];
    double[][][][] influence = new double[classes][pairs][][];
    Measurements scalars = new Measurements(name, cp);
    for (int k = 0; k < pairs; k++) {
      String layer = pathway.steps().get(k).target();
      ReducedInputs inputs = new ReducedInputs(snapshot, pathway.steps().get(k));
      inputs.ensure(used);
      ClassPathways.Units source = units.get(k);
      ClassPathways.Units target = units.get(k + 1);
      ClassPathways observed = ClassPathways.of(inputs, labels, classes, p.perClassExemplars(), p.topK(), source, target);
      long[][] before = previous == null || previous.length != classes ? null : column(previous, k);
      double[] st = observed.statistics(before);
      for (int c = 0; c < classes; c++) {
        kept[c][k] = observed.kept()[c];
        influence[c][k] = observed.influence()[c];
        for (Statistic s : Statistic.values()) {
          scalars.scalar(s.metric(c), layer, st[ClassPathways.index(s, c, classes)]);
        }
      }
      for (Statistic s : Statistic.values()) {
        if (s.averaged()) {
          scalars.scalar(s.mean(), layer, st[ClassPathways.meanIndex(s, classes)]);
        }
        if (s.onset()) {
          history.record(cp, key(layer, s, ""), st[ClassPathways.meanIndex(s, classes)]);
        }
      }
      if (nulls.due(cp) || nulls.permutations() > 0 && cp.index() % p.nullEvery() == 0 && leavesBaseline(layer, st, classes)) {
        // every exemplar can be among a permuted class's first perClassExemplars
        inputs.ensureAll();
        PermutationNull[] t = PermutationNull.ofEach(labels,
            l -> ClassPathways.of(inputs, l, classes, p.perClassExemplars(), p.topK(), source, target).statistics(before),
            nulls.permutations(), nulls.seed(layer));
        for (int c = 0; c < classes; c++) {
          for (Statistic s : Statistic.values()) {
            if (s != Statistic.STABILITY || before != null) {
              Nulls.write(scalars, s.metric(c), layer, t[ClassPathways.index(s, c, classes)]);
            }
          }
        }
        for (Statistic s : Statistic.values()) {
          if (s.averaged()) {
            Nulls.write(scalars, s.mean(), layer, t[ClassPathways.meanIndex(s, classes)]);
          }
          if (s.onset()) {
            PermutationNull m = t[ClassPathways.meanIndex(s, classes)];
            history.record(cp, key(layer, s, "|p"), m.p());
            history.record(cp, key(layer, s, "|sd"), m.sd());
          }
        }
      }
    }
    for (int c = 0; c < classes; c++) {
      List<GraphMeasurement.Edge> edges = new ArrayList<>();
      for (int k = 0; k < pairs; k++) {
        double[][] inf = influence[c][k];
        int targets = units.get(k + 1).truth().units();
        for (long e : kept[c][k]) {
          int j = (int) (e / targets);
          int i = (int) (e % targets);
          edges.add(new GraphMeasurement.Edge(k + ":" + j, (k + 1) + ":" + i, round(inf[j][i])));
        }
      }
      out.graph("attribution_graph_c" + c, null, nodes, edges);
    }
    previous = kept;
    List<Measurement> all = new ArrayList<>(out.list());
    all.addAll(scalars.list());
    return all;
  }

  private static long[][] column(long[][][] byClass, int pair) {
    long[][] out = new long[byClass.length][];
    for (int c = 0; c < byClass.length; c++) {
      out[c] = byClass[c][pair];
    }
    return out;
  }

  private static String key(String layer, Statistic s, String suffix) {
    return layer + "|" + s.mean() + suffix;
  }

  /**
   * Whether a class mean of {@code statistics} (this checkpoint's, of target layer {@code layer}) lies above its
   * checkpoint-0 value by more than onsetSigmas checkpoint-0 null SDs: the first condition of an onset, where the second,
   * beating the null, needs the null computed. False at checkpoint 0 and when checkpoint 0 was not measured.
   */
  private boolean leavesBaseline(String layer, double[] statistics, int classes) {
    List<Checkpoint> cps = history.checkpoints();
    if (cps.size() < 2 || cps.get(0).index() != 0) {
      return false;
    }
    for (Statistic s : Statistic.values()) {
      if (s.onset() && statistics[ClassPathways.meanIndex(s, classes)] > bound(layer, s)) {
        return true;
      }
    }
    return false;
  }

  /** Checkpoint 0's class mean + onsetSigmas × its null SD; NaN when either is unknown. */
  private double bound(String layer, Statistic s) {
    double base = history.values(key(layer, s, ""))[0];
    double sd = history.values(key(layer, s, "|sd"))[0];
    return sd >= 0 ? base + p.onsetSigmas() * sd : Double.NaN;
  }

  /**
   * Per target layer and statistic with an onset, the first checkpoint from which, through the last, its class mean stays
   * above checkpoint 0's by more than onsetSigmas checkpoint-0 null SDs and beats its null (p &lt; {@link #ALPHA}) wherever the
   * null ran (the last checkpoint, and every nullEvery-th); NaN at the last checkpoint if there is none, or checkpoint 0 was
   * not measured, or no null ran there or at the last.
   */
  @Override
  public List<Measurement> finish() {
    List<Checkpoint> cps = history.checkpoints();
    if (cps.isEmpty()) {
      return List.of();
    }
    List<Measurement> out = new ArrayList<>();
    for (Pathway.Step step : pathway.steps()) {
      String layer = step.target();
      for (Statistic s : Statistic.values()) {
        if (!s.onset()) {
          continue;
        }
        double[] values = history.values(key(layer, s, ""));
        double[] pValues = history.values(key(layer, s, "|p"));
        double bound = cps.get(0).index() == 0 ? bound(layer, s) : Double.NaN;
        // where no null ran (between every nullEvery-th checkpoint) only the first condition is checked; the last checkpoint has one
        Optional<Checkpoint> when = Double.isNaN(bound) ? Optional.empty()
            : history.staysTrue(i -> values[i] > bound && (Double.isNaN(pValues[i]) ? i < values.length - 1 : pValues[i] < ALPHA));
        out.add(history.event(name, s.event(), layer, when));
      }
    }
    return out;
  }

  /** {@code v} to 6 significant digits (float32 inputs: further digits are noise that only makes the file larger). */
  static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double scale = Math.pow(10, 5 - Math.floor(Math.log10(Math.abs(v))));
    return Math.round(v * scale) / scale;
  }

  @Override
  public byte[] saveState() {
    if (history.checkpoints().isEmpty()) {
      return new byte[0];
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      byte[] h = history.encode();
      out.writeInt(h.length);
      out.write(h);
      out.writeInt(previous == null ? 0 : previous.length);
      out.writeInt(pathway.steps().size());
      if (previous != null) {
        for (long[][] byPair : previous) {
          for (long[] edges : byPair) {
            out.writeInt(edges.length);
            for (long e : edges) {
              out.writeLong(e);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void restoreState(byte[] state) {
    if (state.length == 0) {
      return;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      int size = in.readInt();
      if (size < 0 || size > state.length) {
        throw new IllegalArgumentException("class-attribution state claims a history of " + size + " bytes in " + state.length);
      }
      byte[] h = in.readNBytes(size);
      int classes = in.readInt();
      int pairs = in.readInt();
      if (classes < 0 || classes > state.length || pairs != pathway.steps().size()) {
        throw new IllegalArgumentException("class-attribution state for " + classes + " classes and " + pairs + " layer pairs; this pathway has "
            + pathway.steps().size() + " pairs");
      }
      long[][][] read = classes == 0 ? null : new long[classes][pairs][];
      for (int c = 0; c < classes; c++) {
        for (int k = 0; k < pairs; k++) {
          int n = in.readInt();
          if (n < 0 || n > state.length / Long.BYTES) {
            throw new IllegalArgumentException("class-attribution state claims " + n + " edges");
          }
          read[c][k] = new long[n];
          for (int e = 0; e < n; e++) {
            read[c][k][e] = in.readLong();
          }
        }
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException("class-attribution state has " + in.available() + " bytes too many");
      }
      history.restore(h);
      previous = read;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated class-attribution state: " + e.getMessage(), e);
    }
  }
}
