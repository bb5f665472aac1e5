package org.dsdl.probes.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

class CouplingGraphProbeTest {
  private static final List<LayerInfo> MODEL = List.of(
      new LayerInfo("c1", LayerKind.CONV, List.of(4, 4, 2), 0),
      new LayerInfo("p1", LayerKind.POOL, List.of(2, 2, 2), 0),
      new LayerInfo("c2", LayerKind.CONV, List.of(2, 2, 2), 0),
      new LayerInfo("fc", LayerKind.DENSE, List.of(3), 0),
      new LayerInfo("logits", LayerKind.LOGITS, List.of(2), 0));

  @Test
  void assortativityByHand() {
    SimpleGraph<String, DefaultEdge> same = new SimpleGraph<>(DefaultEdge.class);
    for (String v : List.of("a0", "a1", "b0", "b1")) {
      same.addVertex(v);
    }
    same.addEdge("a0", "a1");
    same.addEdge("b0", "b1");
    assertThat(Assortativity.of(same, v -> v.charAt(0) - 'a', 2)).isCloseTo(1, within(1e-12));
    SimpleGraph<String, DefaultEdge> across = new SimpleGraph<>(DefaultEdge.class);
    for (String v : List.of("a0", "a1", "b0", "b1")) {
      across.addVertex(v);
    }
    across.addEdge("a0", "b0");
    across.addEdge("a1", "b1");
    // e = [[0, .5], [.5, 0]], a = (.5, .5): r = (0 - .5) / (1 - .5) = -1
    assertThat(Assortativity.of(across, v -> v.charAt(0) - 'a', 2)).isCloseTo(-1, within(1e-12));
    // three edges: a-a, a-b, b-b -> e = [[1/3, 1/6], [1/6, 1/3]], a = (1/2, 1/2): r = (2/3 - 1/2) / (1/2) = 1/3
    SimpleGraph<String, DefaultEdge> mixed = new SimpleGraph<>(DefaultEdge.class);
    for (String v : List.of("a0", "a1", "b0", "b1")) {
      mixed.addVertex(v);
    }
    mixed.addEdge("a0", "a1");
    mixed.addEdge("a1", "b0");
    mixed.addEdge("b0", "b1");
    assertThat(Assortativity.of(mixed, v -> v.charAt(0) - 'a', 2)).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void graphValuesKeepSixSignificantDigits() {
    assertThat(CouplingGraphProbe.round(0.1234567)).isEqualTo(0.123457);
    assertThat(CouplingGraphProbe.round(-1234567.8)).isEqualTo(-1234570.0);
    assertThat(CouplingGraphProbe.round(3.14159265e-7)).isEqualTo(3.14159e-7);
    assertThat(CouplingGraphProbe.round(0)).isZero();
    assertThat(CouplingGraphProbe.round(Double.NaN)).isNaN();
  }

  @Test
  void chainsMustBeConsecutive() {
    assertThat(Chain.of(List.of(), MODEL)).containsExactly("c1", "c2");
    assertThat(Chain.of(List.of("fc", "c2"), MODEL)).containsExactly("c2", "fc");
    assertThatThrownBy(() -> Chain.of(List.of("c1", "fc"), MODEL)).hasMessageContaining("not consecutive").hasMessageContaining("c2");
    assertThatThrownBy(() -> Chain.of(List.of("p1", "c2"), MODEL)).hasMessageContaining("no layer 'p1'");
  }

  @Test
  void structuralCouplingIsTheNormOfTheKernelSliceAcrossFlattenedPositions() {
    // dense kernel after a flatten of 2 positions x 2 channels: rows r = position * 2 + channel
    LayerWeights w = new LayerWeights(List.of(4, 1), new float[] {3, 1, 4, 2}, new float[1]);
    double[][] s = CouplingGraphProbe.structural(w, 2);
    assertThat(s[0][0]).isCloseTo(5, within(1e-12)); // channel 0: rows 0 and 2 -> sqrt(9 + 16)
    assertThat(s[1][0]).isCloseTo(Math.sqrt(5), within(1e-12)); // channel 1: rows 1 and 3 -> sqrt(1 + 4)
  }

  /** Units of c2 copy units of c1 (u0 -> v1, u1 -> v0), each unit answering to one class. */
  private static Snapshot snapshot(Checkpoint cp, double noise, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 80;
    int[] labels = new int[n];
    float[] a = new float[n * 2];
    float[] b = new float[n * 2];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      double u0 = (labels[i] == 0 ? 2 : 0) + r.nextDouble();
      double u1 = (labels[i] == 1 ? 2 : 0) + r.nextDouble();
      a[2 * i] = (float) u0;
      a[2 * i + 1] = (float) u1;
      b[2 * i] = (float) (u1 + noise * r.nextGaussian());
      b[2 * i + 1] = (float) (u0 + noise * r.nextGaussian());
    }
    // c2's kernel [3, 3, 2, 2]: only the slice input 0 -> output 1 is non-zero (norm 3)
    float[] k = new float[3 * 3 * 2 * 2];
    k[((1 * 3 + 1) * 2 + 0) * 2 + 1] = 3;
    Map<String, LayerCapture> layers = new LinkedHashMap<>();
    layers.put("c1", new LayerCapture(MODEL.get(0), new FloatMatrix(n, 2, a), null, new LayerWeights(List.of(3, 3, 1, 2), new float[18], new float[2])));
    layers.put("c2", new LayerCapture(MODEL.get(2), new FloatMatrix(n, 2, b), null, new LayerWeights(List.of(3, 3, 2, 2), k, new float[2])));
    long[] ids = new long[n];
    return new Snapshot(cp, List.of("x", "y"), labels, ids, new FloatMatrix(n, 2, new float[2 * n]), layers, Map.of());
  }

  private static Probe probe(int topK) {
    var provider = new CouplingGraphProbeProvider();
    var d = provider.defaultParameters();
    return provider.create(new CouplingGraphParameters(List.of(), "functional", topK, 0, 20, 3, 0),
        new ProbeContext("coupling-graph", List.of("x", "y"), MODEL, 9));
  }

  @Test
  void keepsTheStrongestInputOfEachUnitWithBothCouplings() {
    List<Measurement> ms = probe(1).measure(snapshot(new Checkpoint(1, 5, 0.1, 80), 0.05, 1));
    GraphMeasurement g = (GraphMeasurement) ms.stream().filter(m -> m instanceof GraphMeasurement).findFirst().orElseThrow();
    assertThat(g.nodes()).hasSize(4);
    GraphMeasurement.Node v1 = g.nodes().stream().filter(x -> x.id().equals("1:1")).findFirst().orElseThrow();
    assertThat(v1.group()).isEqualTo("c2");
    assertThat(v1.attributes()).containsEntry("preferred_class", 0.0).containsEntry("dead", 0.0);
    assertThat(g.edges()).extracting(e -> e.source() + ">" + e.target()).containsExactlyInAnyOrder("0:1>1:0", "0:0>1:1");
    GraphMeasurement.Edge e = g.edges().stream().filter(x -> x.target().equals("1:1")).findFirst().orElseThrow();
    assertThat(e.weight()).isGreaterThan(0.95).isEqualTo(Math.abs(e.attributes().get("functional")));
    assertThat(e.attributes().get("structural")).isCloseTo(3, within(1e-9));
    Map<String, Double> s = scalars(ms);
    assertThat(s.get("graph_edges")).isEqualTo(2);
    assertThat(s.get("graph_density")).isCloseTo(0.5, within(1e-12));
    assertThat(s.get("largest_component")).isEqualTo(2);
    assertThat(s.get("largest_component_fraction")).isCloseTo(0.5, within(1e-12));
    // every edge joins units preferring the same class
    assertThat(s.get("class_assortativity")).isCloseTo(1, within(1e-12));
  }

  /** 30 units per layer, unit j answering to class j % 3; c2's unit j copies c1's unit (j + 3) % 30 (same class) unless untrained. */
  private static Snapshot many(Checkpoint cp, boolean trained, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 150;
    int d = 30;
    int[] labels = new int[n];
    float[] a = new float[n * d];
    float[] b = new float[n * d];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < d; j++) {
        a[d * i + j] = (float) ((labels[i] == j % 3 ? 2 : 0) + r.nextDouble());
      }
      for (int j = 0; j < d; j++) {
        b[d * i + j] = trained ? a[d * i + (j + 3) % d] + (float) (0.05 * r.nextGaussian()) : (float) (1 + r.nextDouble());
      }
    }
    Map<String, LayerCapture> layers = new LinkedHashMap<>();
    layers.put("c1", new LayerCapture(MODEL.get(0), new FloatMatrix(n, d, a), null, new LayerWeights(List.of(1, 1, 1, d), new float[d], new float[d])));
    layers.put("c2", new LayerCapture(MODEL.get(2), new FloatMatrix(n, d, b), null,
        new LayerWeights(List.of(1, 1, d, d), new float[d * d], new float[d])));
    return new Snapshot(cp, List.of("x", "y", "z"), labels, new long[n], new FloatMatrix(n, 3, new float[3 * n]), layers, Map.of());
  }

  @Test
  void assortativityOnsetFromTheUntrainedBootstrap() {
    var provider = new CouplingGraphProbeProvider();
    Probe p = provider.create(new CouplingGraphParameters(List.of(), "functional", 1, 0, 30, 3, 0),
        new ProbeContext("coupling-graph", List.of("x", "y", "z"), MODEL, 9));
    List<Measurement> first = p.measure(many(new Checkpoint(0, 0, 0, 0), false, 2));
    double r0 = first.stream().filter(m -> m.key().metric().equals("class_assortativity")).mapToDouble(m -> ((ScalarMeasurement) m).value()).sum();
    double sd = first.stream().filter(m -> m.key().metric().equals("class_assortativity_bootstrap_sd"))
        .mapToDouble(m -> ((ScalarMeasurement) m).value()).sum();
    assertThat(sd).isPositive();
    p.measure(many(new Checkpoint(1, 8, 0.1, 80), false, 3));
    List<Measurement> trained = p.measure(many(new Checkpoint(2, 40, 0.5, 400), true, 4));
    assertThat(trained.stream().filter(m -> m.key().metric().equals("class_assortativity")).mapToDouble(m -> ((ScalarMeasurement) m).value()).sum())
        .isCloseTo(1, within(1e-12));
    List<Measurement> events = p.finish();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).key().metric()).isEqualTo("assortativity_onset_step");
    // untrained edges ignore classes (r0 near 0, small spread); the trained graph is perfectly assortative
    assertThat(Math.abs(r0)).isLessThan(0.4);
    assertThat(1 - r0).isGreaterThan(3 * sd);
    assertThat(((ScalarMeasurement) events.get(0)).value()).isEqualTo(40);
    assertThat(events.get(0).key().checkpoint().index()).isEqualTo(2);
  }

  private static Map<String, Double> scalars(List<Measurement> ms) {
    Map<String, Double> s = new LinkedHashMap<>();
    ms.stream().filter(m -> m instanceof ScalarMeasurement).forEach(m -> s.put(m.key().metric(), ((ScalarMeasurement) m).value()));
    return s;
  }

  @Test
  void assortativityNullShufflesThePreferredClassesOverTheGraphAtTheEndsOfTheRun() {
    var provider = new CouplingGraphProbeProvider();
    Probe p = provider.create(new CouplingGraphParameters(List.of(), "functional", 1, 0, 0, 3, 99),
        new ProbeContext("coupling-graph", List.of("x", "y", "z"), MODEL, 9, null, List.of(0L, 8L, 40L)));
    // trained: each of c2's 30 units keeps one edge, from the c1 unit it copies (same class): r = 1. Shuffling the
    // 60 live units' classes (20 each) over those 30 edges keeps an edge's ends equal with probability 19/59, so the
    // null mean is about (19/59 - 1/3) / (1 - 1/3) = -0.017 and no shuffle reaches 1: p = 1 / (1 + 99)
    Map<String, Double> first = scalars(p.measure(many(new Checkpoint(0, 0, 0, 0), true, 2)));
    assertThat(first.get("class_assortativity")).isCloseTo(1, within(1e-12));
    assertThat(first.get("class_assortativity_p")).isEqualTo(0.01);
    assertThat(first.get("class_assortativity_null_mean")).isCloseTo(-0.017, within(0.1));
    assertThat(first.get("class_assortativity_null_sd")).isPositive();
    // in between, no null
    assertThat(scalars(p.measure(many(new Checkpoint(1, 8, 0.1, 80), true, 3)))).doesNotContainKey("class_assortativity_p");
    assertThat(scalars(p.measure(many(new Checkpoint(2, 40, 0.5, 400), true, 4)))).containsKey("class_assortativity_p");
  }
}
