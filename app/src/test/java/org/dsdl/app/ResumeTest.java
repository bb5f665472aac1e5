package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop-and-resume equals a straight run, and equal seeds give equal runs, with the real engine;
 * measurements made after the saved state are not duplicated and bad state is refused without
 * touching the run, on a fake engine (neither needs TensorFlow).
 */
class ResumeTest {
  private static final List<String> TINY = List.of(
      "name=tiny", "seed=11",
      "dataset={type: tokens, trainPerClass: 60, testPerClass: 20, minPerClass: 60}",
      "training.epochs=3", "probeSet.perClass=20",
      "probes=[accuracy, spy, linear-probe, cka, filter-coupling, coupling-graph, weight-coupling]");
  @TempDir
  Path dir;
  private PipelineRunner runner;
  private PipelineRunner onFakeEngine;
  private ExperimentPlan plan;
  /** TINY for the fake engine, whose models have no weights to couple through: probes that need none, one with work files. */
  private ExperimentPlan fakePlan;

  @BeforeEach
  void setUp() {
    Injector injector = Guice.createInjector(new DsdlModule());
    runner = injector.getInstance(PipelineRunner.class);
    plan = injector.getInstance(ExperimentResolver.class).resolve(injector.getInstance(ConfigLoader.class).load(null, TINY));
    List<String> fake = new ArrayList<>(TINY);
    fake.set(TINY.size() - 1, "probes=[accuracy, spy, cka]");
    fakePlan = injector.getInstance(ExperimentResolver.class).resolve(injector.getInstance(ConfigLoader.class).load(null, fake));
    onFakeEngine = Guice.createInjector(Modules.override(new DsdlModule())
        .with(b -> b.bind(EngineFactory.class).toInstance(new FakeEngine()))).getInstance(PipelineRunner.class);
  }

  private static RunOutcome interruptedAt(PipelineRunner by, ExperimentPlan p, Path out, long step) {
    StopSignal stop = new StopSignal();
    RunOutcome o = by.run(p, out, false, org.dsdl.app.fakes.StopAt.step(step, stop), stop);
    assertThat(o.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
    return o;
  }

  static List<String> sortedLines(Path f) throws Exception {
    try (Stream<String> lines = Files.lines(f)) {
      return lines.sorted().toList();
    }
  }

  static Map<String, byte[]> contents(Path root) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  @Test
  void stopAndResumeGivesTheStraightRunsCheckpointsAndMetrics() throws Exception {
    RunOutcome straight = runner.run(plan, dir.resolve("straight"), false, Progress.silent(), new StopSignal());
    assertThat(straight.exitCode()).isZero();

    RunOutcome cut = interruptedAt(runner, plan, dir.resolve("cut"), 30);
    assertThat(cut.manifest().status().name()).isEqualTo("INTERRUPTED");
    assertThat(cut.manifest().error()).contains("dsdl run --resume");
    JsonNode trainer = new ObjectMapper().readTree(dir.resolve("cut/state/trainer.json").toFile());
    assertThat(trainer.get("step").asLong()).as("stopped mid-epoch, between checkpoints").isEqualTo(30);

    RunOutcome resumed = runner.resume(dir.resolve("cut"), Progress.silent(), new StopSignal());
    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.manifest().checkpoints()).extracting(c -> c.step())
        .isEqualTo(straight.manifest().checkpoints().stream().map(c -> c.step()).toList());
    // training is deterministic, so resuming (same batches in the same order) reproduces every value exactly
    assertThat(sortedLines(dir.resolve("cut/metrics.jsonl"))).isEqualTo(sortedLines(dir.resolve("straight/metrics.jsonl")));
    assertThat(Files.readAllLines(dir.resolve("cut/metrics.csv"))).isEqualTo(Files.readAllLines(dir.resolve("straight/metrics.csv")));
    assertThat(resumed.manifest().timings().training()).isGreaterThan(cut.manifest().timings().training());

    assertThatThrownBy(() -> runner.resume(dir.resolve("cut"), Progress.silent(), new StopSignal()))
        .hasMessageContaining("already completed");
  }

  @Test
  void measurementsWrittenAfterTheSavedStateAreNotDuplicated() throws Exception {
    RunOutcome straight = onFakeEngine.run(fakePlan, dir.resolve("straight"), false, Progress.silent(), new StopSignal());
    interruptedAt(onFakeEngine, fakePlan, dir.resolve("cut"), 12);
    // as if the process had been killed while measuring the next checkpoint: complete lines of a
    // later checkpoint and a line cut short
    Path metrics = dir.resolve("cut/metrics.jsonl");
    List<String> lines = Files.readAllLines(metrics);
    String later = lines.get(lines.size() - 1).replaceFirst("\"checkpoint\":\\d+", "\"checkpoint\":7");
    Files.writeString(metrics, later + "\n" + later.substring(0, 30), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    assertThat(onFakeEngine.resume(dir.resolve("cut"), Progress.silent(), new StopSignal()).exitCode()).isZero();
    assertThat(sortedLines(metrics)).isEqualTo(sortedLines(dir.resolve("straight/metrics.jsonl")));
    assertThat(straight.exitCode()).isZero();
  }

  @Test
  void corruptOrForeignStateIsRefusedAndNothingIsModified() throws Exception {
    Path cut = dir.resolve("cut");
    interruptedAt(onFakeEngine, fakePlan, cut, 20);
    Path state;
    try (Stream<Path> s = Files.list(cut.resolve("state"))) {
      state = s.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
    }
    byte[] original = Files.readAllBytes(state);
    byte[] flipped = original.clone();
    flipped[flipped.length / 2] ^= 1;
    Files.write(state, flipped);
    Map<String, byte[]> before = contents(cut);
    assertThatThrownBy(() -> onFakeEngine.resume(cut, Progress.silent(), new StopSignal()))
        .isInstanceOf(DsdlException.class).hasMessageContaining("is corrupt");
    Map<String, byte[]> after = contents(cut);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualTo(v));

    Files.write(state, original);
    try (var channel = java.nio.channels.FileChannel.open(cut.resolve(".lock"), java.nio.file.StandardOpenOption.WRITE);
        var held = channel.lock()) {
      // as if the run were still going in another process
      assertThatThrownBy(() -> onFakeEngine.resume(cut, Progress.silent(), new StopSignal()))
          .isInstanceOf(DsdlException.class).hasMessageContaining("is in use by another dsdl process");
    }
    Path trainer = cut.resolve("state/trainer.json");
    String text = Files.readString(trainer);
    Files.writeString(trainer, text.replaceFirst("\"configSha256\" : \"[0-9a-f]+\"", "\"configSha256\" : \"00\""));
    assertThatThrownBy(() -> onFakeEngine.resume(cut, Progress.silent(), new StopSignal()))
        .hasMessageContaining("was modified after dsdl wrote it");
    Files.writeString(trainer, text);
    Files.delete(state);
    assertThatThrownBy(() -> onFakeEngine.resume(cut, Progress.silent(), new StopSignal()))
        .hasMessageContaining("is missing");
    Files.delete(trainer);
    var r = CliTest.dsdl("run", "--resume", cut.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("trainer.json is missing");
    assertThat(CliTest.dsdl("run", "--resume", cut.toString(), "--set", "seed=1").err()).contains("give no CONFIG, --out, --set");
  }

  @Test
  void equalSeedsGiveIdenticalRunsAndOtherSeedsDiffer() throws Exception {
    runner.run(plan, dir.resolve("a"), false, Progress.silent(), new StopSignal());
    runner.run(plan, dir.resolve("b"), false, Progress.silent(), new StopSignal());
    assertThat(Files.readAllLines(dir.resolve("b/metrics.jsonl"))).isEqualTo(Files.readAllLines(dir.resolve("a/metrics.jsonl")));
    JsonNode a = new ObjectMapper().readTree(dir.resolve("a/run.json").toFile());
    List<String> seeded = new ArrayList<>(TINY);
    seeded.set(1, "seed=12");
    Injector injector = Guice.createInjector(new DsdlModule());
    ExperimentPlan other = injector.getInstance(ExperimentResolver.class).resolve(injector.getInstance(ConfigLoader.class).load(null, seeded));
    runner.run(other, dir.resolve("c"), false, Progress.silent(), new StopSignal());
    JsonNode c = new ObjectMapper().readTree(dir.resolve("c/run.json").toFile());
    assertThat(c.at("/dataset/contentSha256").asText()).isNotEqualTo(a.at("/dataset/contentSha256").asText());
    // (the probe set is the whole held-out split here, so its ids are the same for every seed)
    assertThat(c.at("/dataset/probeSetIdsSha256").asText()).isEqualTo(a.at("/dataset/probeSetIdsSha256").asText());
    assertThat(Files.readAllLines(dir.resolve("c/metrics.jsonl"))).isNotEqualTo(Files.readAllLines(dir.resolve("a/metrics.jsonl")));
  }
}
