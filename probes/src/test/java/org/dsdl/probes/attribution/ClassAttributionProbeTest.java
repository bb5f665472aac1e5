package org.dsdl.probes.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
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
import org.dsdl.api.snapshot.FeatureMaps;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class ClassAttributionProbeTest {
  private static final Checkpoint CP0 = new Checkpoint(0, 0, 0, 0);

  private static Probe probe(List<LayerInfo> model, List<String> layers, int topK, int perClass, int classes) {
    return probe(model, layers, topK, perClass, classes, 0);
  }

  static Probe probe(List<LayerInfo> model, List<String> layers, int topK, int perClass, int classes, int permutations) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add("k" + c);
    }
    return new ClassAttributionProbeProvider().create(new ClassAttributionParameters(layers, topK, perClass, permutations, 3, 1),
        new ProbeContext("class-attribution", names, model, 7));
  }

  private static Map<String, Double> scalars(List<Measurement> ms, String layer) {
    Map<String, Double> s = new LinkedHashMap<>();
    ms.stream().filter(m -> m instanceof ScalarMeasurement && layer.equals(m.key().layer()))
        .forEach(m -> s.put(m.key().metric(), ((ScalarMeasurement) m).value()));
    return s;
  }

  private static GraphMeasurement graph(List<Measurement> ms, String metric) {
    return (GraphMeasurement) ms.stream().filter(m -> m.key().metric().equals(metric)).findFirst().orElseThrow();
  }

  private static FloatMatrix spatialMeans(int n, int h, int w, int c, float[] maps) {
    float[] a = new float[n * c];
    for (int q = 0; q < maps.length; q++) {
      a[(q / (h * w * c)) * c + q % c] += maps[q] / (h * w);
    }
    return new FloatMatrix(n, c, a);
  }

  @Test
  void convolutionPairByHandThroughTheProbeAveragingTheClassExemplars() {
    LayerInfo c1 = new LayerInfo("c1", LayerKind.CONV, List.of(4, 4, 2), 0);
    LayerInfo c2 = new LayerInfo("c2", LayerKind.CONV, List.of(4, 4, 1), 0);
    // class 0: two exemplars whose mean is InfluenceTest's map (channel 0 = 4u + v + 1, channel 1 = 1): one +d, one -d;
    // class 1: one exemplar with both channels 0 except channel 1 = 2 everywhere; a third class-0 exemplar is beyond perClassExemplars = 2
    int n = 4;
    float[] maps = new float[n * 32];
    SplittableRandom r = new SplittableRandom(3);
    for (int q = 0; q < 16; q++) {
      float d = (float) r.nextDouble();
      maps[q * 2] = q + 1 + d;
      maps[32 + q * 2] = q + 1 - d;
      maps[q * 2 + 1] = 1 + d;
      maps[32 + q * 2 + 1] = 1 - d;
      maps[64 + q * 2 + 1] = 2;
      maps[96 + q * 2] = 1000; // the third class-0 exemplar: left out
    }
    float[] k = new float[18];
    for (int j = 0; j < 2; j++) {
      k[(1 * 3 + 1) * 2 + j] = 1;
      k[(0 * 3 + 0) * 2 + j] = 2;
      k[(2 * 3 + 2) * 2 + j] = -1;
    }
    int[] labels = {0, 0, 1, 0};
    Map<String, LayerCapture> layers = new LinkedHashMap<>();
    layers.put("c1", new LayerCapture(c1, spatialMeans(n, 4, 4, 2, maps), new FeatureMaps(n, 4, 4, 2, maps), null));
    float[] out = {1, 0, 0, 1}; // c2's only unit prefers class 0
    layers.put("c2", new LayerCapture(c2, new FloatMatrix(n, 1, out), null, new LayerWeights(List.of(3, 3, 2, 1), k, new float[1])));
    Snapshot s = new Snapshot(CP0, List.of("k0", "k1"), labels, new long[n], new FloatMatrix(n, 2, new float[2 * n]), layers, Map.of());
    Probe p = probe(List.of(c1, c2), List.of(), 1, 2, 2);
    assertThat(p.layers().wholeMaps()).isTrue();
    assertThat(p.layers().names()).containsExactlyInAnyOrder("c1", "c2");
    List<Measurement> ms = p.measure(s);
    // class 0: influences 145/16 = 9.0625 (channel 0) and 25/16 = 1.5625 (channel 1), as in InfluenceTest; top 1 keeps channel 0
    GraphMeasurement g0 = graph(ms, "attribution_graph_c0");
    assertThat(g0.edges()).hasSize(1);
    assertThat(g0.edges().get(0).source()).isEqualTo("0:0");
    assertThat(g0.edges().get(0).target()).isEqualTo("1:0");
    assertThat(g0.edges().get(0).weight()).isCloseTo(9.0625, within(1e-4));
    assertThat(g0.nodes()).hasSize(3);
    GraphMeasurement.Node target = g0.nodes().stream().filter(x -> x.id().equals("1:0")).findFirst().orElseThrow();
    assertThat(target.group()).isEqualTo("c2");
    assertThat(target.attributes()).containsEntry("preferred_class", 0.0).containsEntry("dead", 0.0);
    // class 1: channel 0 is zero; channel 1 = 2 everywhere: (2*16 + 2*2*9 - 2*9) / 16 = 50/16 = 3.125
    GraphMeasurement g1 = graph(ms, "attribution_graph_c1");
    assertThat(g1.edges()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo("0:1");
      assertThat(e.weight()).isCloseTo(3.125, within(1e-4));
    });
    Map<String, Double> st = scalars(ms, "c2");
    // disjoint edge sets; class 0 keeps 9.0625 of 9.0625 + 1.5625 positive influence
    assertThat(st.get("pathway_specificity_c0")).isEqualTo(1);
    assertThat(st.get("pathway_concentration_c0")).isCloseTo(9.0625 / 10.625, within(1e-9));
    assertThat(st.get("pathway_concentration_c1")).isCloseTo(1, within(1e-9));
    assertThat(st.get("pathway_stability_c0")).isNaN();
  }

  /**
   * 30 source and 30 target dense units, 3 classes; unit j responds to class j % 3 (3 against 1, plus up to 0.02 of noise). Wiring
   * {@code aligned}: W[j][i] = 1 + j/100 when j = i (mod 3), else 0.5; crossed: 1 + j/100 when j = i + 1 (mod 3), else 0.1.
   * {@code shuffled}: the exemplars' labels permuted (seeded) after the activations were drawn.
   */
  private static Snapshot planted(Checkpoint cp, boolean shuffled, boolean crossed, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 150;
    int d = 30;
    int[] labels = new int[n];
    float[] a = new float[n * d];
    float[] b = new float[n * d];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < d; j++) {
        a[i * d + j] = (float) ((labels[i] == j % 3 ? 3 : 1) + 0.02 * r.nextDouble());
        b[i * d + j] = (float) ((labels[i] == j % 3 ? 3 : 1) + 0.02 * r.nextDouble());
      }
    }
    if (shuffled) {
      for (int i = n - 1; i > 0; i--) {
        int q = r.nextInt(i + 1);
        int t = labels[i];
        labels[i] = labels[q];
        labels[q] = t;
      }
    }
    float[] w = new float[d * d];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < d; i++) {
        boolean wired = crossed ? j % 3 == (i + 1) % 3 : j % 3 == i % 3;
        w[j * d + i] = wired ? 1 + j / 100f : crossed ? 0.1f : 0.5f;
      }
    }
    Map<String, LayerCapture> layers = new LinkedHashMap<>();
    layers.put("s", new LayerCapture(DENSE_S, new FloatMatrix(n, d, a), null, null));
    layers.put("t", new LayerCapture(DENSE_T, new FloatMatrix(n, d, b), null, new LayerWeights(List.of(d, d), w, new float[d])));
    return new Snapshot(cp, List.of("k0", "k1", "k2"), labels, new long[n], new FloatMatrix(n, 3, new float[3 * n]), layers, Map.of());
  }

  private static Snapshot planted(Checkpoint cp, boolean shuffled, long seed) {
    return planted(cp, shuffled, false, seed);
  }

  private static final LayerInfo DENSE_S = new LayerInfo("s", LayerKind.DENSE, List.of(30), 0);
  private static final LayerInfo DENSE_T = new LayerInfo("t", LayerKind.DENSE, List.of(30), 0);

  private static Map<String, Double> measured(Snapshot s) {
    return scalars(probe(List.of(DENSE_S, DENSE_T), List.of(), 3, 50, 3).measure(s), "t");
  }

  @Test
  void aPlantedClassPathwayIsSpecificAndConsistentAndShuffledOnesAreNot() {
    // planted: for class c, sources j = c (mod 3) average ~3.01, the others ~1.01. Into a target i = c: 3.01 * W >= 3.01 against
    // at most 1.01 * 0.5; into i != c: 3.01 * 0.5 = 1.5 against at most 1.01 * 1.29 = 1.3. So every target keeps 3 of the
    // 10 sources preferring c: the classes share no edge (specificity 1), and targets preferring c hear only sources
    // preferring c (consistency 1)
    Map<String, Double> planted = measured(planted(CP0, false, 1));
    // labels shuffled over exemplars: the class means differ by the classes' composition only, equally for every unit of a
    // residue, so every class keeps the same edges: the 3 largest weights (j = 21, 24, 27 + i mod 3): specificity 0
    Map<String, Double> shuffled = measured(planted(CP0, true, 1));
    // crossed wiring with the true labels: into target i every class keeps sources i + 1 (mod 3) (weight ratio 10 beats the
    // activation ratio 3), which prefer another class than i: consistency 0, and the classes share every edge
    Map<String, Double> crossed = measured(planted(CP0, false, true, 1));
    for (int c = 0; c < 3; c++) {
      assertThat(planted.get("pathway_specificity_c" + c)).isEqualTo(1);
      assertThat(planted.get("pathway_consistency_c" + c)).isEqualTo(1);
      assertThat(shuffled.get("pathway_specificity_c" + c)).isEqualTo(0);
      assertThat(crossed.get("pathway_specificity_c" + c)).isEqualTo(0);
      assertThat(crossed.get("pathway_consistency_c" + c)).isEqualTo(0);
      // kept: 10 targets i = c x 3 x ~3 * 1.2, 20 others x 3 x 1.5 = ~198; all positive: 10 x (10 x 3.4 + 20 x 0.5)
      // + 20 x (10 x 1.5 + 10 x 1.15 + 10 x 0.5) = ~1070: about 0.185
      assertThat(planted.get("pathway_concentration_c" + c)).isBetween(0.15, 0.21);
    }
    // the limitation the nulls must face: shuffling exemplar labels does not break consistency here, because units of
    // one residue respond to the same exemplars and so prefer the same (shuffled) class in both layers, and the aligned
    // wiring joins exactly those units (see docs/metrics.md)
    assertThat(shuffled.get("pathway_consistency_c0")).isGreaterThan(0.9);
  }

  @Test
  void stabilityComparesWithThePreviousCheckpointAndSurvivesAResume() {
    List<LayerInfo> model = List.of(DENSE_S, DENSE_T);
    Checkpoint cp1 = new Checkpoint(1, 10, 0.1, 160);
    Checkpoint cp2 = new Checkpoint(2, 20, 0.2, 320);
    Probe whole = probe(model, List.of(), 3, 50, 3);
    Map<String, Double> first = scalars(whole.measure(planted(CP0, false, 1)), "t");
    Map<String, Double> same = scalars(whole.measure(planted(cp1, false, 1)), "t");
    Map<String, Double> moved = scalars(whole.measure(planted(cp2, true, 2)), "t");
    assertThat(first.get("pathway_stability_c0")).isNaN();
    assertThat(same.get("pathway_stability_c0")).isEqualTo(1);
    // from the planted pathway (sources = c mod 3) to the shuffled one (sources = i mod 3): only targets i = c (mod 3) can share
    assertThat(moved.get("pathway_stability_c0")).isLessThan(0.5);

    Probe before = probe(model, List.of(), 3, 50, 3);
    assertThat(before.saveState()).isEmpty();
    before.measure(planted(CP0, false, 1));
    before.measure(planted(cp1, false, 1));
    Probe after = probe(model, List.of(), 3, 50, 3);
    after.restoreState(before.saveState());
    assertThat(scalars(after.measure(planted(cp2, true, 2)), "t")).isEqualTo(moved);
    assertThatThrownBy(() -> after.restoreState(new byte[] {0, 0, 0, 3, 0})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> after.restoreState(new byte[] {0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 2})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 layer pairs");
  }

  @Test
  void everyRecordedMetricIsDeclaredByItsClassPatternWithItsKindAndScopeAndEveryDeclaredOneIsRecorded() {
    List<org.dsdl.api.probe.MetricSpec> specs = new ClassAttributionProbeProvider().metrics();
    Probe p = probe(List.of(DENSE_S, DENSE_T), List.of(), 3, 50, 3, 5);
    List<Measurement> ms = new ArrayList<>(p.measure(planted(CP0, false, 1)));
    ms.addAll(p.measure(planted(new Checkpoint(1, 10, 0.1, 160), false, 2)));
    ms.addAll(p.finish());
    java.util.Set<String> recorded = new java.util.HashSet<>();
    for (Measurement m : ms) {
      String pattern = m.key().metric().replaceAll("_c[0-9]+(?=_|$)", "_c<k>");
      recorded.add(pattern);
      org.dsdl.api.probe.MetricSpec spec = specs.stream().filter(x -> x.name().equals(pattern)).findFirst().orElseThrow(
          () -> new AssertionError(pattern + " is not declared"));
      assertThat(spec.kind()).isEqualTo(org.dsdl.api.measure.MeasurementKind.of(m));
      assertThat(spec.perLayer()).isEqualTo(m.key().layer() != null);
    }
    assertThat(recorded).containsExactlyInAnyOrderElementsOf(specs.stream().map(org.dsdl.api.probe.MetricSpec::name).toList());
    // without permutations: the graphs and the statistics, per class and their class means, and no null
    List<Measurement> plain = probe(List.of(DENSE_S, DENSE_T), List.of(), 3, 50, 3).measure(planted(CP0, false, 1));
    assertThat(plain).hasSize(3 + 3 * 4 + 3);
  }

  @Test
  void perClassExemplarsTakesTheFirstOfEachClass() {
    assertThat(ClassAttributionProbe.rowsPerClass(new int[] {1, 0, 1, 1, 0, 1}, 3, 2)).isDeepEqualTo(new int[][] {{1, 4}, {0, 2}, {}});
  }

  @Test
  void aLayerNotCapturedIsNamed() {
    Probe p = probe(List.of(DENSE_S, DENSE_T), List.of(), 3, 50, 3);
    Snapshot s = new Snapshot(CP0, List.of("k0", "k1", "k2"), new int[0], new long[0], new FloatMatrix(0, 3, new float[0]), Map.of(), Map.of());
    assertThatThrownBy(() -> p.measure(s)).hasMessageContaining("layer s was not captured");
  }
}
