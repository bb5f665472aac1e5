package org.dsdl.app.rundir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsdl.api.run.RunStatus;
import org.junit.jupiter.api.Test;

/** The progress record a resume restores: made by steps and checkpoints, written as trainer.json, read back whole. */
class RunProgressTest {
  private static final RunHeader HEADER = new RunHeader("t", 1, Map.of(), Map.of(), null, null, null);

  private static RunProgress measuredTwice() {
    return RunProgress.START.afterStep(16, 2_000, 5_000)
        .measured(new Manifest.CheckpointEntry(0, 0, 0, 0, 0.5), List.of(), Map.of("cka", 0.25, "rsa", 0.5))
        .afterStep(16, 3_000, 6_000)
        .measured(new Manifest.CheckpointEntry(1, 2, 0.1, 32, 0.75), List.of(new Manifest.ProbeFailure("rsa", 1, "boom")), Map.of("cka", 0.125))
        .plusCheckpointSeconds(0.375);
  }

  @Test
  void stepsAndCheckpointsMakeNewRecordsAndLeaveTheOldOnesAlone() {
    RunProgress start = RunProgress.START;
    RunProgress p = measuredTwice();
    assertThat(start).isEqualTo(new RunProgress(0, 0, 0, 0, 0, 0, Map.of(), 0, List.of(), List.of()));
    assertThat(p.step()).isEqualTo(2);
    assertThat(p.nextCheckpoint()).isEqualTo(2);
    assertThat(p.samplesSeen()).isEqualTo(32);
    assertThat(p.sessionSeconds()).isEqualTo(5e-6, org.assertj.core.api.Assertions.within(1e-18));
    assertThat(p.trainingSeconds()).isEqualTo(11e-6, org.assertj.core.api.Assertions.within(1e-18));
    assertThat(p.probeSeconds()).isEqualTo(Map.of("cka", 0.375, "rsa", 0.5));
    assertThat(p.checkpointSeconds()).isEqualTo(0.375);
    assertThat(p.samplesPerSecond()).isEqualTo(32 / p.trainingSeconds());
    assertThat(p.failures()).extracting(Manifest.ProbeFailure::probe).containsExactly("rsa");
    assertThat(p.withFailures(List.of())).isSameAs(p);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.checkpoints().add(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aSavedProgressIsRestoredWholeFromTrainerJsonAndTheManifest() throws Exception {
    RunProgress saved = measuredTwice();
    // the run went on after the save: a later checkpoint, its failure and an end-of-run failure are in run.json
    RunProgress later = saved.afterStep(16, 1, 1)
        .measured(new Manifest.CheckpointEntry(2, 3, 0.2, 48, 1.5), List.of(new Manifest.ProbeFailure("cka", 2, "late")), Map.of())
        .withFailures(List.of(new Manifest.ProbeFailure("cka", -1, "finish")));
    Manifest manifest = Json.PRETTY.readValue(Json.PRETTY.writeValueAsString(HEADER.manifest(RunStatus.RUNNING, later, 9, 0, null, null)),
        Manifest.class);

    TrainerState written = saved.toTrainerState("abc", 7.5, 42);
    String json = Json.PRETTY.writeValueAsString(written.sealed());
    TrainerState read = Json.PRETTY.readValue(json, TrainerState.class);
    RunProgress restored = RunProgress.restore(read, manifest);

    assertThat(restored).isEqualTo(new RunProgress(saved.step(), saved.nextCheckpoint(), saved.samplesSeen(), saved.trainingSeconds(),
        saved.sessionSeconds(), saved.checkpointSeconds(), saved.probeSeconds(), 7.5, saved.checkpoints(), saved.failures()));
    assertThat(read.configSha256()).isEqualTo("abc");
    assertThat(read.metricsLines()).isEqualTo(42);
    assertThat(read.seal()).isEqualTo(read.expectedSeal());
  }

  @Test
  void trainerJsonKeepsFormatTwosFields() throws Exception {
    JsonNode tree = Json.PRETTY.readTree(Json.PRETTY.writeValueAsString(measuredTwice().toTrainerState("abc", 1, 2).sealed()));
    List<String> fields = new ArrayList<>();
    tree.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("format", "step", "nextCheckpoint", "samplesSeen", "configSha256", "engineState", "engineStateSha256",
        "trainingSeconds", "sessionSeconds", "checkpointSeconds", "probeSeconds", "elapsedSeconds", "probeState", "probeStateSha256",
        "metricsLines", "workFiles", "seal");
    assertThat(tree.get("format").asInt()).isEqualTo(2);
  }
}
