package org.dsdl.probes.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.support.History;
import org.dsdl.api.probe.support.KeepsHistory;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Bootstrap;
import org.dsdl.probes.stats.Nulls;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The coupling graph: units of consecutive layers as nodes, each unit joined to its strongest
 * inputs from the layer before, weighted by functional coupling (Pearson r of their responses
 * over the probe set) or structural coupling (the norm of the kernel slice that connects them),
 * with graph statistics per checkpoint and the onset of class assortativity at the end. Dead
 * units are nodes (attribute {@code dead = 1}) without edges. Node ids are {@code k:j}, unit j of
 * the k-th graph layer (the node's group names the layer). Attributes and weights are written to 6
 * significant digits. Graph algorithms: JGraphT.
 */
final class CouplingGraphProbe implements KeepsHistory {
  private final String name;
  private final CouplingGraphParameters p;
  private final List<String> chain;
  private final long seed;
  private final Nulls nulls;
  private final History history = new History();
  /** The p-value below which the last checkpoint's assortativity counts as beating its null. */
  static final double SIGNIFICANCE = 0.05;

  CouplingGraphProbe(String name, CouplingGraphParameters p, List<String> chain, long seed, Nulls nulls) {
    this.name = name;
    this.p = p;
    this.chain = List.copyOf(chain);
    this.seed = seed;
    this.nulls = nulls;
  }

  @Override
  public LayerSelection layers() {
    return LayerSelection.of(chain);
  }

  /** The graph of one (possibly resampled) probe set. */
  record Built(List<GraphMeasurement.Node> nodes, List<GraphMeasurement.Edge> edges, int liveNodes, long possibleEdges,
      double meanStrength, int largestComponent, double assortativity, Graph<String, DefaultWeightedEdge> graph, List<Units> units) {}

  @Override
  public List<Measurement> measure(Snapshot snapshot) {
    for (String l : chain) {
      if (!snapshot.layers().containsKey(l)) {
        throw new IllegalStateException("layer " + l + " was not captured; capture it in probeSet.layers");
      }
    }
    List<double[][]> structural = new ArrayList<>();
    for (int k = 1; k < chain.size(); k++) {
      int inputs = snapshot.layer(chain.get(k - 1)).activations().cols();
      LayerWeights w = snapshot.layer(chain.get(k)).layerWeights()
          .orElseThrow(() -> new IllegalStateException("layer has no weights to couple through"));
      structural.add(structural(w, inputs));
    }
    int n = snapshot.labels().length;
    Built g = build(snapshot, IntStream.range(0, n).toArray(), structural);
    Checkpoint cp = snapshot.checkpoint();
    Measurements out = new Measurements(name, cp)
        .graph("coupling_graph", null, g.nodes(), g.edges())
        .scalar("graph_edges", null, g.edges().size())
        .scalar("graph_density", null, g.possibleEdges() == 0 ? 0 : g.edges().size() / (double) g.possibleEdges())
        .scalar("graph_mean_strength", null, g.meanStrength())
        .scalar("largest_component", null, g.largestComponent())
        .scalar("largest_component_fraction", null, g.liveNodes() == 0 ? 0 : g.largestComponent() / (double) g.liveNodes())
        .scalar("class_assortativity", null, g.assortativity());
    if (nulls.due(cp)) {
      // the node-label null: the live units' preferred classes shuffled over the fixed graph
      List<String> vertices = List.copyOf(g.graph().vertexSet());
      Map<String, Integer> index = new java.util.HashMap<>();
      vertices.forEach(v -> index.put(v, index.size()));
      int[] classes = vertices.stream().mapToInt(v -> preferred(g.units(), v)).toArray();
      double pValue = nulls.record(out, cp, "class_assortativity", null, classes,
          shuffled -> Assortativity.of(g.graph(), v -> shuffled[index.get(v)], snapshot.classes()));
      history.record(cp, "p", pValue);
    }
    if (cp.index() == 0 && p.bootstrap() > 1) {
      double sd = bootstrapSd(snapshot, structural);
      out.scalar("class_assortativity_bootstrap_sd", null, sd);
      history.record(cp, "sd", sd);
    }
    history.record(cp, "assortativity", g.assortativity());
    return out.list();
  }

  /** S_ij = sqrt(Σ W[r][j]² over kernel rows r ≡ i mod inputs): the norm of the slice joining input unit i to unit j. */
  static double[][] structural(LayerWeights w, int inputs) {
    List<Integer> shape = w.kernelShape();
    int out = shape.get(shape.size() - 1);
    int fanIn = w.kernel().length / out;
    if (fanIn % inputs != 0) {
      throw new IllegalStateException("a kernel with " + fanIn + " inputs per unit cannot come from a layer of " + inputs + " units");
    }
    double[][] s = new double[inputs][out];
    float[] k = w.kernel();
    for (int r = 0; r < fanIn; r++) {
      double[] si = s[r % inputs];
      int o = r * out;
      for (int j = 0; j < out; j++) {
        si[j] += (double) k[o + j] * k[o + j];
      }
    }
    for (double[] row : s) {
      for (int j = 0; j < out; j++) {
        row[j] = Math.sqrt(row[j]);
      }
    }
    return s;
  }

  private Built build(Snapshot snapshot, int[] rows, List<double[][]> structural) {
    List<Units> units = new ArrayList<>();
    for (String l : chain) {
      units.add(Units.of(snapshot.layer(l).activations(), rows, snapshot.labels(), snapshot.classes()));
    }
    List<GraphMeasurement.Node> nodes = new ArrayList<>();
    Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    int live = 0;
    for (int k = 0; k < chain.size(); k++) {
      Units u = units.get(k);
      for (int j = 0; j < u.d; j++) {
        String id = id(k, j);
        nodes.add(new GraphMeasurement.Node(id, chain.get(k), Map.of("preferred_class", (double) u.preferred[j],
            "selectivity", round(u.selectivity[j]), "mean_activation", round(u.mean[j]), "dead", u.dead[j] ? 1.0 : 0.0)));
        if (!u.dead[j]) {
          graph.addVertex(id);
          live++;
        }
      }
    }
    List<GraphMeasurement.Edge> edges = new ArrayList<>();
    long possible = 0;
    double strength = 0;
    for (int k = 1; k < chain.size(); k++) {
      Units a = units.get(k - 1);
      Units b = units.get(k);
      double[][] r = a.correlation(b);
      double[][] s = structural.get(k - 1);
      List<Integer> sources = new ArrayList<>();
      for (int i = 0; i < a.d; i++) {
        if (!a.dead[i]) {
          sources.add(i);
        }
      }
      for (int j = 0; j < b.d; j++) {
        if (b.dead[j]) {
          continue;
        }
        possible += sources.size();
        final int target = j;
        Comparator<Integer> strongest = Comparator.comparingDouble((Integer i) -> -rank(r[i][target], s[i][target]))
            .thenComparingInt(i -> i);
        List<Integer> kept = sources.stream().sorted(strongest)
            .filter(i -> rank(r[i][target], s[i][target]) >= p.threshold())
            .limit(p.topK() == 0 ? Long.MAX_VALUE : p.topK()).toList();
        for (int i : kept) {
          double weight = rank(r[i][j], s[i][j]);
          edges.add(new GraphMeasurement.Edge(id(k - 1, i), id(k, j), round(weight),
              Map.of("functional", round(r[i][j]), "structural", round(s[i][j]))));
          DefaultWeightedEdge e = graph.addEdge(id(k - 1, i), id(k, j));
          graph.setEdgeWeight(e, weight);
          strength += weight;
        }
      }
    }
    int largest = 0;
    for (Set<String> component : new ConnectivityInspector<>(graph).connectedSets()) {
      largest = Math.max(largest, component.size());
    }
    double assortativity = Assortativity.of(graph, v -> preferred(units, v), snapshot.classes());
    return new Built(nodes, edges, live, possible, edges.isEmpty() ? 0 : strength / edges.size(), largest, assortativity, graph, units);
  }

  /**
   * {@code v} to 6 significant digits: the graph is written at every checkpoint, and its inputs
   * are float32 activations and weights, so further digits are noise that only makes the file larger.
   */
  static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double scale = Math.pow(10, 5 - Math.floor(Math.log10(Math.abs(v))));
    return Math.round(v * scale) / scale;
  }

  private double rank(double functional, double structural) {
    return "functional".equals(p.rankBy()) ? Math.abs(functional) : structural;
  }

  private static String id(int layer, int unit) {
    return layer + ":" + unit;
  }

  private static int preferred(List<Units> units, String id) {
    int colon = id.indexOf(':');
    return units.get(Integer.parseInt(id.substring(0, colon))).preferred[Integer.parseInt(id.substring(colon + 1))];
  }

  /** Sample SD of the assortativity over resamples of the exemplars (seeded; resamples drawn first, built in parallel). */
  private double bootstrapSd(Snapshot snapshot, List<double[][]> structural) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = snapshot.labels().length;
    int[][] resamples = new int[p.bootstrap()][n];
    for (int[] rows : resamples) {
      for (int i = 0; i < n; i++) {
        rows[i] = r.nextInt(n);
      }
    }
    return Bootstrap.sampleSd(java.util.Arrays.stream(resamples).parallel()
        .mapToDouble(rows -> build(snapshot, rows, structural).assortativity())
        .toArray());
  }

  @Override
  public List<Measurement> finish() {
    List<Checkpoint> cps = history.checkpoints();
    if (cps.isEmpty() || cps.get(0).index() != 0) {
      return List.of();
    }
    double sd = history.values("sd")[0];
    double[] values = history.values("assortativity");
    if (!(sd >= 0) || !Double.isFinite(values[0])) {
      return List.of();
    }
    // above the untrained graph by onsetSigmas bootstrap SDs through the last checkpoint, and, where the node-label
    // null ran at the last checkpoint, beating it there (p < 0.05)
    double[] pValues = history.values("p");
    double lastP = pValues[pValues.length - 1];
    // no null at all (permutations: 0): the onset stands on the bootstrap alone; a null that ran but not at the last
    // checkpoint this probe measured (it failed there) cannot be beaten
    boolean nullRan = java.util.Arrays.stream(pValues).anyMatch(x -> !Double.isNaN(x));
    boolean beatsNull = !nullRan || lastP < SIGNIFICANCE;
    return List.of(history.event(name, "assortativity_onset_step", null,
        beatsNull ? history.staysAboveBaseline("assortativity", p.onsetSigmas() * sd) : java.util.Optional.empty()));
  }

  @Override
  public History history() {
    return history;
  }
}
