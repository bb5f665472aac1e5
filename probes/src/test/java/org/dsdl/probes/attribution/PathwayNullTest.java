package org.dsdl.probes.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class PathwayNullTest {
  private static final LayerInfo S = new LayerInfo("s", LayerKind.DENSE, List.of(30), 0);
  private static final LayerInfo T = new LayerInfo("t", LayerKind.DENSE, List.of(30), 0);

  static Checkpoint cp(int i) {
    return new Checkpoint(i, 10L * i, 0.1 * i, 160L * i);
  }

  static Probe probe(int permutations, List<Long> schedule) {
    return probe(permutations, schedule, 1);
  }

  static Probe probe(int permutations, List<Long> schedule, int nullEvery) {
    return new ClassAttributionProbeProvider().create(new ClassAttributionParameters(List.of(), 3, 50, permutations, 3, nullEvery),
        new ProbeContext("class-attribution", List.of("k0", "k1", "k2"), List.of(S, T), 7, null, schedule));
  }

  /**
   * 150 exemplars of 3 classes (label i mod 3), 30 source and 30 target dense units; unit j responds to group j mod 3 (3 against
   * 1, plus Gaussian noise of SD {@code noise}, independent per unit and exemplar). {@code aligned}: exemplar i's group is its
   * class (a trained network); otherwise the groups are the labels shuffled (seeded): the responses carry no class. Wiring as in
   * ClassAttributionProbeTest: W[j][i] = 1 + j/100 when j = i (mod 3), else 0.5.
   */
  static Snapshot snapshot(Checkpoint cp, long seed, boolean aligned, double noise) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 150;
    int d = 30;
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
    }
    int[] group = labels.clone();
    if (!aligned) {
      for (int i = n - 1; i > 0; i--) {
        int q = r.nextInt(i + 1);
        int t = group[i];
        group[i] = group[q];
        group[q] = t;
      }
    }
    float[] a = new float[n * d];
    float[] b = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        a[i * d + j] = (float) ((group[i] == j % 3 ? 3 : 1) + noise * r.nextGaussian());
        b[i * d + j] = (float) ((group[i] == j % 3 ? 3 : 1) + noise * r.nextGaussian());
      }
    }
    float[] w = new float[d * d];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < d; i++) {
        w[j * d + i] = j % 3 == i % 3 ? 1 + j / 100f : 0.5f;
      }
    }
    Map<String, LayerCapture> layers = new LinkedHashMap<>();
    layers.put("s", new LayerCapture(S, new FloatMatrix(n, d, a), null, null));
    layers.put("t", new LayerCapture(T, new FloatMatrix(n, d, b), null, new LayerWeights(List.of(d, d), w, new float[d])));
    return new Snapshot(cp, List.of("k0", "k1", "k2"), labels, new long[n], new FloatMatrix(n, 3, new float[3 * n]), layers, Map.of());
  }

  static Map<String, Double> scalars(List<Measurement> ms) {
    Map<String, Double> s = new LinkedHashMap<>();
    ms.stream().filter(m -> m instanceof ScalarMeasurement).forEach(m -> s.put(m.key().metric(), ((ScalarMeasurement) m).value()));
    return s;
  }

  private static final List<String> MEANS = List.of("pathway_specificity", "pathway_concentration", "pathway_consistency");
  private static final List<String> ONSETS = List.of("pathway_specificity", "pathway_consistency");

  @Test
  void aPlantedPathwayBeatsItsExemplarLabelNullAndAShuffledOneDoesNot() {
    // planted: classes route through their own group's units (specificity 0.92, consistency 1); under the exemplar-label null
    // every permuted class mixes the groups, so its pathway is the wiring's generic one and the units' preferred classes are
    // set by noise: specificity 0.66 ± 0.06, consistency 0.65 ± 0.08
    Map<String, Double> planted = scalars(probe(99, List.of()).measure(snapshot(cp(0), 3, true, 1.5)));
    Map<String, Double> shuffled = scalars(probe(99, List.of()).measure(snapshot(cp(0), 3, false, 1.5)));
    for (String m : MEANS) {
      assertThat(planted.get(m + "_p")).as(m).isEqualTo(0.01);
      assertThat(planted.get(m)).as(m).isGreaterThan(planted.get(m + "_null_mean") + 3 * planted.get(m + "_null_sd"));
      assertThat(shuffled.get(m + "_p")).as(m).isGreaterThan(0.2);
    }
    for (int c = 0; c < 3; c++) {
      assertThat(planted.get("pathway_specificity_c" + c + "_p")).isEqualTo(0.01);
      assertThat(planted.get("pathway_consistency_c" + c + "_p")).isLessThanOrEqualTo(0.05);
      assertThat(shuffled.get("pathway_specificity_c" + c + "_p")).isGreaterThan(0.05);
    }
    // the per-class statistics' nulls are under their names; stability has none at the first checkpoint
    assertThat(planted).containsKeys("pathway_concentration_c2_null_mean", "pathway_consistency_c1_null_sd")
        .doesNotContainKey("pathway_stability_c0_p");
  }

  /**
   * Why consistency's null shuffles the exemplars' labels and recomputes the preferred classes, rather than shuffling the
   * preferred classes over the fixed graph: units of one group respond to the same exemplars, so under any labelling they
   * prefer the same class, and wiring that joins them looks consistent whatever the labels. With class-free responses (groups
   * shuffled) the node-label null calls that consistent (p = 0.01, circular); the exemplar-label null does not. Its price:
   * when noise-free co-response makes consistency 1 under every labelling, even a planted pathway cannot beat it there,
   * and specificity is what finds it.
   */
  @Test
  void theNodeLabelNullIsCircularForConsistencyAndTheExemplarLabelNullIsNot() {
    Snapshot classFree = snapshot(cp(0), 3, false, 0.02);
    Map<String, Double> exemplar = scalars(probe(99, List.of()).measure(classFree));
    assertThat(exemplar.get("pathway_consistency")).isGreaterThan(0.8);
    assertThat(exemplar.get("pathway_consistency_p")).isGreaterThan(0.5);
    assertThat(nodeLabelNull(classFree).p()).isEqualTo(0.01);

    Map<String, Double> planted = scalars(probe(99, List.of()).measure(snapshot(cp(0), 3, true, 0.02)));
    assertThat(planted.get("pathway_consistency")).isEqualTo(1);
    assertThat(planted.get("pathway_consistency_p")).isGreaterThan(0.5);
    assertThat(planted.get("pathway_specificity_p")).isEqualTo(0.01);
  }

  /** The class-mean consistency with the units' preferred classes shuffled over both layers, the pathways kept. */
  private static org.dsdl.probes.stats.PermutationNull nodeLabelNull(Snapshot s) {
    ReducedInputs in = new ReducedInputs(s, Pathway.of(List.of(), List.of(S, T)).steps().get(0));
    in.ensureAll();
    ClassPathways.Units su = new ClassPathways.Units(s.layer("s").activations(), LayerStatistics.of(s, "s"), s.labels());
    ClassPathways.Units tu = new ClassPathways.Units(s.layer("t").activations(), LayerStatistics.of(s, "t"), s.labels());
    ClassPathways cp = ClassPathways.of(in, s.labels(), 3, 50, 3, su, tu);
    int[] both = new int[60];
    System.arraycopy(cp.sourcePreferred(), 0, both, 0, 30);
    System.arraycopy(cp.targetPreferred(), 0, both, 30, 30);
    return org.dsdl.probes.stats.PermutationNull.of(both, preferred -> {
      ClassPathways shuffled = new ClassPathways(cp.influence(), cp.kept(), Arrays.copyOfRange(preferred, 0, 30),
          Arrays.copyOfRange(preferred, 30, 60));
      return shuffled.statistics(null)[ClassPathways.meanIndex(Statistic.CONSISTENCY, 3)];
    }, 99, 5);
  }

  /**
   * With class-free responses the true labelling is one more permutation, so each class mean's p-value is uniform on
   * {1/(K+1), …, 1} up to ties (which only make it larger): over 150 data sets the empirical CDF of p never exceeds the
   * uniform's by more than the Kolmogorov–Smirnov 1% critical value 1.63/√150 plus the 1/(K+1) granularity, and for the
   * continuous concentration the two-sided distance stays below it too.
   */
  @Test
  void pValuesAreRoughlyUniformUnderTheNull() {
    int sets = 150;
    int k = 49;
    double[][] p = new double[MEANS.size()][sets];
    for (int s = 0; s < sets; s++) {
      Map<String, Double> m = scalars(probe(k, List.of()).measure(snapshot(cp(0), 100 + s, false, 1.5)));
      for (int q = 0; q < MEANS.size(); q++) {
        p[q][s] = m.get(MEANS.get(q) + "_p");
      }
    }
    double bound = 1.63 / Math.sqrt(sets) + 1.0 / (k + 1);
    for (int q = 0; q < MEANS.size(); q++) {
      double[] sorted = p[q].clone();
      Arrays.sort(sorted);
      double excess = 0;
      double twoSided = 0;
      for (int i = 0; i < sets; i++) {
        excess = Math.max(excess, (i + 1.0) / sets - sorted[i]);
        twoSided = Math.max(twoSided, Math.max(Math.abs((i + 1.0) / sets - sorted[i]), Math.abs(sorted[i] - (double) i / sets)));
      }
      assertThat(excess).as(MEANS.get(q)).isLessThan(bound);
      if (MEANS.get(q).equals("pathway_concentration")) {
        assertThat(twoSided).isLessThan(bound);
      }
    }
  }

  private static List<Measurement> run(Probe probe, List<Snapshot> snapshots) {
    List<Measurement> out = new ArrayList<>();
    for (Snapshot s : snapshots) {
      out.addAll(probe.measure(s));
    }
    out.addAll(probe.finish());
    return out;
  }

  private static Snapshot untrained(int i) {
    return snapshot(cp(i), 11, false, 1.5);
  }

  /** The planted pathway, the same responses at every checkpoint (so a statistic moves only where the series says). */
  private static Snapshot trained(int i) {
    return snapshot(cp(i), 20, true, 1.5);
  }

  private static double event(List<Measurement> ms, String metric) {
    return ms.stream().filter(m -> m.key().metric().equals(metric) && "t".equals(m.key().layer())).map(m -> ((ScalarMeasurement) m).value())
        .reduce((a, b) -> b).orElseThrow();
  }

  private static final List<Long> SCHEDULE = List.of(0L, 10L, 20L, 30L, 40L);

  @Test
  void theOnsetIsWhereThePathwayLeavesItsUntrainedValueAndItsNullForGood() {
    // the untrained network twice (the same responses, so checkpoint 1 cannot leave checkpoint 0), then the planted pathway
    List<Measurement> ms = run(probe(49, SCHEDULE), List.of(untrained(0), untrained(1), trained(2), trained(3), trained(4)));
    for (String m : ONSETS) {
      assertThat(event(ms, m + "_onset_step")).as(m).isEqualTo(20);
    }
    assertThat(ms).noneMatch(m -> m.key().metric().equals("pathway_concentration_onset_step"));
    // the null runs at the first and last checkpoints and where an onset needs it (a class mean left its baseline), not at 1
    assertThat(checkpointsWith(ms, "pathway_specificity_p")).containsExactly(0, 2, 3, 4);
    // a pathway that fades again at the end has no onset; one already there untrained has none either (never at step 0)
    List<Measurement> fades = run(probe(49, SCHEDULE), List.of(untrained(0), trained(1), trained(2), trained(3), untrained(4)));
    List<Measurement> innate = run(probe(49, SCHEDULE), List.of(trained(0), trained(1), trained(2), trained(3), trained(4)));
    for (String m : ONSETS) {
      assertThat(event(fades, m + "_onset_step")).as(m).isNaN();
      assertThat(event(innate, m + "_onset_step")).as(m).isNaN();
    }
    // without permutations there is no null, so no onset
    assertThat(event(run(probe(0, SCHEDULE), List.of(untrained(0), trained(1), trained(2))), "pathway_specificity_onset_step")).isNaN();
  }

  @Test
  void withNullEveryTheNullRunsAtTheEndsAndItsMultiplesAndTheOnsetIsCheckedWhereItRan() {
    // every 2nd: 0 (an end), 2 (left its baseline), 4 (an end); not 3
    List<Measurement> ms = run(probe(49, SCHEDULE, 2), List.of(untrained(0), untrained(1), trained(2), trained(3), trained(4)));
    assertThat(checkpointsWith(ms, "pathway_specificity_p")).containsExactly(0, 2, 4);
    assertThat(event(ms, "pathway_specificity_onset_step")).isEqualTo(20);
    // the pathway appears at 3, where no null runs: its onset is 3, beating the null at 4
    List<Measurement> late = run(probe(49, SCHEDULE, 2), List.of(untrained(0), untrained(1), untrained(2), trained(3), trained(4)));
    assertThat(checkpointsWith(late, "pathway_specificity_p")).containsExactly(0, 4);
    assertThat(event(late, "pathway_specificity_onset_step")).isEqualTo(30);
    assertThatThrownBy(() -> new ClassAttributionParameters(List.of(), 3, 50, 10, 3, 0)).hasMessage("nullEvery must be >= 1, got 0");
  }

  private static List<Integer> checkpointsWith(List<Measurement> ms, String metric) {
    return ms.stream().filter(m -> m.key().metric().equals(metric)).map(m -> m.key().checkpoint().index()).distinct().toList();
  }

  @Test
  void aResumedRunGivesTheSameNullsStabilityAndOnsets() {
    List<Snapshot> series = List.of(untrained(0), untrained(1), trained(2), trained(3), trained(4));
    List<Measurement> whole = run(probe(49, SCHEDULE), series);
    Probe before = probe(49, SCHEDULE);
    before.measure(series.get(0));
    before.measure(series.get(1));
    before.measure(series.get(2));
    Probe after = probe(49, SCHEDULE);
    after.restoreState(before.saveState());
    List<Measurement> resumed = run(after, series.subList(3, 5));
    // the measurements of checkpoints 3 and 4, then the events (placed at their onset checkpoint, 2)
    assertThat(resumed).isEqualTo(whole.subList(whole.size() - resumed.size(), whole.size()));
    assertThat(resumed.get(0).key().checkpoint().index()).isEqualTo(3);
    assertThat(event(resumed, "pathway_specificity_onset_step")).isEqualTo(20);
  }
}
