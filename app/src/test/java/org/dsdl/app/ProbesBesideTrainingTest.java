package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.fakes.FakeEngine;
import org.dsdl.app.pipeline.EngineFactory;
import org.dsdl.app.pipeline.ExperimentPlan;
import org.dsdl.app.pipeline.ExperimentResolver;
import org.dsdl.app.pipeline.PipelineRunner;
import org.dsdl.app.pipeline.RunOutcome;
import org.dsdl.app.testplugins.PacedProbeProvider;
import org.dsdl.app.training.Progress;
import org.dsdl.app.training.StopSignal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes beside training ({@code checkpoints.async: always}) against the synchronous order
 * ({@code never}): the same measurements in the same order, the same record of checkpoints and
 * failures, at most two snapshots pending, and stops and kills that lose nothing. On a fake engine,
 * except the two tests that train the real one.
 */
class ProbesBesideTrainingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** 300 exemplars in batches of 16: 19 steps an epoch; checkpoints 0..11 at steps 0 1 2 4 8 10 16 19 29 38 48 57. */
  private static final List<String> TINY = List.of(
      "name=tiny", "seed=11",
      "dataset={type: tokens, trainPerClass: 60, testPerClass: 20, minPerClass: 60}",
      "training.epochs=3", "probeSet.perClass=20", "visualizers=[csv]");
  @TempDir
  Path dir;
  private Injector injector;
  private PipelineRunner runner;
  private PipelineRunner onFakeEngine;

  @BeforeEach
  void setUp() {
    PacedProbeProvider.reset();
    injector = Guice.createInjector(new DsdlModule());
    runner = injector.getInstance(PipelineRunner.class);
    onFakeEngine = Guice.createInjector(Modules.override(new DsdlModule())
        .with(b -> b.bind(EngineFactory.class).toInstance(new FakeEngine()))).getInstance(PipelineRunner.class);
  }

  private ExperimentPlan plan(String async, String probes, String... more) {
    List<String> sets = new ArrayList<>(TINY);
    sets.add("checkpoints.async=" + async);
    sets.add("probes=" + probes);
    sets.addAll(List.of(more));
    return injector.getInstance(ExperimentResolver.class).resolve(injector.getInstance(ConfigLoader.class).load(null, sets));
  }

  /** Logs "taken K" in the paced probe's events when the snapshot of checkpoint K is taken; asks {@code stop} at step {@code stopAt}. */
  private static Progress logging(long stopAt, StopSignal stop) {
    return new Progress() {
      @Override
      public void start(long totalSteps, int checkpoints) {}

      @Override
      public void step(long step, double loss, double accuracy) {
        if (step == stopAt) {
          stop.request();
        }
      }

      @Override
      public void checkpoint(int index, String summary) {
        PacedProbeProvider.EVENTS.add("taken " + index);
      }

      @Override
      public void close() {}
    };
  }

  /** run.json's checkpoints without their wall times, and its probe failures. */
  private static List<String> record(Path run) throws IOException {
    JsonNode m = JSON.readTree(run.resolve("run.json").toFile());
    List<String> out = new ArrayList<>();
    m.get("checkpoints").forEach(c -> out.add(c.get("index") + "@" + c.get("step") + " " + c.get("epoch") + " " + c.get("samplesSeen")));
    m.get("probeFailures").forEach(f -> out.add(f.toString()));
    return out;
  }

  private static JsonNode trainer(Path run) throws IOException {
    return JSON.readTree(run.resolve("state/trainer.json").toFile());
  }

  @Test
  void besideTrainingTheMeasurementsTheirOrderAndTheRecordAreTheSynchronousOnes() throws Exception {
    String probes = "[accuracy, spy, cka, {type: failing, at: 2}, {type: paced, millis: 5}]";
    RunOutcome sync = onFakeEngine.run(plan("never", probes), dir.resolve("sync"), false, Progress.silent(), new StopSignal());
    RunOutcome async = onFakeEngine.run(plan("always", probes), dir.resolve("async"), false, Progress.silent(), new StopSignal());

    assertThat(async.exitCode()).isEqualTo(sync.exitCode()).isEqualTo(ExitCodes.PROBE_FAILED);
    assertThat(Files.readAllLines(dir.resolve("async/metrics.jsonl"))).as("same lines in the same order")
        .isEqualTo(Files.readAllLines(dir.resolve("sync/metrics.jsonl"))).hasSizeGreaterThan(12 * 5);
    assertThat(Files.readAllBytes(dir.resolve("async/metrics.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("sync/metrics.csv")));
    assertThat(record(dir.resolve("async"))).isEqualTo(record(dir.resolve("sync")))
        .contains("{\"probe\":\"failing\",\"checkpoint\":2,\"error\":\"IllegalStateException: boom at 2\"}");
    assertThat(async.manifest().checkpoints()).hasSize(12);
    JsonNode a = trainer(dir.resolve("async"));
    JsonNode s = trainer(dir.resolve("sync"));
    for (String key : List.of("step", "nextCheckpoint", "samplesSeen", "metricsLines", "workFiles")) {
      assertThat(a.get(key)).as(key).isEqualTo(s.get(key));
    }
    assertThat(async.manifest().timings().probes()).containsOnlyKeys("accuracy", "spy", "cka", "failing", "paced");
  }

  @Test
  void aProbePastItsBudgetIsRecordedAsWithoutAndNotCalledAgain() throws Exception {
    String probes = "[accuracy, {type: slow, at: 2, seconds: 2}]";
    RunOutcome sync = onFakeEngine.run(plan("never", probes, "checkpoints.probeBudgetSeconds=0.5"), dir.resolve("sync"), false,
        Progress.silent(), new StopSignal());
    RunOutcome async = onFakeEngine.run(plan("always", probes, "checkpoints.probeBudgetSeconds=0.5"), dir.resolve("async"), false,
        Progress.silent(), new StopSignal());
    assertThat(async.exitCode()).isEqualTo(sync.exitCode()).isEqualTo(ExitCodes.PROBE_FAILED);
    assertThat(record(dir.resolve("async"))).isEqualTo(record(dir.resolve("sync")))
        .anySatisfy(f -> assertThat(f).contains("measuring checkpoint 2 ran past its budget of 0.5 s"))
        .anySatisfy(f -> assertThat(f).contains("\"checkpoint\":11,\"error\":\"not called: measuring checkpoint 2"));
    assertThat(Files.readAllLines(dir.resolve("async/metrics.jsonl"))).isEqualTo(Files.readAllLines(dir.resolve("sync/metrics.jsonl")));
  }

  @Test
  void atMostTwoSnapshotsArePendingTrainingWaitsForTheProbes() throws Exception {
    RunOutcome o = onFakeEngine.run(plan("always", "[{type: paced, millis: 40}]"), dir.resolve("paced"), false,
        logging(-1, new StopSignal()), new StopSignal());
    assertThat(o.exitCode()).isZero();

    List<String> events = List.copyOf(PacedProbeProvider.EVENTS);
    int pending = 0;
    int most = 0;
    List<String> measured = new ArrayList<>();
    for (String e : events) {
      pending += e.startsWith("taken ") ? 1 : -1;
      most = Math.max(most, pending);
      if (e.startsWith("measured ")) {
        measured.add(e);
      }
    }
    assertThat(measured).as("in checkpoint order").containsExactly("measured 0", "measured 1", "measured 2", "measured 3", "measured 4",
        "measured 5", "measured 6", "measured 7", "measured 8", "measured 9", "measured 10", "measured 11");
    // the fake engine trains in no time while each checkpoint's probe takes 40 ms: training runs
    // ahead until two snapshots are pending, then waits
    assertThat(most).as(String.join(", ", events)).isEqualTo(2);
  }

  @Test
  void aRunKilledWhileProbesRunBesideTrainingResumesToTheStraightRun() throws Exception {
    ExperimentPlan held = plan("always", "[accuracy, cka, {type: paced, holdAt: 5}]");
    StopSignal never = new StopSignal();
    CompletableFuture<RunOutcome> cut = CompletableFuture.supplyAsync(
        () -> onFakeEngine.run(held, dir.resolve("cut"), false, logging(-1, never), never));
    assertThat(PacedProbeProvider.awaitHeld()).isTrue();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!PacedProbeProvider.EVENTS.contains("taken 6")) {
      assertThat(System.nanoTime()).as("the snapshot of checkpoint 6 is taken while 5 is held").isLessThan(deadline);
      Thread.sleep(5);
    }
    // what a SIGKILL now would leave: checkpoint 5 half measured, the snapshot of 6 taken, training past step 16
    Path killed = copy(dir.resolve("cut"), dir.resolve("killed"));
    PacedProbeProvider.release();
    assertThat(cut.get().exitCode()).isZero();
    assertThat(trainer(killed).get("step").asLong()).as("the state is checkpoint 4's until 5's probes are done").isEqualTo(8);
    assertThat(trainer(killed).get("nextCheckpoint").asInt()).isEqualTo(5);

    RunOutcome straight = onFakeEngine.run(held, dir.resolve("straight"), false, Progress.silent(), new StopSignal());
    RunOutcome resumed = onFakeEngine.resume(killed, Progress.silent(), new StopSignal());
    assertThat(resumed.exitCode()).isZero();
    assertThat(Files.readAllLines(killed.resolve("metrics.jsonl"))).isEqualTo(Files.readAllLines(dir.resolve("straight/metrics.jsonl")));
    assertThat(Files.readAllLines(dir.resolve("cut/metrics.jsonl"))).isEqualTo(Files.readAllLines(dir.resolve("straight/metrics.jsonl")));
    assertThat(record(killed)).isEqualTo(record(dir.resolve("straight")));
    assertThat(straight.exitCode()).isZero();
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  @Test
  void onTheRealEngineBesideTrainingGivesByteIdenticalMetrics() throws Exception {
    String probes = "[accuracy, selectivity, rsa, class-geometry, linear-probe, filter-coupling, cka, weight-coupling, coupling-graph]";
    RunOutcome sync = runner.run(plan("never", probes, "model.preset=vgg-tiny"), dir.resolve("sync"), false, Progress.silent(), new StopSignal());
    RunOutcome async = runner.run(plan("always", probes, "model.preset=vgg-tiny"), dir.resolve("async"), false, Progress.silent(),
        new StopSignal());
    assertThat(sync.exitCode()).isZero();
    assertThat(async.exitCode()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("async/metrics.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("sync/metrics.csv")));
    assertThat(Files.readAllLines(dir.resolve("async/metrics.jsonl"))).isEqualTo(Files.readAllLines(dir.resolve("sync/metrics.jsonl")));
    assertThat(Files.readAllLines(dir.resolve("sync/metrics.csv"))).hasSizeGreaterThan(12 * 9);
  }

  @Test
  void onTheRealEngineAStopBesideTrainingResumesToTheStraightRun() throws Exception {
    ExperimentPlan p = plan("always", "[accuracy, spy, linear-probe, cka, coupling-graph]", "model.preset=vgg-tiny");
    RunOutcome straight = runner.run(p, dir.resolve("straight"), false, Progress.silent(), new StopSignal());
    StopSignal stop = new StopSignal();
    RunOutcome cut = runner.run(p, dir.resolve("cut"), false, logging(30, stop), stop);
    assertThat(cut.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(trainer(dir.resolve("cut")).get("step").asLong()).as("stopped between checkpoints, after the pending ones").isEqualTo(30);
    assertThat(cut.manifest().checkpoints()).as("every checkpoint before the stop is recorded").hasSize(9);

    RunOutcome resumed = runner.resume(dir.resolve("cut"), Progress.silent(), new StopSignal());
    assertThat(resumed.exitCode()).isZero();
    assertThat(straight.exitCode()).isZero();
    assertThat(Files.readAllLines(dir.resolve("cut/metrics.jsonl"))).isEqualTo(Files.readAllLines(dir.resolve("straight/metrics.jsonl")));
    assertThat(Files.readAllBytes(dir.resolve("cut/metrics.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("straight/metrics.csv")));
    assertThat(record(dir.resolve("cut"))).isEqualTo(record(dir.resolve("straight")));
  }
}
