package org.dsdl.probes.coupling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.dsdl.api.measure.MatrixMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Snapshots;
import org.junit.jupiter.api.Test;

class FilterCouplingProbeTest {
  private static Probe probe(int bootstrap) {
    var provider = new FilterCouplingProbeProvider();
    var d = provider.defaultParameters();
    return provider.create(new FilterCouplingParameters(List.of(), d.maxMatrixUnits(), bootstrap, d.onsetSigmas()),
        new ProbeContext("filter-coupling", List.of("a", "b"), List.of(), 3));
  }

  private static Map<String, Double> scalars(List<Measurement> ms) {
    return ms.stream().filter(m -> m instanceof ScalarMeasurement)
        .collect(Collectors.toMap(m -> m.key().metric(), m -> ((ScalarMeasurement) m).value()));
  }

  @Test
  void handComputedCase() {
    // units u = (0, 1, 2, 3), v = (0, 2, 4, 6) (r = 1), w = (3, 2, 1, 0) (r = -1 with both), dead = 5
    // population covariance: var u = 1.25, var v = 5, var w = 1.25; cov(u,v) = 2.5, cov(u,w) = -1.25, cov(v,w) = -2.5
    double[][] rows = {{0, 0, 3, 5}, {1, 2, 2, 5}, {2, 4, 1, 5}, {3, 6, 0, 5}};
    Snapshot s = Snapshots.of(List.of("a", "b"), new int[] {0, 1, 0, 1}, Map.of("fc", rows), LayerKind.DENSE);
    List<Measurement> ms = probe(0).measure(s);
    Map<String, Double> v = scalars(ms);
    assertThat(v.get("mean_coupling")).isCloseTo(1, within(1e-9));
    assertThat(v.get("live_units")).isEqualTo(3);
    // DeCov = (||S||_F^2 - ||diag S||^2) / 2 = off-diagonal squares / 2 = 2.5^2 + 1.25^2 + 2.5^2
    assertThat(v.get("decov")).isCloseTo(2.5 * 2.5 + 1.25 * 1.25 + 2.5 * 2.5, within(1e-9));
    // participation ratio: tr(S)^2 / ||S||_F^2 = 7.5^2 / (1.25^2 + 5^2 + 1.25^2 + 2 * 14.0625) = 1 (rank one)
    assertThat(v.get("participation_ratio")).isCloseTo(1, within(1e-9));
    MatrixMeasurement r = (MatrixMeasurement) ms.stream().filter(m -> m.key().metric().equals("correlation")).findFirst().orElseThrow();
    assertThat(r.rowLabels()).containsExactly("u0", "u1", "u2");
    double[][] expected = {{1, 1, -1}, {1, 1, -1}, {-1, -1, 1}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(r.values()[i][j]).isCloseTo(expected[i][j], within(1e-9)).isCloseTo(r.values()[j][i], within(1e-15));
      }
    }
  }

  @Test
  void isotropicDataHasParticipationRatioNearItsDimensionAndLowCoupling() {
    SplittableRandom rnd = new SplittableRandom(1);
    int n = 4000;
    int d = 10;
    double[][] rows = new double[n][d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (int j = 0; j < d; j++) {
        rows[i][j] = rnd.nextGaussian();
      }
    }
    Map<String, Double> v = scalars(probe(0).measure(Snapshots.of(List.of("a", "b"), labels, Map.of("fc", rows), LayerKind.DENSE)));
    assertThat(v.get("participation_ratio")).isCloseTo(d, within(0.3));
    assertThat(v.get("mean_coupling")).isLessThan(0.03);
  }

  @Test
  void couplingOnsetComesFromTheUntrainedBootstrap() {
    SplittableRandom rnd = new SplittableRandom(5);
    int n = 200;
    int[] labels = new int[n];
    double[][] independent = new double[n][3];
    double[][] coupled = new double[n][3];
    for (int i = 0; i < n; i++) {
      double shared = rnd.nextGaussian();
      for (int j = 0; j < 3; j++) {
        independent[i][j] = rnd.nextGaussian();
        coupled[i][j] = shared + 0.3 * rnd.nextGaussian();
      }
    }
    Probe p = probe(30);
    List<Measurement> first = p.measure(at(independent, labels, new Checkpoint(0, 0, 0, 0)));
    assertThat(scalars(first).get("mean_coupling_bootstrap_sd")).isBetween(0.005, 0.1);
    p.measure(at(independent, labels, new Checkpoint(1, 16, 0.1, 256)));
    p.measure(at(coupled, labels, new Checkpoint(2, 64, 0.4, 1024)));
    List<Measurement> events = p.finish();
    assertThat(events).hasSize(1);
    ScalarMeasurement onset = (ScalarMeasurement) events.get(0);
    assertThat(onset.key().metric()).isEqualTo("coupling_onset_step");
    assertThat(onset.value()).isEqualTo(64);
    assertThat(onset.key().checkpoint().index()).isEqualTo(2);
  }

  private static Snapshot at(double[][] rows, int[] labels, Checkpoint cp) {
    Snapshot s = Snapshots.of(List.of("a", "b"), labels, Map.of("fc", rows), LayerKind.DENSE);
    return new Snapshot(cp, s.classNames(), s.labels(), s.ids(), s.logits(), s.layers(), s.evaluations());
  }
}
