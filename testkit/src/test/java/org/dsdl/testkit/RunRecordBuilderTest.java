package org.dsdl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.run.RunStatus;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.api.viz.Visualizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordBuilderTest {
  @TempDir
  Path dir;

  /** A visualizer as a plugin author writes one: the last value of every scalar series, one line each. */
  static final Visualizer LAST_VALUES = run -> {
    Path out = run.directory().resolve("last.txt");
    java.util.Map<String, Double> last = new java.util.LinkedHashMap<>();
    for (Measurement m : run.measurements()) {
      if (m instanceof ScalarMeasurement s) {
        last.put(s.key().probe() + "/" + s.key().metric() + (s.key().layer() == null ? "" : "/" + s.key().layer()), s.value());
      }
    }
    StringBuilder text = new StringBuilder(run.info().name() + " " + run.info().checkpoints().size() + " checkpoints\n");
    last.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
    OutputFiles.writeAtomically(out, o -> o.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return List.of(out);
  };

  @Test
  void buildsARunAVisualizerCanRender() throws Exception {
    RunRecordBuilder b = RunRecordBuilder.in(dir.resolve("run")).name("demo").seed(7).classes("T", "L")
        .layer("conv", LayerKind.CONV, List.of(8, 8, 4), 40)
        .layer("fc1", LayerKind.DENSE, List.of(3), 15)
        .checkpointsAt(0, 10, 100);
    b.scalar("accuracy", "test_accuracy", null, 0.5, 0.7, 0.9);
    b.add(new Measurements("mine", b.checkpoint(2)).vector("onset_step", null, List.of("T", "L"), new double[] {10, Double.NaN}).list());
    RunRecord run = b.build();

    assertThat(run.directory()).isDirectory();
    assertThat(run.info().name()).isEqualTo("demo");
    assertThat(run.info().seed()).isEqualTo(7);
    assertThat(run.info().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.info().classNames()).containsExactly("T", "L");
    assertThat(run.info().parameterCount()).isEqualTo(55);
    assertThat(run.info().checkpoints()).extracting(Checkpoint::step).containsExactly(0L, 10L, 100L);
    assertThat(run.measurements()).hasSize(4);

    List<Path> files = LAST_VALUES.render(run);
    assertThat(files).containsExactly(dir.resolve("run/last.txt"));
    assertThat(Files.readString(files.get(0))).isEqualTo("demo 3 checkpoints\naccuracy/test_accuracy 0.9\n");
  }

  @Test
  void takesWhatAProbeMeasuredWithItsSnapshotsCheckpoints() {
    List<Snapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      snapshots.add(SnapshotBuilder.classes("a").labels(0, 0).layer("fc1", LayerKind.DENSE, new double[][] {{i}, {i + 1}}).at(i, 10L * i).build());
    }
    Snapshot[] s = snapshots.toArray(Snapshot[]::new);
    // a probe that records the first activation, and at the end the step where it first exceeded 1 (NaN: never)
    Probe probe = new Probe() {
      final List<Checkpoint> seen = new ArrayList<>();
      final List<Double> values = new ArrayList<>();

      @Override
      public List<Measurement> measure(Snapshot snapshot) {
        seen.add(snapshot.checkpoint());
        values.add((double) snapshot.layer("fc1").activations().get(0, 0));
        return new Measurements("first", snapshot.checkpoint()).scalar("value", "fc1", values.get(values.size() - 1)).list();
      }

      @Override
      public List<Measurement> finish() {
        int at = values.indexOf(values.stream().filter(v -> v > 1).findFirst().orElse(Double.NaN));
        Checkpoint last = seen.get(seen.size() - 1);
        return new Measurements("first", at < 0 ? last : seen.get(at)).scalar("exceeds_step", "fc1", at < 0 ? Double.NaN : seen.get(at).step()).list();
      }
    };
    RunRecord run = RunRecordBuilder.in(dir).checkpointsOf(s).layers(List.of()).add(ProbeRunner.run(probe, s)).build();
    assertThat(run.measurements()).hasSize(4);
    ScalarMeasurement event = (ScalarMeasurement) run.measurements().get(3);
    assertThat(event.key().metric()).isEqualTo("exceeds_step");
    assertThat(event.value()).isEqualTo(20);
    assertThat(event.key().checkpoint()).isEqualTo(s[2].checkpoint());
  }

  @Test
  void refusesAMeasurementAtACheckpointTheRunDoesNotHave() {
    RunRecordBuilder b = RunRecordBuilder.in(dir).checkpointsAt(0, 10);
    b.add(new Measurements("mine", new Checkpoint(5, 50, 0, 0)).scalar("x", null, 1).list());
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mine/x is at Checkpoint[index=5, step=50").hasMessageContaining("not one of the run's checkpoints");
    assertThatThrownBy(() -> RunRecordBuilder.in(dir).checkpointsAt(0).scalar("p", "m", null, 1, 2))
        .hasMessageContaining("p/m: 2 values for 1 checkpoints");
    assertThatThrownBy(() -> RunRecordBuilder.in(dir).checkpoint(new Checkpoint(1, 0, 0, 0)))
        .hasMessageContaining("checkpoint index 1 given where 0 is next");
  }

  @Test
  void recordsDeclaredMetricsAndTheOtherFactsGiven() {
    org.dsdl.api.probe.MetricSpec onset = org.dsdl.api.probe.MetricSpec.event("onset", org.dsdl.api.measure.MeasurementKind.VECTOR, "first step");
    RunRecord run = RunRecordBuilder.in(dir).checkpointsAt(0, 10).declare("mine", onset).wallSeconds(1, 3.5)
        .contactSheet(dir.resolve("sheet.png")).error("boom").build();
    assertThat(run.info().metrics().recorded()).isTrue();
    assertThat(run.info().metrics().role("mine", "onset")).isEqualTo(org.dsdl.api.probe.MetricRole.EVENT);
    assertThat(run.info().metrics().role("mine", "other_step")).isEqualTo(org.dsdl.api.probe.MetricRole.SERIES);
    assertThat(run.info().wallSeconds(run.info().checkpoints().get(1))).hasValue(3.5);
    assertThat(run.info().contactSheet()).contains(dir.resolve("sheet.png"));
    assertThat(run.info().error()).contains("boom");
    assertThat(run.info().dataset()).isEmpty();

    RunRecord old = RunRecordBuilder.in(dir).checkpointsAt(0).recordedBeforeDeclarations().build();
    assertThat(old.info().metrics().role("mine", "other_step")).isEqualTo(org.dsdl.api.probe.MetricRole.EVENT);
    assertThatThrownBy(() -> RunRecordBuilder.in(dir).checkpointsAt(0).recordedBeforeDeclarations().declare("mine", onset).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("recorded before declarations");
  }
}
