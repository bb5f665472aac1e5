package org.dsdl.probes.rsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dsdl.api.measure.MatrixMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.probes.stats.Snapshots;
import org.junit.jupiter.api.Test;

class RsaProbeTest {
  private static final List<String> ABC = List.of("a", "b", "c");

  private static Map<String, Measurement> measure(List<String> classes, int[] labels, double[][] rows) {
    var provider = new RsaProbeProvider();
    var probe = provider.create(provider.defaultParameters(), new ProbeContext("rsa", classes, List.of(), 0));
    return probe.measure(Snapshots.of(classes, labels, Map.of("fc1", rows), LayerKind.DENSE)).stream()
        .collect(Collectors.toMap(m -> m.key().metric(), Function.identity()));
  }

  @Test
  void classRdmMatchesHandComputedCorrelations() {
    // one exemplar per class, so class means are the rows: a=(1,2,3), b=(3,1,2), c=(1,3,4) (every unit varies)
    // deviations a (-1,0,1), b (1,-1,0), c (-5/3,1/3,4/3); norms sqrt2, sqrt2, sqrt(42)/3
    // r(a,b) = -1/2; r(a,c) = 3 / (sqrt2 * sqrt42 / 3) = 9/sqrt84; r(b,c) = -2 / (sqrt84 / 3) = -6/sqrt84
    double[][] rows = {{1, 2, 3}, {3, 1, 2}, {1, 3, 4}};
    assertRdm(((MatrixMeasurement) measure(ABC, new int[] {0, 1, 2}, rows).get("class_rdm")).values());
  }

  private static void assertRdm(double[][] rdm) {
    assertThat(rdm[0][1]).isCloseTo(1.5, within(1e-12));
    assertThat(rdm[0][2]).isCloseTo(1 - 9 / Math.sqrt(84), within(1e-12));
    assertThat(rdm[1][2]).isCloseTo(1 + 6 / Math.sqrt(84), within(1e-12));
    assertThat(rdm[2][1]).isCloseTo(rdm[1][2], within(1e-15));
    assertThat(rdm[1][1]).isZero();
  }

  @Test
  void deadUnitsAreLeftOut() {
    // a fourth unit that never varies would pull every correlation towards 1; it is dead and ignored
    double[][] rows = {{1, 2, 3, 7}, {3, 1, 2, 7}, {1, 3, 4, 7}};
    assertRdm(((MatrixMeasurement) measure(ABC, new int[] {0, 1, 2}, rows).get("class_rdm")).values());
  }

  @Test
  void separatedClassesReachTheMaximumFitAndUnrelatedLabelsAreNearZero() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 60;
    int[] labels = new int[n];
    double[][] separated = new double[n][12];
    double[][] noise = new double[n][12];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 12; j++) {
        // class c owns units 4c..4c+3: a one-hot prototype plus small noise
        separated[i][j] = (j / 4 == labels[i] ? 5 : 0) + 0.01 * r.nextGaussian();
        noise[i][j] = r.nextGaussian();
      }
    }
    Map<String, Measurement> s = measure(ABC, labels, separated);
    double fit = ((ScalarMeasurement) s.get("category_fit")).value();
    double max = ((ScalarMeasurement) s.get("category_fit_max")).value();
    // 60 exemplars, 3 classes of 20: 570 within and 1200 between pairs among 1770;
    // max = 570 * 1200 / (1770 * 1769 / 2)
    assertThat(max).isCloseTo(570.0 * 1200 / (1770.0 * 1769 / 2), within(1e-12));
    assertThat(fit).isCloseTo(max, within(1e-12));
    double unrelated = ((ScalarMeasurement) measure(ABC, labels, noise).get("category_fit")).value();
    assertThat(Math.abs(unrelated)).isLessThan(0.1 * max);
  }
}
