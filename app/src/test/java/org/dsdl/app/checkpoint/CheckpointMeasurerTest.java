package org.dsdl.app.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.app.fakes.FakeModel;
import org.dsdl.app.fakes.Splits;
import org.dsdl.app.rundir.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measuring checkpoints of a fake model: what each probe sees, how failures and time are recorded, and the hooks. */
class CheckpointMeasurerTest {
  private static final List<LayerInfo> LAYERS = List.of(
      new LayerInfo("conv", LayerKind.CONV, List.of(2, 2, 3), 30), new LayerInfo("fc", LayerKind.DENSE, List.of(4), 16));
  @TempDir
  Path dir;
  private final List<Measurement> sink = new ArrayList<>();
  private final List<String> hooks = new ArrayList<>();
  private final FakeModel model = new FakeModel(LAYERS, 2);

  /** A probe that reports the columns of layer fc it was shown, fails where told, and keeps a state. */
  private static Probe probe(String name, int failAt, long sleepMillis) {
    return new Probe() {
      int measured;

      @Override
      public List<Measurement> measure(Snapshot s) {
        if (s.checkpoint().index() == failAt) {
          throw new IllegalStateException("boom at " + failAt);
        }
        sleep(sleepMillis);
        measured++;
        return new Measurements(name, s.checkpoint()).scalar("fc_units", "fc", s.layer("fc").activations().cols())
            .scalar("layers", null, s.layers().size()).list();
      }

      @Override
      public byte[] saveState() {
        if (failAt == -2) {
          throw new IllegalStateException("cannot save");
        }
        return new byte[] {(byte) measured};
      }

      @Override
      public List<Measurement> finish() {
        if (failAt == -1) {
          throw new IllegalStateException("cannot finish");
        }
        return new Measurements(name, new Checkpoint(-1, 0, 0, 0)).scalar("finished", null, measured).list();
      }
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CheckpointMeasurer measurer(double budget, NamedProbe... probes) {
    Visualizer recording = new Visualizer() {
      @Override
      public List<Path> render(RunRecord run) {
        return List.of();
      }

      @Override
      public void checkpoint(Snapshot snapshot, Path runDirectory, Supplier<RunRecord> runSoFar) {
        hooks.add("rec@" + snapshot.checkpoint().index() + " saw " + snapshot.evaluations().keySet());
      }
    };
    Visualizer failing = new Visualizer() {
      @Override
      public List<Path> render(RunRecord run) {
        return List.of();
      }

      @Override
      public void checkpoint(Snapshot snapshot, Path runDirectory, Supplier<RunRecord> runSoFar) throws IOException {
        throw new IOException("disk full");
      }
    };
    ProbeSetCapture capture = new ProbeSetCapture(List.of("A", "B"), Splits.of(20, 2), Splits.of(0, 2), Splits.of(6, 2),
        new CaptureRequest(List.of("fc"), false));
    return new CheckpointMeasurer(capture, List.of(probes), List.of(new NamedVisualizer("failing", failing), new NamedVisualizer("rec", recording)),
        budget, dir, sink::addAll);
  }

  @Test
  void everyProbeMeasuresTheSnapshotAFailureIsRecordedAndTheOthersGoOn() throws IOException {
    try (CheckpointMeasurer m = measurer(10, new NamedProbe("ok", probe("ok", 99, 0)), new NamedProbe("boom", probe("boom", 1, 0)),
        new NamedProbe("slow", probe("slow", 99, 60)))) {
      CheckpointMeasurer.Measured first = m.measure(model, new Checkpoint(0, 0, 0, 0));
      CheckpointMeasurer.Measured second = m.measure(model, new Checkpoint(1, 5, 0.5, 10));

      assertThat(first.failures()).isEmpty();
      assertThat(second.failures()).containsExactly(new Manifest.ProbeFailure("boom", 1, "IllegalStateException: boom at 1"));
      assertThat(sink).filteredOn(x -> x.key().metric().equals("fc_units")).extracting(x -> x.key().probe() + "@" + x.key().checkpoint().index())
          .containsExactly("ok@0", "boom@0", "slow@0", "ok@1", "slow@1");
      assertThat(sink).filteredOn(x -> x.key().metric().equals("layers")).allSatisfy(x ->
          assertThat(((org.dsdl.api.measure.ScalarMeasurement) x).value()).as("only the layer asked for is captured").isEqualTo(1));
      assertThat(second.probeSeconds()).containsOnlyKeys("ok", "boom", "slow");
      assertThat(second.probeSeconds().get("slow")).isGreaterThanOrEqualTo(0.06);
      assertThat(second.probeSeconds().get("ok")).isLessThan(second.probeSeconds().get("slow"));
      // the fake model predicts no exemplar right before training
      assertThat(first.summary()).isEqualTo("test acc 0.000");
      assertThat(hooks).as("a failing hook does not stop the others; no training-evaluation split, so only the test one")
          .containsExactly("rec@0 saw [test]", "rec@1 saw [test]");

      CheckpointMeasurer.SavedStates states = m.saveStates(1);
      assertThat(states.failures()).isEmpty();
      assertThat(states.states()).containsOnlyKeys("ok", "boom", "slow");
      assertThat(states.states().get("ok")).containsExactly(2);

      assertThat(m.finish()).isEmpty();
      assertThat(sink).filteredOn(x -> x.key().metric().equals("finished")).extracting(x -> x.key().probe()).containsExactly("ok", "boom", "slow");
    }
  }

  @Test
  void aProbePastItsBudgetFailsIsNotCalledAgainAndItsStateIsNotRead() throws IOException {
    try (CheckpointMeasurer m = measurer(0.2, new NamedProbe("ok", probe("ok", 99, 0)), new NamedProbe("stuck", probe("stuck", 99, 5_000)))) {
      CheckpointMeasurer.Measured first = m.measure(model, new Checkpoint(0, 0, 0, 0));
      assertThat(first.failures()).extracting(Manifest.ProbeFailure::error)
          .containsExactly("measuring checkpoint 0 ran past its budget of 0.2 s (checkpoints.probeBudgetSeconds)");
      assertThat(first.probeSeconds().get("stuck")).isBetween(0.2, 4.0);

      CheckpointMeasurer.Measured second = m.measure(model, new Checkpoint(1, 1, 0.1, 4));
      assertThat(second.failures()).extracting(Manifest.ProbeFailure::error)
          .containsExactly("not called: measuring checkpoint 0 ran past its budget of 0.2 s (checkpoints.probeBudgetSeconds)");
      assertThat(m.saveStates(1).states()).containsOnlyKeys("ok");
      assertThat(m.finish()).extracting(Manifest.ProbeFailure::checkpoint).containsExactly(-1);
    }
  }

  @Test
  void probesThatCannotSaveOrFinishAreRecordedAgainstTheirCheckpoint() throws IOException {
    try (CheckpointMeasurer m = measurer(10, new NamedProbe("nosave", probe("nosave", -2, 0)),
        new NamedProbe("nofinish", probe("nofinish", -1, 0)))) {
      m.measure(model, new Checkpoint(0, 0, 0, 0));
      CheckpointMeasurer.SavedStates states = m.saveStates(0);
      assertThat(states.failures()).containsExactly(new Manifest.ProbeFailure("nosave", 0, "IllegalStateException: cannot save"));
      assertThat(states.states()).containsOnlyKeys("nofinish");
      assertThat(m.finish()).containsExactly(new Manifest.ProbeFailure("nofinish", -1, "IllegalStateException: cannot finish"));
    }
  }

  @Test
  void aProbeThatCannotReadBackItsStateRefusesTheResume() {
    Probe picky = new Probe() {
      @Override
      public List<Measurement> measure(Snapshot s) {
        return List.of();
      }

      @Override
      public void restoreState(byte[] state) {
        throw new IllegalArgumentException("version 9 unknown");
      }
    };
    var probes = List.of(new NamedProbe("picky", picky));
    CheckpointMeasurer.restoreStates(probes, java.util.Map.of("picky", new byte[0]), dir); // nothing saved: not called
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckpointMeasurer.restoreStates(probes, java.util.Map.of("picky", new byte[] {9}), dir))
        .isInstanceOf(org.dsdl.app.DsdlException.class)
        .hasMessage("cannot resume " + dir + ": probe 'picky' cannot read back its saved state: version 9 unknown");
  }
}
