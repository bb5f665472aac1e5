package org.dsdl.probes.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dsdl.api.measure.MatrixMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.measure.VectorMeasurement;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class AccuracyProbeTest {
  private static final List<String> CLASSES = List.of("a", "b", "c");

  @Test
  void measuresAgainstHandComputedValues() {
    // held-out: labels 0 0 1 1 2, predicted 0 1 1 1 0 -> 3 of 5 correct
    Evaluation test = new Evaluation("test", 0.75, new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 1, 1, 0});
    Evaluation train = new Evaluation("train", 0.5, new int[] {0, 1, 2, 2}, new int[] {0, 1, 2, 1});
    Snapshot s = new Snapshot(new Checkpoint(2, 4, 0.1, 64), CLASSES, new int[0], new long[0], new FloatMatrix(0, 3, new float[0]),
        Map.of(), Map.of("test", test, "train", train));
    var probe = new AccuracyProbeProvider().create(new AccuracyProbeProvider().defaultParameters(),
        new ProbeContext("accuracy", CLASSES, List.of(), 0));
    Map<String, Measurement> byMetric = probe.measure(s).stream().collect(Collectors.toMap(m -> m.key().metric(), Function.identity()));

    assertThat(((ScalarMeasurement) byMetric.get("test_accuracy")).value()).isCloseTo(0.6, within(1e-12));
    assertThat(((ScalarMeasurement) byMetric.get("test_loss")).value()).isEqualTo(0.75);
    assertThat(((ScalarMeasurement) byMetric.get("train_accuracy")).value()).isCloseTo(0.75, within(1e-12));
    assertThat(((ScalarMeasurement) byMetric.get("train_loss")).value()).isEqualTo(0.5);
    MatrixMeasurement confusion = (MatrixMeasurement) byMetric.get("confusion");
    assertThat(confusion.values()).isDeepEqualTo(new double[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 0}});
    assertThat(confusion.rowLabels()).isEqualTo(CLASSES);
    VectorMeasurement recall = (VectorMeasurement) byMetric.get("test_recall");
    assertThat(recall.values()).containsExactly(0.5, 1.0, 0.0);
    assertThat(recall.labels()).isEqualTo(CLASSES);
    assertThat(byMetric.values()).allSatisfy(m -> {
      assertThat(m.key().probe()).isEqualTo("accuracy");
      assertThat(m.key().checkpoint().step()).isEqualTo(4);
      assertThat(m.key().layer()).isNull();
    });
  }

  @Test
  void aClassWithoutExemplarsHasZeroRecallNotNaN() {
    assertThat(AccuracyProbe.recall(new double[][] {{2, 0}, {0, 0}})).containsExactly(1.0, 0.0);
  }

  @Test
  void identityOnsetIsWhereEachClassRecallStaysAboveThreshold() {
    var probe = new AccuracyProbeProvider().create(new AccuracyProbeProvider().defaultParameters(),
        new ProbeContext("accuracy", CLASSES, List.of(), 0));
    int[] labels = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
    // predictions per checkpoint (step): class a right from step 4 on, b only at step 4, c from step 9 on
    int[][] predicted = {
        {1, 0, 0, 1, 0, 0, 1, 0, 0, 1},
        {0, 1, 0, 0, 1, 0, 0, 1, 0, 0},
        {0, 0, 2, 0, 0, 2, 0, 0, 2, 0}};
    long[] steps = {0, 4, 9};
    for (int k = 0; k < 3; k++) {
      Snapshot s = new Snapshot(new Checkpoint(k, steps[k], k, steps[k] * 16), CLASSES, new int[0], new long[0],
          new FloatMatrix(0, 3, new float[0]), Map.of(), Map.of("test", new Evaluation("test", 1, labels, predicted[k])));
      probe.measure(s);
    }
    var resumed = new AccuracyProbeProvider().create(new AccuracyProbeProvider().defaultParameters(),
        new ProbeContext("accuracy", CLASSES, List.of(), 0));
    resumed.restoreState(probe.saveState());
    for (var p : List.of(probe, resumed)) {
      List<Measurement> events = p.finish();
      assertThat(events).hasSize(1);
      VectorMeasurement onset = (VectorMeasurement) events.get(0);
      assertThat(onset.key().metric()).isEqualTo("identity_onset_step");
      assertThat(onset.labels()).isEqualTo(CLASSES);
      assertThat(onset.values()).containsExactly(4.0, Double.NaN, 9.0);
      assertThat(onset.key().checkpoint().index()).isEqualTo(2);
    }
  }
}
