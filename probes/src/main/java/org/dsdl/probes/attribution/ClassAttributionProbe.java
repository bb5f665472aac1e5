package org.dsdl.probes.attribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Class attribution graphs (after Summit, Hohman et al. 2019): per class, the first-order
 * influence of each unit on each unit of the next layer, averaged over the class's exemplars, each
 * target keeping its strongest positive inputs; and per class and layer pair the pathway's
 * specificity, concentration, class consistency and stability against the previous checkpoint.
 * State across checkpoints: the previous checkpoint's kept edges, saved for a resume.
 */
final class ClassAttributionProbe implements Probe {
  private final String name;
  private final ClassAttributionParameters p;
  private final Pathway pathway;
  /** The last measured checkpoint's kept edges, {@code [class][pair]}; null before the first. */
  private long[][][] previous;

  ClassAttributionProbe(String name, ClassAttributionParameters p, Pathway pathway) {
    this.name = name;
    this.p = p;
    this.pathway = pathway;
  }

  @Override
  public LayerSelection layers() {
    return new LayerSelection(false, new HashSet<>(pathway.layers()), true);
  }

  /** What one checkpoint yields before it is written: influences and kept edges per class and pair, and the units. */
  record Attribution(double[][][][] influence, long[][][] kept, List<LayerStatistics> units) {}

  /** Influences of every class and pair, from at most {@code perClassExemplars} of each class. */
  Attribution attribute(Snapshot snapshot) {
    for (String l : pathway.layers()) {
      if (!snapshot.layers().containsKey(l)) {
        throw new IllegalStateException("layer " + l + " was not captured; capture it in probeSet.layers");
      }
    }
    int classes = snapshot.classes();
    int[][] rows = rowsPerClass(snapshot.labels(), classes, p.perClassExemplars());
    int pairs = pathway.steps().size();
    double[][][][] influence = new double[classes][pairs][][];
    long[][][] kept = new long[classes][pairs][];
    for (int k = 0; k < pairs; k++) {
      Pathway.Step step = pathway.steps().get(k);
      LayerWeights w = snapshot.layer(step.target()).layerWeights()
          .orElseThrow(() -> new IllegalStateException("layer " + step.target() + " has no weights to attribute through"));
      final int pair = k;
      IntStream.range(0, classes).parallel().forEach(c -> {
        double[] in = Influence.meanInput(snapshot, step, rows[c]);
        influence[c][pair] = Influence.of(in, step.sourceShape(), w, step.targetKind() == LayerKind.CONV);
        kept[c][pair] = PathwayStatistics.keep(influence[c][pair], p.topK());
      });
    }
    List<LayerStatistics> units = new ArrayList<>();
    for (String l : pathway.layers()) {
      units.add(LayerStatistics.over(snapshot.layer(l).activations(), snapshot.labels(), classes));
    }
    return new Attribution(influence, kept, units);
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
    Attribution a = attribute(snapshot);
    int classes = snapshot.classes();
    Measurements out = new Measurements(name, snapshot.checkpoint());
    int[][] preferred = new int[pathway.layers().size()][];
    List<GraphMeasurement.Node> nodes = new ArrayList<>();
    for (int k = 0; k < pathway.layers().size(); k++) {
      LayerStatistics s = a.units().get(k);
      preferred[k] = new int[s.units()];
      for (int j = 0; j < s.units(); j++) {
        boolean dead = s.dead()[j];
        preferred[k][j] = dead ? -1 : s.preferredClass(j);
        nodes.add(new GraphMeasurement.Node(k + ":" + j, pathway.layers().get(k), Map.of("preferred_class", (double) preferred[k][j],
            "selectivity", dead ? 0 : round(s.selectivity(j)), "dead", dead ? 1.0 : 0.0)));
      }
    }
    for (int c = 0; c < classes; c++) {
      List<GraphMeasurement.Edge> edges = new ArrayList<>();
      for (int k = 0; k < pathway.steps().size(); k++) {
        double[][] inf = a.influence()[c][k];
        int targets = preferred[k + 1].length;
        for (long e : a.kept()[c][k]) {
          int j = (int) (e / targets);
          int i = (int) (e % targets);
          edges.add(new GraphMeasurement.Edge(k + ":" + j, (k + 1) + ":" + i, round(inf[j][i])));
        }
      }
      out.graph("attribution_graph_c" + c, null, nodes, edges);
    }
    for (int k = 0; k < pathway.steps().size(); k++) {
      String layer = pathway.steps().get(k).target();
      long[][] byClass = new long[classes][];
      for (int c = 0; c < classes; c++) {
        byClass[c] = a.kept()[c][k];
      }
      for (int c = 0; c < classes; c++) {
        double[][] inf = a.influence()[c][k];
        out.scalar("pathway_specificity_c" + c, layer, PathwayStatistics.specificity(byClass, c))
            .scalar("pathway_concentration_c" + c, layer, PathwayStatistics.concentration(inf, byClass[c]))
            .scalar("pathway_consistency_c" + c, layer, PathwayStatistics.consistency(inf, byClass[c], preferred[k], preferred[k + 1], c))
            .scalar("pathway_stability_c" + c, layer, previous == null ? Double.NaN : PathwayStatistics.jaccard(byClass[c], previous[c][k]));
      }
    }
    previous = a.kept();
    return out.list();
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
    if (previous == null) {
      return new byte[0];
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(previous.length);
      out.writeInt(pathway.steps().size());
      for (long[][] byPair : previous) {
        for (long[] edges : byPair) {
          out.writeInt(edges.length);
          for (long e : edges) {
            out.writeLong(e);
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
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      int classes = in.readInt();
      int pairs = in.readInt();
      if (classes < 1 || classes > state.length || pairs != pathway.steps().size()) {
        throw new IllegalArgumentException("class-attribution state for " + classes + " classes and " + pairs + " layer pairs; this pathway has "
            + pathway.steps().size() + " pairs");
      }
      long[][][] read = new long[classes][pairs][];
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
      previous = read;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated class-attribution state: " + e.getMessage(), e);
    }
  }
}
