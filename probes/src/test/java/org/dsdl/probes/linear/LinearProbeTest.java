package org.dsdl.probes.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.probes.stats.Snapshots;
import org.junit.jupiter.api.Test;

class LinearProbeTest {
  @Test
  void logisticRegressionReachesTheHandDerivedOptimum() {
    // x = -1 (class 0), x = +1 (class 1), C = 1. Only w1 - w0 enters the loss and the penalty
    // (w0^2 + w1^2)/2 is smallest at w1 = -w0 = w, so f(w) = 2 log(1 + e^{-2w}) + w^2, and
    // f'(w) = 0 gives w = 2 / (1 + e^{2w}); solved here by bisection.
    double lo = 0;
    double hi = 2;
    for (int i = 0; i < 100; i++) {
      double mid = (lo + hi) / 2;
      if (mid - 2 / (1 + Math.exp(2 * mid)) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double w = lo;
    assertThat(w).isCloseTo(0.5214, within(1e-3));
    LogisticRegression model = LogisticRegression.fit(new double[] {-1, 1}, new int[] {0, 1}, 2, 1, 2, 1.0, 100, 1e-10);
    assertThat(model.weight(1, 0)).isCloseTo(w, within(1e-6));
    assertThat(model.weight(0, 0)).isCloseTo(-w, within(1e-6));
    assertThat(model.predict(new double[] {-0.5, 0.3}, 2)).containsExactly(0, 1);
  }

  @Test
  void fitSatisfiesTheOptimalityConditionsWithEveryLoopBlockInUse() {
    // 11 exemplars x 6 features x 3 classes: the blocked loops (4 features, 4 exemplars) and their remainders
    int rows = 11;
    int features = 6;
    int classes = 3;
    double c = 0.7;
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    double[] x = new double[rows * features];
    int[] y = new int[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = i % classes;
      for (int j = 0; j < features; j++) {
        x[i * features + j] = r.nextGaussian() + (j == y[i] ? 0.8 : 0);
      }
    }
    LogisticRegression model = LogisticRegression.fit(x, y, rows, features, classes, c, 1000, 1e-12);
    // stationarity, written out directly: sum_i (p_ic - [y_i = c]) x_ij + w_cj / C = 0, and sum_i (p_ic - [y_i = c]) = 0
    double[][] g = new double[classes][features + 1];
    for (int i = 0; i < rows; i++) {
      double[] z = new double[classes];
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        z[k] = model.theta[classes * features + k];
        for (int j = 0; j < features; j++) {
          z[k] += model.weight(k, j) * x[i * features + j];
        }
      }
      for (int k = 0; k < classes; k++) {
        sum += Math.exp(z[k]);
      }
      for (int k = 0; k < classes; k++) {
        double residual = Math.exp(z[k]) / sum - (y[i] == k ? 1 : 0);
        for (int j = 0; j < features; j++) {
          g[k][j] += residual * x[i * features + j];
        }
        g[k][features] += residual;
      }
    }
    for (int k = 0; k < classes; k++) {
      for (int j = 0; j < features; j++) {
        assertThat(g[k][j] + model.weight(k, j) / c).as("class %d feature %d", k, j).isCloseTo(0, within(1e-9));
      }
      assertThat(g[k][features]).as("class %d intercept", k).isCloseTo(0, within(1e-9));
      assertThat(model.weight(k, 0)).isNotZero();
    }
  }

  @Test
  void nearestCentreByHand() {
    // training: class 0 at 0 and 2 (centre 1), class 1 at 8 and 10 (centre 9); test: 4 -> class 0, 6 -> class 1
    FloatMatrix a = new FloatMatrix(6, 1, new float[] {0, 2, 8, 10, 4, 6});
    int[] labels = {0, 0, 1, 1, 0, 0};
    double[] correct = new double[6];
    LinearProbe.nearestCentre(a, labels, 2, new int[] {0, 1, 2, 3}, new int[] {4, 5}, correct);
    assertThat(correct).containsExactly(0, 0, 0, 0, 1, 0);
  }

  @Test
  void foldsAreStratifiedAndSeeded() {
    int[] labels = new int[23];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
    }
    int[] fold = LinearProbe.folds(labels, 3, 5, 7);
    for (int k = 0; k < 5; k++) {
      for (int c = 0; c < 3; c++) {
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
          if (fold[i] == k && labels[i] == c) {
            n++;
          }
        }
        assertThat(n).as("fold %d class %d", k, c).isBetween(1, 2);
      }
    }
    assertThat(LinearProbe.folds(labels, 3, 5, 7)).isEqualTo(fold);
  }

  @Test
  void separableClassesAreDecodedAndRandomLabelsAreNearChance() {
    SplittableRandom r = new SplittableRandom(4);
    int n = 150;
    int[] labels = new int[n];
    double[][] separated = new double[n][8];
    double[][] noise = new double[n][8];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 8; j++) {
        separated[i][j] = (j % 3 == labels[i] ? 3 : 0) + 0.3 * r.nextGaussian();
        noise[i][j] = r.nextGaussian();
      }
    }
    Map<String, Double> s = measure(labels, separated);
    assertThat(s.get("probe_accuracy")).isEqualTo(1.0);
    assertThat(s.get("ncc_accuracy")).isEqualTo(1.0);
    assertThat(s.get("probe_accuracy_ci_low")).isEqualTo(1.0);
    assertThat(s.get("probe_accuracy_ci_high")).isEqualTo(1.0);
    Map<String, Double> u = measure(labels, noise);
    assertThat(u.get("probe_accuracy")).isLessThan(0.5);
    assertThat(u.get("ncc_accuracy")).isLessThan(0.5);
    assertThat(u.get("probe_accuracy_ci_low")).isLessThan(u.get("probe_accuracy")).isGreaterThan(0);
    assertThat(u.get("probe_accuracy_ci_high")).isGreaterThan(u.get("probe_accuracy"));
  }

  @Test
  void savedStateLetsAFreshProbeContinueExactlyAndBadBytesAreRefused() {
    SplittableRandom r = new SplittableRandom(8);
    int n = 90;
    int[] labels = new int[n];
    double[][] first = new double[n][6];
    double[][] second = new double[n][6];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 6; j++) {
        first[i][j] = (j % 3 == labels[i] ? 1 : 0) + r.nextGaussian();
        second[i][j] = first[i][j] + 0.2 * r.nextGaussian();
      }
    }
    var provider = new LinearProbeProvider();
    var context = new ProbeContext("linear-probe", List.of("a", "b", "c"), List.of(), 1);
    var straight = provider.create(provider.defaultParameters(), context);
    byte[] empty = straight.saveState();
    straight.measure(Snapshots.of(List.of("a", "b", "c"), labels, Map.of("fc1", first), LayerKind.DENSE));
    byte[] saved = straight.saveState();
    var resumed = provider.create(provider.defaultParameters(), context);
    resumed.restoreState(saved);
    assertThat(resumed.saveState()).isEqualTo(saved);
    var b = Snapshots.of(List.of("a", "b", "c"), labels, Map.of("fc1", second), LayerKind.DENSE);
    assertThat(resumed.measure(b)).isEqualTo(straight.measure(b));
    assertThatThrownBy(() -> resumed.restoreState(java.util.Arrays.copyOf(saved, saved.length / 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void controlTaskIsNearChanceWhereTheFeaturesCarryTheLabelsPerfectly() {
    // C = 4, n = 400: each class lifts its own two of 8 features by 3 (noise SD 0.3), so the true
    // labels are decoded perfectly; the control labels are independent of the features, so the same
    // probe decodes them at chance, 1/4, up to sampling (SD of an accuracy over 400 exemplars ~0.022).
    SplittableRandom r = new SplittableRandom(11);
    int n = 400;
    int[] labels = new int[n];
    double[][] rows = new double[n][8];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 4;
      for (int j = 0; j < 8; j++) {
        rows[i][j] = (j % 4 == labels[i] ? 3 : 0) + 0.3 * r.nextGaussian();
      }
    }
    List<String> classes = List.of("a", "b", "c", "d");
    var provider = new LinearProbeProvider();
    var probe = provider.create(provider.defaultParameters(), new ProbeContext("linear-probe", classes, List.of(), 5));
    Map<String, Double> s = scalars(probe.measure(Snapshots.of(classes, labels, Map.of("fc1", rows), LayerKind.DENSE)));
    assertThat(s.get("probe_accuracy")).isEqualTo(1.0);
    assertThat(s.get("control_accuracy")).isCloseTo(0.25, within(0.1));
    assertThat(s.get("selectivity")).isCloseTo(0.75, within(0.1))
        .isCloseTo(s.get("probe_accuracy") - s.get("control_accuracy"), within(1e-12));
    assertThat(s.get("selectivity_ci_low")).isLessThan(s.get("selectivity")).isGreaterThan(0.5);
    assertThat(s.get("selectivity_ci_high")).isGreaterThan(s.get("selectivity")).isLessThanOrEqualTo(1.0);
    assertThat(s.get("control_accuracy_ci_low")).isLessThan(s.get("control_accuracy"));
    assertThat(s.get("control_accuracy_ci_high")).isGreaterThan(s.get("control_accuracy"));
  }

  @Test
  void controlLabelsKeepClassSizesDependOnIdsNotOrderAndAreFixedForTheSeed() {
    SplittableRandom r = new SplittableRandom(12);
    int n = 400;
    int[] labels = new int[n];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i < 40 ? 3 : i % 3; // unequal classes: 40 of class 3
      ids[i] = r.nextLong();
    }
    int[] control = LinearProbe.controlLabels(labels, ids, 5);
    assertThat(counts(control)).isEqualTo(counts(labels));
    // the same at every call (every checkpoint, a resumed run: the probe set is fixed)
    assertThat(LinearProbe.controlLabels(labels.clone(), ids.clone(), 5)).isEqualTo(control);
    // exemplars in another order: each keeps its control label
    int[] order = shuffled(n, 13);
    int[] permutedLabels = new int[n];
    long[] permutedIds = new long[n];
    for (int i = 0; i < n; i++) {
      permutedLabels[i] = labels[order[i]];
      permutedIds[i] = ids[order[i]];
    }
    int[] permutedControl = LinearProbe.controlLabels(permutedLabels, permutedIds, 5);
    for (int i = 0; i < n; i++) {
      assertThat(permutedControl[i]).as("exemplar %d", order[i]).isEqualTo(control[order[i]]);
    }
    // random with respect to the true labels, and another seed gives other labels
    int agree = 0;
    int differ = 0;
    int[] other = LinearProbe.controlLabels(labels, ids, 6);
    for (int i = 0; i < n; i++) {
      agree += control[i] == labels[i] ? 1 : 0;
      differ += control[i] != other[i] ? 1 : 0;
    }
    assertThat(agree / (double) n).isLessThan(0.45);
    assertThat(differ).isGreaterThan(n / 2);
  }

  @Test
  void turningTheControlTaskOffRemovesItsMetricsAndLeavesTheProbeAsItWas() {
    SplittableRandom r = new SplittableRandom(14);
    int n = 120;
    int[] labels = new int[n];
    double[][] rows = new double[n][6];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 6; j++) {
        rows[i][j] = (j % 3 == labels[i] ? 1 : 0) + r.nextGaussian();
      }
    }
    List<String> classes = List.of("a", "b", "c");
    var provider = new LinearProbeProvider();
    LinearProbeParameters on = provider.defaultParameters();
    assertThat(on.controlTask()).isTrue();
    LinearProbeParameters off = new LinearProbeParameters(on.layers(), on.folds(), on.c(), on.maxIterations(), on.tolerance(),
        on.bootstrap(), on.onsetFraction(), on.onsetSigmas(), false, on.controlEvery());
    var context = new ProbeContext("linear-probe", classes, List.of(), 1);
    var snapshot = Snapshots.of(classes, labels, Map.of("fc1", rows), LayerKind.DENSE);
    Map<String, Double> with = scalars(provider.create(on, context).measure(snapshot));
    Map<String, Double> without = scalars(provider.create(off, context).measure(snapshot));
    assertThat(with).containsKeys("control_accuracy", "control_accuracy_ci_low", "control_accuracy_ci_high",
        "selectivity", "selectivity_ci_low", "selectivity_ci_high");
    assertThat(without.keySet()).noneMatch(k -> k.startsWith("control") || k.startsWith("selectivity"));
    without.forEach((metric, value) -> assertThat(with.get(metric)).as(metric).isEqualTo(value));
  }

  @Test
  void controlFitsWarmStartAcrossCheckpointsAndResumeExactly() {
    SplittableRandom r = new SplittableRandom(15);
    int n = 90;
    int[] labels = new int[n];
    long[] ids = new long[n];
    double[][][] features = new double[3][n][6];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      ids[i] = 1000 + 17L * i;
      for (int j = 0; j < 6; j++) {
        features[0][i][j] = (j % 3 == labels[i] ? 1 : 0) + r.nextGaussian();
        features[1][i][j] = features[0][i][j] + 0.2 * r.nextGaussian();
        features[2][i][j] = features[1][i][j] + 0.2 * r.nextGaussian();
      }
    }
    List<String> classes = List.of("a", "b", "c");
    var provider = new LinearProbeProvider();
    var context = new ProbeContext("linear-probe", classes, List.of(), 3);
    var straight = provider.create(provider.defaultParameters(), context);
    List<List<org.dsdl.api.measure.Measurement>> measured = new java.util.ArrayList<>();
    byte[] saved = null;
    for (int c = 0; c < 3; c++) {
      var snapshot = Snapshots.of(classes, labels, ids, new org.dsdl.api.run.Checkpoint(c, 10L * c, c, 160L * c), Map.of("fc1", features[c]), LayerKind.DENSE);
      measured.add(straight.measure(snapshot));
      if (c == 0) {
        saved = straight.saveState();
      }
    }
    var resumed = provider.create(provider.defaultParameters(), context);
    resumed.restoreState(saved);
    for (int c = 1; c < 3; c++) {
      var snapshot = Snapshots.of(classes, labels, ids, new org.dsdl.api.run.Checkpoint(c, 10L * c, c, 160L * c), Map.of("fc1", features[c]), LayerKind.DENSE);
      assertThat(resumed.measure(snapshot)).as("checkpoint %d", c).isEqualTo(measured.get(c));
    }
    assertThat(resumed.saveState()).isEqualTo(straight.saveState());
    assertThat(scalars(measured.get(2))).containsKey("control_accuracy");
  }

  @Test
  void controlTaskRunsAtTheEndsAndEveryControlEveryThCheckpointOfAKnownSchedule() {
    SplittableRandom r = new SplittableRandom(21);
    int n = 60;
    int[] labels = new int[n];
    long[] ids = new long[n];
    double[][] rows = new double[n][4];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      ids[i] = i;
      for (int j = 0; j < 4; j++) {
        rows[i][j] = (j % 3 == labels[i] ? 1 : 0) + r.nextGaussian();
      }
    }
    List<String> classes = List.of("a", "b", "c");
    var provider = new LinearProbeProvider();
    LinearProbeParameters d = provider.defaultParameters();
    LinearProbeParameters every3 = new LinearProbeParameters(d.layers(), d.folds(), d.c(), d.maxIterations(), d.tolerance(),
        0, d.onsetFraction(), d.onsetSigmas(), true, 3);
    List<Long> schedule = List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    var probe = provider.create(every3, new ProbeContext("linear-probe", classes, List.of(), 5, null, schedule));
    java.util.List<Integer> controlled = new java.util.ArrayList<>();
    Map<Integer, Double> probeAccuracy = new java.util.HashMap<>();
    for (int c = 0; c < schedule.size(); c++) {
      var snapshot = Snapshots.of(classes, labels, ids, new org.dsdl.api.run.Checkpoint(c, c, c, c), Map.of("fc1", rows), LayerKind.DENSE);
      Map<String, Double> s = scalars(probe.measure(snapshot));
      probeAccuracy.put(c, s.get("probe_accuracy"));
      if (s.containsKey("control_accuracy")) {
        controlled.add(c);
        assertThat(s.get("selectivity")).isCloseTo(s.get("probe_accuracy") - s.get("control_accuracy"), within(1e-12));
      }
    }
    // 0 and 7 are the ends, 3 and 6 multiples of 3
    assertThat(controlled).containsExactly(0, 3, 6, 7);
    // the probe's own fits do not depend on whether the control ran
    assertThat(probeAccuracy.values()).allSatisfy(a -> assertThat(a).isEqualTo(probeAccuracy.get(0)));
    assertThatThrownBy(() -> new LinearProbeParameters(d.layers(), d.folds(), d.c(), d.maxIterations(), d.tolerance(),
        0, d.onsetFraction(), d.onsetSigmas(), true, 0)).hasMessageContaining("controlEvery must be >= 1, got 0");
  }

  private static int[] counts(int[] labels) {
    int[] out = new int[4];
    for (int y : labels) {
      out[y]++;
    }
    return out;
  }

  private static int[] shuffled(int n, long seed) {
    List<Integer> order = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new java.util.Random(seed));
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Map<String, Double> scalars(List<org.dsdl.api.measure.Measurement> measurements) {
    return measurements.stream().collect(Collectors.toMap(m -> m.key().metric(), m -> ((ScalarMeasurement) m).value()));
  }

  private static Map<String, Double> measure(int[] labels, double[][] rows) {
    var provider = new LinearProbeProvider();
    var probe = provider.create(provider.defaultParameters(), new ProbeContext("linear-probe", List.of("a", "b", "c"), List.of(), 1));
    return probe.measure(Snapshots.of(List.of("a", "b", "c"), labels, Map.of("fc1", rows), LayerKind.DENSE)).stream()
        .collect(Collectors.toMap(m -> m.key().metric(), m -> ((ScalarMeasurement) m).value()));
  }
}
