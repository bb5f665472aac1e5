package org.dsdl.app.rundir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.Versions;
import org.dsdl.app.fakes.FakeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run journal: manifest from header and progress, metrics appended, state saved and read back for a resume. */
class RunJournalTest {
  @TempDir
  Path dir;

  private static RunHeader header() {
    ObjectNode config = JsonNodeFactory.instance.objectNode().put("name", "journal").put("seed", 3);
    return new RunHeader("journal", 3, Map.of("init", 4L), Versions.all("fake 1"), config, null, null);
  }

  private static RunProgress oneCheckpoint() {
    return RunProgress.START.afterStep(8, 10, 20)
        .measured(new Manifest.CheckpointEntry(0, 1, 0.5, 8, 0.25), List.of(new Manifest.ProbeFailure("p", 0, "boom")), Map.of("p", 0.5));
  }

  @Test
  void aNewJournalWritesTheFirstManifestThenEachRecordAndAppendsMeasurements() throws Exception {
    Path run = dir.resolve("run");
    try (RunJournal journal = RunJournal.create(run, false, header())) {
      Manifest first = RunRecordReader.manifest(run);
      assertThat(first.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(first.checkpoints()).isEmpty();
      assertThat(first.versions()).containsEntry("engine", "fake 1");

      journal.append(new Measurements("p", new Checkpoint(0, 1, 0.5, 8)).scalar("m", null, 1.5).scalar("n", "fc", 2).list());
      Manifest recorded = journal.record(RunStatus.RUNNING, oneCheckpoint(), null);
      assertThat(RunRecordReader.manifest(run)).isEqualTo(recorded);
      assertThat(recorded.checkpoints()).extracting(Manifest.CheckpointEntry::step).containsExactly(1L);
      assertThat(recorded.probeFailures()).extracting(Manifest.ProbeFailure::error).containsExactly("boom");
      assertThat(recorded.timings().probes()).containsEntry("p", 0.5);
      assertThat(recorded.timings().total()).isGreaterThan(0);
      assertThat(recorded.outputs()).isNull();

      Manifest last = journal.record(RunStatus.COMPLETED, oneCheckpoint(), null, 1.25, List.of("report.html"));
      assertThat(last.outputs()).containsExactly("report.html");
      assertThat(last.timings().visualizers()).isEqualTo(1.25);
    }
    assertThat(Files.readAllLines(run.resolve(RunDirectory.METRICS))).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"probe\":\"p\""));
  }

  @Test
  void savedStateIsReadBackAsTheSameProgressAndAReopenKeepsTheMetricsItCounted() throws Exception {
    Path run = dir.resolve("run");
    RunProgress progress = oneCheckpoint();
    FakeModel model = new FakeModel(List.of(new LayerInfo("fc", LayerKind.DENSE, List.of(2), 4)), 2);
    model.trainStep(new float[4], new int[] {1}, 1, 0.1);
    try (RunJournal journal = RunJournal.create(run, false, header())) {
      journal.append(new Measurements("p", new Checkpoint(0, 1, 0.5, 8)).scalar("m", null, 1).list());
      journal.record(RunStatus.RUNNING, progress, null);
      journal.saveState(model, progress, Map.of("p", new byte[] {7}));
      journal.append(new Measurements("p", new Checkpoint(1, 2, 1, 16)).scalar("m", null, 2).list()); // after the save
    }
    Manifest manifest = RunRecordReader.manifest(run);
    TrainerState saved = StateStore.load(run, RunJournal.configSha256(manifest.config()));
    assertThat(saved.metricsLines()).isEqualTo(1);
    RunProgress restored = RunProgress.restore(saved, manifest);
    assertThat(restored.checkpoints()).isEqualTo(progress.checkpoints());
    assertThat(restored.failures()).isEqualTo(progress.failures());
    assertThat(restored.probeSeconds()).isEqualTo(progress.probeSeconds());
    assertThat(restored.step()).isEqualTo(progress.step());
    assertThat(restored.earlierSeconds()).as("this session's time so far").isGreaterThan(0);
    assertThat(StateStore.probeStatesOf(run, saved)).containsOnlyKeys("p");

    FakeModel fresh = new FakeModel(List.of(), 2);
    fresh.restoreState(StateStore.engineStateOf(run, saved));
    assertThat(fresh.taken()).isEqualTo(1);

    try (RunJournal reopened = RunJournal.reopen(run, RunDirectory.lock(run), header(), saved.metricsLines())) {
      assertThat(Files.readAllLines(run.resolve(RunDirectory.METRICS))).hasSize(1);
      assertThat(reopened.elapsed(restored)).isGreaterThanOrEqualTo(restored.earlierSeconds());
    }
  }
}
