package org.dsdl.app.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.model.Model;
import org.dsdl.api.model.StepResult;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunStatus;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.app.DsdlException;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.RunDirectoryIoException;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.rundir.Json;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.RunDirectory;
import org.dsdl.app.rundir.RunRecordReader;
import org.dsdl.app.rundir.StateStore;
import org.dsdl.app.rundir.TrainerState;
import org.dsdl.app.rundir.WorkFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment: prepares data, builds the model, trains it, measures every checkpoint with
 * every probe, saves resumable state, and renders the run with every visualizer. A run stopped by
 * {@link StopSignal} or killed can be continued with {@link #resume}.
 */
public final class PipelineRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
  private final ReportRenderer renderer;
  private final ConfigLoader loader;
  private final ExperimentResolver resolver;

  /** Creates a runner. */
  @Inject
  public PipelineRunner(ReportRenderer renderer, ConfigLoader loader, ExperimentResolver resolver) {
    this.renderer = renderer;
    this.loader = loader;
    this.resolver = resolver;
  }

  /** Starts a new run of {@code plan} in {@code out} ({@code force}: replace a previous dsdl run there). */
  public RunOutcome run(ExperimentPlan plan, Path out, boolean force, Progress progress, StopSignal stop) {
    RunDirectory.check(out, force);
    RunSetup setup = RunSetup.of(plan, out.toAbsolutePath());
    try (Model model = setup.buildModel()) {
      RunState state = newState(setup, model);
      try (RunDirectory dir = RunDirectory.create(out, force, state.manifest(RunStatus.RUNNING, System.nanoTime()))) {
        writeContactSheet(setup, dir.path());
        return train(setup, model, dir, state, 0, 0, progress, stop);
      }
    } catch (IOException e) {
      throw new RunDirectoryIoException(out, e);
    }
  }

  /**
   * Continues a stopped or killed run from its last saved state: same schedule, same remaining
   * batches in the same order. Measurements made after the saved state (a run killed while
   * measuring or finishing) are dropped and made again. A completed run whose visualizers did not
   * finish is rendered. Everything is checked, under the run's lock, before anything in the run
   * directory is modified.
   */
  public RunOutcome resume(Path runDir, Progress progress, StopSignal stop) {
    RunRecordReader.manifest(runDir); // a clear error for a folder that is not a run, before taking a lock in it
    FileChannel lock;
    try {
      lock = RunDirectory.lock(runDir);
    } catch (IOException e) {
      throw DsdlException.badInput("cannot resume " + runDir + ": cannot lock it: " + e.getMessage(), e);
    }
    boolean handedOver = false;
    try {
      Manifest manifest = RunRecordReader.manifest(runDir);
      ExperimentPlan plan = resolver.resolve(loader.fromTree((ObjectNode) manifest.config(), runDir.resolve(RunDirectory.MANIFEST).toString()));
      if (manifest.status() == RunStatus.COMPLETED) {
        if (manifest.outputs() != null) {
          throw DsdlException.badInput("cannot resume " + runDir + ": the run has already completed");
        }
        return finishRendering(runDir, manifest, plan);
      }
      TrainerState saved = StateStore.load(runDir, configSha256(manifest.config()));
      RunSetup setup = RunSetup.of(plan, runDir.toAbsolutePath());
      Manifest.DatasetSummary now = setup.data().summary(plan.dataset().plugin().name());
      if (!now.trainIdsSha256().equals(manifest.dataset().trainIdsSha256()) || !now.contentSha256().equals(manifest.dataset().contentSha256())
          || !now.probeSetIdsSha256().equals(manifest.dataset().probeSetIdsSha256())) {
        throw DsdlException.badInput("cannot resume " + runDir + ": the dataset loaded now differs from the one the run started with"
            + " (content or id hashes in run.json differ)");
      }
      SavedPosition.check(runDir, saved, manifest, setup.schedule(), setup.feeder());
      List<Path> laterWork = WorkFiles.verify(runDir, saved.workFiles());
      Map<String, byte[]> probeStates = StateStore.probeStatesOf(runDir, saved);
      try (Model model = setup.buildModel()) {
        try {
          model.restoreState(StateStore.engineStateOf(runDir, saved));
        } catch (IllegalArgumentException e) {
          throw DsdlException.badInput("cannot resume " + runDir + ": " + e.getMessage(), e);
        }
        restoreProbes(setup, runDir, probeStates);
        for (Path p : laterWork) {
          Files.deleteIfExists(p);
        }
        RunState state = newState(setup, model);
        manifest.checkpoints().stream().filter(c -> c.index() < saved.nextCheckpoint()).forEach(state.checkpoints::add);
        manifest.probeFailures().stream().filter(f -> f.checkpoint() >= 0 && f.checkpoint() < saved.nextCheckpoint())
            .forEach(state.failures::add);
        state.trainingSeconds = saved.trainingSeconds();
        state.sessionSeconds = saved.sessionSeconds();
        state.checkpointSeconds = saved.checkpointSeconds();
        state.probeSeconds.putAll(saved.probeSeconds());
        state.earlierSeconds = saved.elapsedSeconds();
        state.samples = saved.samplesSeen();
        LOG.info("resuming {} at step {} (checkpoint {} of {})", runDir, saved.step(), saved.nextCheckpoint(), setup.schedule().size());
        RunDirectory dir = RunDirectory.reopen(runDir, lock, saved.metricsLines());
        handedOver = true;
        try (dir) {
          return train(setup, model, dir, state, saved.step(), saved.nextCheckpoint(), progress, stop);
        }
      }
    } catch (IOException e) {
      throw new RunDirectoryIoException(runDir, e);
    } finally {
      if (!handedOver) {
        try {
          lock.close();
        } catch (IOException e) {
          LOG.debug("releasing the lock of {}", runDir, e);
        }
      }
    }
  }

  /** Renders a completed run whose visualizers were stopped (killed while rendering). */
  private RunOutcome finishRendering(Path runDir, Manifest m, ExperimentPlan plan) throws IOException {
    LOG.info("{} completed but its visualizers did not finish; rendering it", runDir);
    long v0 = System.nanoTime();
    ReportRenderer.Rendering r = renderer.render(runDir, plan.visualizers());
    Manifest.Timings t = m.timings();
    Manifest done = new Manifest(m.format(), m.name(), r.error() == null ? m.status() : RunStatus.FAILED, m.seed(), m.seeds(), m.versions(),
        m.config(), m.dataset(), m.model(), m.checkpoints(), m.probeFailures(),
        new Manifest.Timings(t.total(), t.training(), t.trainingSessionCalls(), t.checkpoints(), t.probes(), (System.nanoTime() - v0) / 1e9,
            t.trainingSamplesPerSecond()),
        r.error() == null ? m.error() : r.error(), r.relativeTo(runDir), m.probeMetrics());
    RunDirectory.writeManifest(runDir, done);
    int code = r.error() != null ? ExitCodes.RUN_FAILED : m.probeFailures().isEmpty() ? ExitCodes.OK : ExitCodes.PROBE_FAILED;
    return new RunOutcome(code, runDir, done);
  }

  private static RunState newState(RunSetup s, Model model) {
    RunState state = new RunState(s.plan(), s.seeds(), s.data(), s.engine().version());
    var graph = s.data().model();
    var parameters = s.plan().model().architecture().resolved();
    state.model = new Manifest.ModelSummary(s.data().modelName(), s.plan().engine().plugin().name() + " — " + s.engine().version(),
        graph.layers(), model.parameterCount(), graph.forwardMacs(), graph.forwardFlops(), graph.trainingFlops(),
        Manifest.ModelSummary.blocksOf(parameters), Manifest.ModelSummary.denseOf(parameters));
    LOG.info("model {}: {} trainable parameters, {} layers; {} steps, {} checkpoints", s.data().modelName(),
        String.format(Locale.ROOT, "%,d", model.parameterCount()), graph.layers().size(), s.schedule().totalSteps(), s.schedule().size());
    return state;
  }

  /** Trains from {@code step}, measuring checkpoints from index {@code next}, to the end or a stop. */
  private RunOutcome train(RunSetup s, Model model, RunDirectory dir, RunState state, long step, int next, Progress progress,
      StopSignal stop) throws IOException {
    try (ProbeExecutor probes = new ProbeExecutor(s.plan().config().checkpoints().probeBudgetSeconds())) {
      return train(s, model, dir, state, step, next, progress, stop, probes);
    }
  }

  private RunOutcome train(RunSetup s, Model model, RunDirectory dir, RunState state, long step, int next, Progress progress,
      StopSignal stop, ProbeExecutor probes) throws IOException {
    long started = System.nanoTime();
    CheckpointSchedule schedule = s.schedule();
    boolean saveState = s.plan().config().checkpoints().saveState();
    String configHash = configSha256(s.plan().resolved());
    String failure = null;
    boolean interrupted = false;
    WorkFiles workFiles = new WorkFiles();
    progress.start(schedule.totalSteps(), schedule.size());
    while (true) {
      if (next < schedule.size() && schedule.steps().get(next) == step) {
        long t0 = System.nanoTime();
        Checkpoint cp = s.checkpoint(next, step);
        measure(model, cp, s, dir, state, probes);
        state.checkpoints.add(new Manifest.CheckpointEntry(cp.index(), cp.step(), cp.epoch(), cp.samplesSeen(), state.elapsed(started)));
        next++;
        state.checkpointSeconds += (System.nanoTime() - t0) / 1e9;
        // Manifest first, state second: if the process dies between the two, the state still
        // points before this checkpoint, and a resume measures it again rather than losing it.
        dir.writeManifest(state.manifest(RunStatus.RUNNING, started));
        if (saveState) {
          long s0 = System.nanoTime();
          saveState(s, probes, dir, model, state, step, next, configHash, started, workFiles);
          state.checkpointSeconds += (System.nanoTime() - s0) / 1e9;
        }
        progress.checkpoint(next - 1, state.lastSummary);
      }
      if (step >= schedule.totalSteps()) {
        break;
      }
      if (stop.requested()) {
        interrupted = true;
        if (saveState) {
          saveState(s, probes, dir, model, state, step, next, configHash, started, workFiles);
        }
        break;
      }
      long t0 = System.nanoTime();
      int count = s.feeder().fill(step);
      double lr = s.rates().at(step);
      StepResult r = model.trainStep(s.feeder().images(), s.feeder().labels(), count, lr);
      step++;
      state.samples += count;
      state.sessionSeconds += r.engineNanos() / 1e9;
      state.trainingSeconds += (System.nanoTime() - t0) / 1e9;
      if (!Double.isFinite(r.loss())) {
        failure = String.format(Locale.ROOT, "the training loss became %s at step %d (learning rate %g); lower training.optimizer.learningRate",
            r.loss(), step, lr);
        break;
      }
      progress.step(step, r.loss(), r.accuracy());
    }
    progress.close();

    RunStatus status;
    if (interrupted) {
      status = RunStatus.INTERRUPTED;
      state.error = "interrupted (" + stop.reason() + ") at step " + step + (saveState ? "; continue with: dsdl run --resume " + dir.path() : "");
      LOG.warn(state.error);
    } else if (failure != null) {
      status = RunStatus.FAILED;
      state.error = failure;
      LOG.error(failure);
    } else {
      status = RunStatus.COMPLETED;
      for (RunSetup.NamedProbe p : s.probes()) {
        try {
          dir.append(probes.call(p.name(), "finishing", () -> p.probe().finish()));
        } catch (RuntimeException e) {
          state.failure(p.name(), -1, e);
        }
      }
    }
    dir.writeManifest(state.manifest(status, started));
    if (status == RunStatus.COMPLETED) {
      // the probes' work files served finish(); a completed run is never resumed from them
      RunDirectory.deleteProbeWork(dir.path());
    }
    long v0 = System.nanoTime();
    ReportRenderer.Rendering rendering = renderer.render(dir.path(), s.plan().visualizers());
    state.visualizerSeconds = (System.nanoTime() - v0) / 1e9;
    state.outputs = rendering.relativeTo(dir.path());
    if (rendering.error() != null && status == RunStatus.COMPLETED) {
      state.error = rendering.error();
      status = RunStatus.FAILED;
    }
    Manifest last = state.manifest(status, started);
    dir.writeManifest(last);
    int code = switch (status) {
      case FAILED -> ExitCodes.RUN_FAILED;
      case INTERRUPTED -> stop.exitCode();
      default -> state.failures.isEmpty() ? ExitCodes.OK : ExitCodes.PROBE_FAILED;
    };
    return new RunOutcome(code, dir.path(), last);
  }

  private static void saveState(RunSetup s, ProbeExecutor probes, RunDirectory dir, Model model, RunState state, long step, int next,
      String configHash, long started, WorkFiles workFiles) throws IOException {
    Map<String, byte[]> probeStates = new java.util.LinkedHashMap<>();
    for (RunSetup.NamedProbe p : s.probes()) {
      if (probes.disabled(p.name())) {
        continue; // it may still be running: its state is not to be read
      }
      try {
        probeStates.put(p.name(), p.probe().saveState());
      } catch (RuntimeException e) {
        state.failure(p.name(), next - 1, e);
      }
    }
    StateStore.save(dir.path(), model, new TrainerState(TrainerState.FORMAT, step, next, state.samples, configHash, null, null,
        state.trainingSeconds, state.sessionSeconds, state.checkpointSeconds, Map.copyOf(state.probeSeconds), state.elapsed(started),
        null, null, dir.lines(), null, null), probeStates, workFiles);
  }

  /** Hands each probe the state it saved before the stop; a probe that cannot read it back is bad input. */
  private static void restoreProbes(RunSetup setup, Path runDir, Map<String, byte[]> states) {
    for (RunSetup.NamedProbe p : setup.probes()) {
      byte[] bytes = states.get(p.name());
      if (bytes == null || bytes.length == 0) {
        continue;
      }
      try {
        p.probe().restoreState(bytes);
      } catch (RuntimeException e) {
        throw DsdlException.badInput("cannot resume " + runDir + ": probe '" + p.name() + "' cannot read back its saved state: " + e.getMessage(), e);
      }
    }
  }

  /** SHA-256 of a resolved config as written in run.json, to tie saved state to its run. */
  static String configSha256(com.fasterxml.jackson.databind.JsonNode config) {
    try {
      return StateStore.sha256(Json.LINES.writeValueAsBytes(config));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeContactSheet(RunSetup setup, Path runDir) throws IOException {
    java.awt.image.BufferedImage sheet = ContactSheet.render(setup.data().dataset(), 10, 2);
    org.dsdl.api.io.OutputFiles.writeAtomically(runDir.resolve(RunDirectory.CONTACT_SHEET), out -> javax.imageio.ImageIO.write(sheet, "png", out));
  }

  private void measure(Model model, Checkpoint cp, RunSetup s, RunDirectory dir, RunState state, ProbeExecutor probes) throws IOException {
    Snapshot snapshot = s.snapshot(model, cp);
    for (RunSetup.NamedProbe p : s.probes()) {
      long t0 = System.nanoTime();
      try {
        List<Measurement> ms = probes.call(p.name(), "measuring checkpoint " + cp.index(), () -> p.probe().measure(snapshot));
        dir.append(ms);
      } catch (RuntimeException e) {
        state.failure(p.name(), cp.index(), e);
      }
      state.probeSeconds.merge(p.name(), (System.nanoTime() - t0) / 1e9, Double::sum);
    }
    for (RunSetup.NamedVisualizer v : s.visualizers()) {
      try {
        v.visualizer().checkpoint(snapshot, dir.path(), () -> RunRecordReader.read(dir.path()));
      } catch (IOException | RuntimeException e) {
        LOG.error("visualizer '{}' failed at checkpoint {}: {}", v.name(), cp.index(), e.getMessage());
        LOG.debug("visualizer failure", e);
      }
    }
    Evaluation test = snapshot.evaluation("test").orElseThrow();
    state.lastSummary = String.format(Locale.ROOT, "test acc %.3f", test.accuracy());
    LOG.debug("checkpoint {} step {} epoch {}: test loss {} accuracy {}", cp.index(), cp.step(),
        String.format(Locale.ROOT, "%.2f", cp.epoch()), String.format(Locale.ROOT, "%.4f", test.loss()), String.format(Locale.ROOT, "%.4f", test.accuracy()));
  }
}
