package org.dsdl.app.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.rundir.Json;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.RunDirectory;
import org.dsdl.app.rundir.RunRecordReader;
import org.dsdl.app.rundir.StateStore;
import org.dsdl.app.rundir.TrainerState;
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

  /** Starts a new run of {@code plan} in {@code out} ({@code force}: replace a previous run there). */
  public RunOutcome run(ExperimentPlan plan, Path out, boolean force, Progress progress, StopSignal stop) {
    RunDirectory.check(out, force);
    RunSetup setup = RunSetup.of(plan, out.toAbsolutePath());
    try (RunDirectory dir = RunDirectory.create(out, force);
        Model model = setup.buildModel()) {
      RunState state = newState(setup, model);
      dir.writeManifest(state.manifest(RunStatus.RUNNING, System.nanoTime()));
      writeContactSheet(setup, dir.path());
      return train(setup, model, dir, state, 0, 0, progress, stop);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the run directory " + out + " failed", e);
    }
  }

  /**
   * Continues a stopped or killed run from its last saved state: same schedule, same remaining
   * batches in the same order. Measurements of checkpoints after the saved state (a run killed
   * while measuring) are dropped and measured again. Everything is checked before anything in the
   * run directory is modified.
   */
  public RunOutcome resume(Path runDir, Progress progress, StopSignal stop) {
    Manifest manifest = RunRecordReader.manifest(runDir);
    if (manifest.status() == RunStatus.COMPLETED) {
      throw DsdlException.badInput("cannot resume " + runDir + ": the run has already completed");
    }
    TrainerState saved = StateStore.load(runDir, configSha256(manifest.config()));
    ExperimentPlan plan = resolver.resolve(loader.fromTree((ObjectNode) manifest.config(), runDir.resolve(RunDirectory.MANIFEST).toString()));
    RunSetup setup = RunSetup.of(plan, runDir.toAbsolutePath());
    Manifest.DatasetSummary now = setup.data().summary(plan.dataset().plugin().name());
    if (!now.trainIdsSha256().equals(manifest.dataset().trainIdsSha256()) || !now.contentSha256().equals(manifest.dataset().contentSha256())
        || !now.probeSetIdsSha256().equals(manifest.dataset().probeSetIdsSha256())) {
      throw DsdlException.badInput("cannot resume " + runDir + ": the dataset loaded now differs from the one the run started with"
          + " (content or id hashes in run.json differ)");
    }
    try (Model model = setup.buildModel()) {
      try {
        model.restoreState(StateStore.engineStateOf(runDir, saved));
      } catch (IllegalArgumentException e) {
        throw DsdlException.badInput("cannot resume " + runDir + ": " + e.getMessage(), e);
      }
      restoreProbes(setup, runDir, saved);
      RunState state = newState(setup, model);
      manifest.checkpoints().stream().filter(c -> c.index() < saved.nextCheckpoint()).forEach(state.checkpoints::add);
      manifest.probeFailures().stream().filter(f -> f.checkpoint() < saved.nextCheckpoint()).forEach(state.failures::add);
      state.trainingSeconds = saved.trainingSeconds();
      state.sessionSeconds = saved.sessionSeconds();
      state.checkpointSeconds = saved.checkpointSeconds();
      state.probeSeconds.putAll(saved.probeSeconds());
      state.earlierSeconds = saved.elapsedSeconds();
      state.samples = saved.samplesSeen();
      LOG.info("resuming {} at step {} (checkpoint {} of {})", runDir, saved.step(), saved.nextCheckpoint(), setup.schedule().size());
      try (RunDirectory dir = RunDirectory.reopen(runDir, saved.nextCheckpoint())) {
        return train(setup, model, dir, state, saved.step(), saved.nextCheckpoint(), progress, stop);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the run directory " + runDir + " failed", e);
    }
  }

  private static RunState newState(RunSetup s, Model model) {
    RunState state = new RunState(s.plan(), s.seeds(), s.data(), s.engine().version());
    var spec = s.data().model();
    state.model = new Manifest.ModelSummary(spec.name(), s.plan().engine().plugin().name() + " — " + s.engine().version(),
        spec.layers(), model.parameterCount(), spec.forwardMacs(), spec.forwardFlops(), spec.trainingFlops(), spec.convBlocks(), spec.dense());
    LOG.info("model {}: {} trainable parameters, {} layers; {} steps, {} checkpoints", spec.name(),
        String.format(Locale.ROOT, "%,d", model.parameterCount()), spec.layers().size(), s.schedule().totalSteps(), s.schedule().size());
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
          saveState(s, probes, dir, model, state, step, next, configHash, started);
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
          saveState(s, probes, dir, model, state, step, next, configHash, started);
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
      state.error = "interrupted at step " + step + (saveState ? "; continue with: dsdl run --resume " + dir.path() : "");
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
    long v0 = System.nanoTime();
    String vizError = renderer.render(dir.path(), s.plan().visualizers());
    state.visualizerSeconds = (System.nanoTime() - v0) / 1e9;
    if (vizError != null && status == RunStatus.COMPLETED) {
      state.error = vizError;
      status = RunStatus.FAILED;
    }
    Manifest last = state.manifest(status, started);
    dir.writeManifest(last);
    int code = switch (status) {
      case FAILED -> ExitCodes.RUN_FAILED;
      case INTERRUPTED -> ExitCodes.INTERRUPTED;
      default -> state.failures.isEmpty() ? ExitCodes.OK : ExitCodes.PROBE_FAILED;
    };
    return new RunOutcome(code, dir.path(), last);
  }

  private static void saveState(RunSetup s, ProbeExecutor probes, RunDirectory dir, Model model, RunState state, long step, int next,
      String configHash, long started) throws IOException {
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
        null, null), probeStates);
  }

  /** Hands each probe the state it saved before the stop; a probe that cannot read it back is bad input. */
  private static void restoreProbes(RunSetup setup, Path runDir, TrainerState saved) {
    Map<String, byte[]> states = StateStore.probeStatesOf(runDir, saved);
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

  /** The file in a run directory that shows what the network sees: a row of training exemplars per class. */
  public static final String CONTACT_SHEET = "dataset.png";

  private static void writeContactSheet(RunSetup setup, Path runDir) throws IOException {
    java.awt.image.BufferedImage sheet = ContactSheet.render(setup.data().dataset(), 10, 2);
    org.dsdl.api.io.OutputFiles.writeAtomically(runDir.resolve(CONTACT_SHEET), out -> javax.imageio.ImageIO.write(sheet, "png", out));
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
