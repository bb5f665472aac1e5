package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.fakes.FakeEngine;
import org.dsdl.app.pipeline.EngineFactory;
import org.dsdl.app.pipeline.ExperimentPlan;
import org.dsdl.app.pipeline.ExperimentResolver;
import org.dsdl.app.pipeline.PipelineRunner;
import org.dsdl.app.training.Progress;
import org.dsdl.app.pipeline.RunOutcome;
import org.dsdl.app.training.StopSignal;
import org.dsdl.app.rundir.Json;
import org.dsdl.app.rundir.TrainerState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resume trusts nothing it has not checked: probe work files and trainer.json are verified before
 * anything is written, a run killed while finishing or rendering is completed without duplicates.
 * On a fake engine: none of this needs TensorFlow.
 */
class ResumeHardeningTest {
  private static final List<String> TINY = List.of(
      "name=tiny", "seed=5",
      "dataset={type: tokens, trainPerClass: 40, testPerClass: 10, minPerClass: 40}",
      "training.epochs=3", "model.preset=vgg-tiny",
      "probes=[accuracy, cka, linear-probe, dies-in-finish]", "visualizers=[csv, html]");
  @TempDir
  Path dir;
  private PipelineRunner runner;
  private ExperimentPlan plan;

  @BeforeEach
  void setUp() {
    Injector injector = Guice.createInjector(Modules.override(new DsdlModule())
        .with(b -> b.bind(EngineFactory.class).toInstance(new FakeEngine())));
    runner = injector.getInstance(PipelineRunner.class);
    plan = injector.getInstance(ExperimentResolver.class).resolve(injector.getInstance(ConfigLoader.class).load(null, TINY));
  }

  private RunOutcome straight(String name) {
    RunOutcome o = runner.run(plan, dir.resolve(name), false, Progress.silent(), new StopSignal());
    assertThat(o.exitCode()).isZero();
    return o;
  }

  /** A run stopped at {@code step}, its state saved. */
  private Path interruptedAt(String name, long step) {
    StopSignal stop = new StopSignal();
    Progress stopper = org.dsdl.app.fakes.StopAt.step(step, stop);
    assertThat(runner.run(plan, dir.resolve(name), false, stopper, stop).exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
    return dir.resolve(name);
  }

  private static void editManifest(Path run, UnaryOperator<ObjectNode> edit) throws Exception {
    ObjectNode m = (ObjectNode) Json.PRETTY.readTree(run.resolve("run.json").toFile());
    Json.PRETTY.writeValue(run.resolve("run.json").toFile(), edit.apply(m));
  }

  private void assertRefusedUntouched(Path run, String message) throws Exception {
    Map<String, byte[]> before = ResumeTest.contents(run);
    assertThatThrownBy(() -> runner.resume(run, Progress.silent(), new StopSignal()))
        .isInstanceOf(DsdlException.class).hasMessageContaining(message);
    Map<String, byte[]> after = ResumeTest.contents(run);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualTo(v));
  }

  @Test
  void aRunKilledWhileFinishingResumesWithoutDuplicatedEvents() throws Exception {
    straight("straight");
    Path killed = dir.resolve("killed");
    org.dsdl.app.testplugins.DiesInFinishProbeProvider.arm();
    assertThatThrownBy(() -> runner.run(plan, killed, false, Progress.silent(), new StopSignal())).isInstanceOf(InternalError.class);
    assertThat(Json.PRETTY.readTree(killed.resolve("run.json").toFile()).get("status").asText()).isEqualTo("RUNNING");
    assertThat(Files.readAllLines(killed.resolve("metrics.jsonl"))).as("the earlier probes' end-of-run events were written")
        .anyMatch(l -> l.contains("identity_onset_step") || l.contains("settling_step"));

    RunOutcome resumed = runner.resume(killed, Progress.silent(), new StopSignal());
    assertThat(resumed.exitCode()).isZero();
    assertThat(ResumeTest.sortedLines(killed.resolve("metrics.jsonl"))).isEqualTo(ResumeTest.sortedLines(dir.resolve("straight/metrics.jsonl")));
    assertThat(Files.readAllLines(killed.resolve("metrics.csv"))).isEqualTo(Files.readAllLines(dir.resolve("straight/metrics.csv")));
    assertThat(killed.resolve("state/probes")).as("work files go once the run has completed").doesNotExist();
  }

  @Test
  void aCompletedRunKilledWhileRenderingIsRenderedByResume() throws Exception {
    Path run = dir.resolve("run");
    straight("run");
    Files.delete(run.resolve("report.html"));
    editManifest(run, m -> {
      m.putNull("outputs");
      return m;
    });
    RunOutcome resumed = runner.resume(run, Progress.silent(), new StopSignal());
    assertThat(resumed.exitCode()).isZero();
    assertThat(run.resolve("report.html")).isRegularFile();
    assertThat(resumed.manifest().outputs()).contains("report.html", "metrics.csv");
    assertThatThrownBy(() -> runner.resume(run, Progress.silent(), new StopSignal())).hasMessageContaining("already completed");
  }

  @Test
  void aCorruptTruncatedOrMissingProbeWorkFileIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path cut = interruptedAt("cut", 9);
    Path work;
    try (Stream<Path> files = Files.walk(cut.resolve("state/probes/cka"))) {
      work = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
    }
    byte[] original = Files.readAllBytes(work);

    byte[] flipped = original.clone();
    for (int i = 0; i < 4; i++) {
      flipped[flipped.length / 2 + i] ^= (byte) 0x5a;
    }
    Files.write(work, flipped);
    assertRefusedUntouched(cut, "is corrupt or truncated");

    Files.write(work, java.util.Arrays.copyOf(original, original.length / 2));
    assertRefusedUntouched(cut, "is corrupt or truncated");

    Files.delete(work);
    assertRefusedUntouched(cut, "is missing");

    Files.write(work, original);
    assertThat(runner.resume(cut, Progress.silent(), new StopSignal()).exitCode()).isZero();
  }

  @Test
  void anEditedTrainerStateIsRefusedEvenWhenItsSealIsRecomputed() throws Exception {
    Path cut = interruptedAt("cut", 9);
    Path trainer = cut.resolve("state/trainer.json");
    String original = Files.readString(trainer);
    TrainerState s = Json.PRETTY.readValue(original, TrainerState.class);

    Files.writeString(trainer, original.replaceFirst("\"nextCheckpoint\" : \\d+", "\"nextCheckpoint\" : 2"));
    assertRefusedUntouched(cut, "was modified after dsdl wrote it");

    write(trainer, with(s, 2, s.step()));
    assertRefusedUntouched(cut, "step is 9, but after checkpoint 1 it must lie in 1..1");
    write(trainer, with(s, s.nextCheckpoint(), 100000));
    assertRefusedUntouched(cut, "step is 100000");
    write(trainer, with(s, s.nextCheckpoint(), -5));
    assertRefusedUntouched(cut, "step is -5");
    write(trainer, with(s, 99, s.step()));
    assertRefusedUntouched(cut, "nextCheckpoint is 99");

    Files.writeString(trainer, original);
    assertThat(runner.resume(cut, Progress.silent(), new StopSignal()).exitCode()).isZero();
  }

  private static TrainerState with(TrainerState s, int next, long step) {
    return new TrainerState(s.format(), step, next, s.samplesSeen(), s.configSha256(), s.engineState(), s.engineStateSha256(),
        s.trainingSeconds(), s.sessionSeconds(), s.checkpointSeconds(), s.probeSeconds(), s.elapsedSeconds(), s.probeState(),
        s.probeStateSha256(), s.metricsLines(), s.workFiles(), null).sealed();
  }

  private static void write(Path trainer, TrainerState s) throws Exception {
    Json.PRETTY.writeValue(trainer.toFile(), s);
  }
}
