package org.dsdl.probes.nulls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.probes.geometry.ClassGeometryProbeProvider;
import org.dsdl.probes.rsa.RsaProbeProvider;
import org.dsdl.probes.selectivity.SelectivityProbeProvider;
import org.dsdl.probes.stats.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The permutation nulls of τ_A category fit, silhouette and mean unit selectivity, through their probes. */
class PermutationNullsTest {
  private static final List<String> ABC = List.of("a", "b", "c");

  private static ProbeProvider<?> provider(String name) {
    return switch (name) {
      case "rsa" -> new RsaProbeProvider();
      case "class-geometry" -> new ClassGeometryProbeProvider();
      case "selectivity" -> new SelectivityProbeProvider();
      default -> throw new IllegalArgumentException(name);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Double> measure(String probe, List<Long> schedule, Checkpoint cp, int[] labels, double[][] rows) {
    ProbeProvider provider = provider(probe);
    var p = provider.create(provider.defaultParameters(), new ProbeContext(probe, ABC, List.of(), 5, null, schedule));
    Map<String, Double> out = new LinkedHashMap<>();
    for (Measurement m : p.measure(Snapshots.of(ABC, labels, new long[labels.length], cp, Map.of("fc1", rows), LayerKind.DENSE))) {
      if (m instanceof ScalarMeasurement s) {
        out.put(s.key().metric(), s.value());
      }
    }
    return out;
  }

  /** 60 exemplars of 3 classes; class c owns units 4c..4c+3 when separated, plain noise otherwise (non-negative, as after a ReLU). */
  private static double[][] data(int[] labels, boolean separated, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] rows = new double[labels.length][12];
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < 12; j++) {
        rows[i][j] = (separated && j / 4 == labels[i] ? 5 : 0) + r.nextDouble();
      }
    }
    return rows;
  }

  private static int[] labels() {
    int[] labels = new int[60];
    for (int i = 0; i < 60; i++) {
      labels[i] = i % 3;
    }
    return labels;
  }

  @ParameterizedTest
  @CsvSource({"rsa, category_fit", "class-geometry, silhouette", "selectivity, mean_selectivity"})
  void separatedClassesGetTheSmallestPossibleP(String probe, String metric) {
    Map<String, Double> m = measure(probe, List.of(), new Checkpoint(3, 30, 1, 480), labels(), data(labels(), true, 1));
    // the default 100 permutations: the smallest p is 1 / 101, reached when no shuffle scores as high
    assertThat(m.get(metric + "_p")).isEqualTo(1 / 101.0);
    assertThat(m.get(metric)).isGreaterThan(m.get(metric + "_null_mean") + 5 * m.get(metric + "_null_sd"));
  }

  /** Under the null, p < 0.05 is rare: over 40 noise data sets at most 7 (binomial(40, 0.05): P(≥ 8) < 0.001). */
  @ParameterizedTest
  @CsvSource({"rsa, category_fit", "class-geometry, silhouette", "selectivity, mean_selectivity"})
  void noiseRarelyPassesAtFivePercent(String probe, String metric) {
    int small = 0;
    double sumP = 0;
    for (int s = 0; s < 40; s++) {
      double p = measure(probe, List.of(), new Checkpoint(0, 0, 0, 0), labels(), data(labels(), false, 100 + s)).get(metric + "_p");
      small += p < 0.05 ? 1 : 0;
      sumP += p;
    }
    assertThat(small).isLessThanOrEqualTo(7);
    // uniform p-values have mean ≈ 0.5 (SD of a mean of 40: ≈ 0.046)
    assertThat(sumP / 40).isBetween(0.3, 0.7);
  }

  @Test
  void withAKnownScheduleOnlyTheFirstAndLastCheckpointsGetANull() {
    List<Long> schedule = List.of(0L, 10L, 20L);
    int[] labels = labels();
    double[][] rows = data(labels, true, 2);
    assertThat(measure("rsa", schedule, new Checkpoint(0, 0, 0, 0), labels, rows)).containsKeys("category_fit_p", "category_fit_null_sd");
    assertThat(measure("rsa", schedule, new Checkpoint(1, 10, 0.5, 160), labels, rows)).containsKey("category_fit")
        .doesNotContainKeys("category_fit_p", "category_fit_null_mean", "category_fit_null_sd");
    assertThat(measure("rsa", schedule, new Checkpoint(2, 20, 1, 320), labels, rows)).containsKey("category_fit_p");
  }

  @Test
  void sameSeedSameNull() {
    int[] labels = labels();
    double[][] rows = data(labels, false, 3);
    Checkpoint cp = new Checkpoint(0, 0, 0, 0);
    assertThat(measure("class-geometry", List.of(), cp, labels, rows)).isEqualTo(measure("class-geometry", List.of(), cp, labels, rows));
  }
}
