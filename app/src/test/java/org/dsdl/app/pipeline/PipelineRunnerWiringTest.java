package org.dsdl.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.DsdlModule;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.fakes.FakeEngine;
import org.dsdl.app.fakes.RecordingVisualizers;
import org.dsdl.app.render.VisualizerFactory;
import org.dsdl.app.rundir.Json;
import org.dsdl.app.training.Progress;
import org.dsdl.app.training.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner as the application wires it, with one part swapped by overriding one Guice binding:
 * a fake engine (no TensorFlow) and a recording visualizer.
 */
class PipelineRunnerWiringTest {
  private static final List<String> TINY = List.of(
      "name=wired", "seed=4", "dataset={type: tokens, trainPerClass: 20, testPerClass: 10, minPerClass: 20}",
      "training.epochs=2", "training.batchSize=16", "probeSet.perClass=10", "probes=[accuracy, spy]", "visualizers=[csv]");
  @TempDir
  Path dir;
  private final FakeEngine engine = new FakeEngine();
  private final RecordingVisualizers visualizers = new RecordingVisualizers();

  private Injector injector(boolean recordVisualizers) {
    return Guice.createInjector(Modules.override(new DsdlModule()).with(b -> {
      b.bind(EngineFactory.class).toInstance(engine);
      if (recordVisualizers) {
        b.bind(VisualizerFactory.class).toInstance(visualizers);
      }
    }));
  }

  private static ExperimentPlan plan(Injector injector, List<String> settings) {
    return injector.getInstance(ExperimentResolver.class).resolve(injector.getInstance(ConfigLoader.class).load(null, settings));
  }

  @Test
  void theRunnerSequencesTrainingCheckpointsJournalAndRenderingOfAFakeModel() throws Exception {
    Injector injector = injector(true);
    Path out = dir.resolve("run");
    RunOutcome o = injector.getInstance(PipelineRunner.class).run(plan(injector, TINY), out, false, Progress.silent(), new StopSignal());

    assertThat(o.exitCode()).isZero();
    var m = o.manifest();
    assertThat(m.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(m.versions()).containsEntry("engine", "fake 1");
    // 100 exemplars in batches of 16: 7 steps an epoch; checkpoints 0 1 2 4, then two an epoch: 7 11 14
    assertThat(m.checkpoints()).extracting(c -> c.step()).containsExactly(0L, 1L, 2L, 4L, 7L, 11L, 14L);
    assertThat(engine.built()).hasSize(1);
    assertThat(engine.built().get(0).steps()).hasSize(14);
    assertThat(engine.built().get(0).closed()).isTrue();
    // every checkpoint's hook, in order, then one render of the whole run, whose file is listed in run.json
    assertThat(visualizers.calls()).containsExactly(
        new RecordingVisualizers.Call("csv", 0, -1), new RecordingVisualizers.Call("csv", 1, -1), new RecordingVisualizers.Call("csv", 2, -1),
        new RecordingVisualizers.Call("csv", 3, -1), new RecordingVisualizers.Call("csv", 4, -1), new RecordingVisualizers.Call("csv", 5, -1),
        new RecordingVisualizers.Call("csv", 6, -1), new RecordingVisualizers.Call("csv", -1, 7));
    assertThat(m.outputs()).containsExactly("csv.txt");
    assertThat(out.resolve("metrics.csv")).as("the csv plugin was replaced").doesNotExist();
    assertThat(out.resolve("dataset.png")).isNotEmptyFile();
    // the accuracy probe measured what the fake model predicts: exemplar i right once i % 10 < steps taken
    List<Double> accuracy = Files.readAllLines(out.resolve("metrics.jsonl")).stream().map(l -> {
      try {
        return Json.PRETTY.readTree(l);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).filter(n -> n.get("metric").asText().equals("test_accuracy")).map(n -> n.get("value").asDouble()).toList();
    assertThat(accuracy).containsExactly(0.0, 0.1, 0.2, 0.4, 0.7, 1.0, 1.0);
    assertThat(m.checkpoints()).extracting(c -> c.index()).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(out.resolve("state/trainer.json")).isRegularFile();
  }

  @Test
  void overridingTheEngineAloneKeepsThePluginVisualizers() throws Exception {
    Injector injector = injector(false);
    Path out = dir.resolve("run");
    RunOutcome o = injector.getInstance(PipelineRunner.class).run(plan(injector, TINY), out, false, Progress.silent(), new StopSignal());
    assertThat(o.exitCode()).isZero();
    assertThat(visualizers.calls()).isEmpty();
    assertThat(o.manifest().outputs()).containsExactly("metrics.csv");
    assertThat(Files.readAllLines(out.resolve("metrics.csv"))).anyMatch(l -> l.equals("6,14,2,accuracy,test_accuracy,,1"));
  }

  @Test
  void aStoppedRunResumesToTheStraightRunsMeasurements() throws Exception {
    Injector injector = injector(true);
    PipelineRunner runner = injector.getInstance(PipelineRunner.class);
    ExperimentPlan plan = plan(injector, TINY);
    RunOutcome straight = runner.run(plan, dir.resolve("straight"), false, Progress.silent(), new StopSignal());

    StopSignal stop = new StopSignal();
    RunOutcome cut = runner.run(plan, dir.resolve("cut"), false, org.dsdl.app.fakes.StopAt.step(5, stop), stop);
    assertThat(cut.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(cut.manifest().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(cut.manifest().error()).isEqualTo("interrupted (Ctrl-C) at step 5; continue with: dsdl run --resume " + dir.resolve("cut"));
    assertThat(cut.manifest().checkpoints()).hasSize(4);

    RunOutcome resumed = runner.resume(dir.resolve("cut"), Progress.silent(), new StopSignal());
    assertThat(resumed.exitCode()).isZero();
    assertThat(engine.built()).hasSize(3);
    assertThat(engine.built().get(2).steps()).as("only the steps after the stop").hasSize(14 - 5);
    assertThat(engine.built().get(2).steps()).isEqualTo(engine.built().get(0).steps().subList(5, 14));
    assertThat(resumed.manifest().checkpoints()).extracting(c -> c.step())
        .isEqualTo(straight.manifest().checkpoints().stream().map(c -> c.step()).toList());
    assertThat(sorted(dir.resolve("cut/metrics.jsonl"))).isEqualTo(sorted(dir.resolve("straight/metrics.jsonl")));
    assertThat(resumed.manifest().timings().training()).isGreaterThan(cut.manifest().timings().training());
  }

  @Test
  void aStoppedRunOfASweepNamesTheSweepsResumeNotTheRuns() throws Exception {
    Injector injector = injector(true);
    PipelineRunner runner = injector.getInstance(PipelineRunner.class);
    StopSignal stop = new StopSignal();
    Path runDir = dir.resolve("study").resolve(org.dsdl.app.sweep.SweepJournal.RUNS).resolve("a_seed-1");
    java.nio.file.Files.createDirectories(runDir.getParent());
    org.dsdl.app.sweep.SweepTask.Result r = new org.dsdl.app.sweep.SweepTask(runner)
        .execute(plan(injector, TINY), runDir, org.dsdl.app.fakes.StopAt.step(5, stop), stop);
    assertThat(r.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(r.error()).isEqualTo("interrupted (Ctrl-C) at step 5; continue with: dsdl sweep --resume " + dir.resolve("study").toAbsolutePath());
  }

  @Test
  void aLostLossFailsTheRunKeepingWhatWasMeasured() {
    engine.nanAtStep(3);
    Injector injector = injector(true);
    RunOutcome o = injector.getInstance(PipelineRunner.class).run(plan(injector, TINY), dir.resolve("nan"), false, Progress.silent(),
        new StopSignal());
    assertThat(o.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(o.manifest().status()).isEqualTo(RunStatus.FAILED);
    assertThat(o.manifest().error()).startsWith("the training loss became NaN at step 3");
    assertThat(o.manifest().checkpoints()).hasSize(3);
    assertThat(visualizers.calls()).last().isEqualTo(new RecordingVisualizers.Call("csv", -1, 3));
  }

  private static List<String> sorted(Path f) throws Exception {
    return Files.readAllLines(f).stream().sorted().toList();
  }
}
