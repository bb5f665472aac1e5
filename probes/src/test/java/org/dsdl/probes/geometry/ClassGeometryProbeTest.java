package org.dsdl.probes.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.probes.stats.Snapshots;
import org.junit.jupiter.api.Test;

class ClassGeometryProbeTest {
  private static Map<String, Double> measure(List<String> classes, int[] labels, double[][] rows) {
    var provider = new ClassGeometryProbeProvider();
    var probe = provider.create(provider.defaultParameters(), new ProbeContext("class-geometry", classes, List.of(), 0));
    return probe.measure(Snapshots.of(classes, labels, Map.of("fc1", rows), LayerKind.DENSE)).stream()
        .collect(Collectors.toMap(m -> m.key().metric(), m -> ((ScalarMeasurement) m).value()));
  }

  @Test
  void matchesAHandComputedOneDimensionalCase() {
    // class a: 0, 2 (mean 1); class b: 4, 6 (mean 5); global mean 3
    // Sigma_W = (1+1+1+1)/4 = 1; Sigma_B = ((1-3)^2 + (5-3)^2)/2 = 4; NC1 = (1/2) * 1 * (1/4) = 0.125
    // CDNV = (1 + 1) / (2 * 16) = 0.0625
    // silhouette: 0 -> a 2, b 5 -> 0.6; 2 -> a 2, b 3 -> 1/3; 4 -> 1/3; 6 -> 0.6; mean 0.46667
    Map<String, Double> m = measure(List.of("a", "b"), new int[] {0, 0, 1, 1}, new double[][] {{0}, {2}, {4}, {6}});
    assertThat(m.get("nc1")).isCloseTo(0.125, within(1e-12));
    assertThat(m.get("cdnv")).isCloseTo(0.0625, within(1e-12));
    assertThat(m.get("silhouette")).isCloseTo((0.6 + 1.0 / 3 + 1.0 / 3 + 0.6) / 4, within(1e-12));
    assertThat(m.get("silhouette_ci_low")).isBetween(1.0 / 3, m.get("silhouette"));
    assertThat(m.get("silhouette_ci_high")).isBetween(m.get("silhouette"), 0.6);
  }

  @Test
  void nc1UsesThePseudoInverseInTheSpanOfTheClassMeans() {
    // 2-D, class means on the x axis; within-class spread only along y, which Sigma_B^+ ignores
    // a: (0,-1), (0,1) mean (0,0); b: (4,-1), (4,1) mean (4,0); global (2,0)
    // Sigma_B = diag(4, 0) -> pinv diag(1/4, 0); Sigma_W = diag(0, 1) -> tr(Sigma_W Sigma_B^+) = 0
    Map<String, Double> m = measure(List.of("a", "b"), new int[] {0, 0, 1, 1}, new double[][] {{0, -1}, {0, 1}, {4, -1}, {4, 1}});
    assertThat(m.get("nc1")).isCloseTo(0, within(1e-12));
    // CDNV: variances 1 and 1, distance^2 16 -> 2 / 32
    assertThat(m.get("cdnv")).isCloseTo(0.0625, within(1e-12));
  }

  @Test
  void separatedClassesCollapseAndRandomLabelsDoNot() {
    SplittableRandom r = new SplittableRandom(8);
    int n = 90;
    int[] labels = new int[n];
    double[][] separated = new double[n][6];
    double[][] noise = new double[n][6];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 6; j++) {
        separated[i][j] = (j / 2 == labels[i] ? 10 : 0) + 0.01 * r.nextGaussian();
        noise[i][j] = r.nextGaussian();
      }
    }
    Map<String, Double> s = measure(List.of("a", "b", "c"), labels, separated);
    assertThat(s.get("silhouette")).isGreaterThan(0.99);
    assertThat(s.get("nc1")).isLessThan(1e-5);
    assertThat(s.get("cdnv")).isLessThan(1e-5);
    Map<String, Double> u = measure(List.of("a", "b", "c"), labels, noise);
    assertThat(Math.abs(u.get("silhouette"))).isLessThan(0.1);
    assertThat(u.get("nc1")).isGreaterThan(1);
  }
}
