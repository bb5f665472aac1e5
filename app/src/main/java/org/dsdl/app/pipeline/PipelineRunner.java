package org.dsdl.app.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.Locale;
import org.dsdl.api.model.Model;
import org.dsdl.api.model.TrainingResources;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.DsdlException;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.RunDirectoryIoException;
import org.dsdl.app.checkpoint.CheckpointMeasurer;
import org.dsdl.app.config.AsyncProbes;
import org.dsdl.app.config.CheckpointConfig;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.render.ContactSheet;
import org.dsdl.app.render.ReportRenderer;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.RunDirectory;
import org.dsdl.app.rundir.RunHeader;
import org.dsdl.app.rundir.RunJournal;
import org.dsdl.app.rundir.RunProgress;
import org.dsdl.app.rundir.RunRecordReader;
import org.dsdl.app.training.Progress;
import org.dsdl.app.training.StopSignal;
import org.dsdl.app.training.TrainingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment by sequencing its parts: the {@link RunSetupFactory} prepares data, engine
 * and probes; the {@link TrainingLoop} trains; the {@link CheckpointMeasurer} measures each
 * checkpoint; the {@link RunJournal} records measurements, manifest and resumable state; the
 * {@link ReportRenderer} renders the run. A run stopped by {@link StopSignal} or killed can be
 * continued with {@link #resume}.
 */
public final class PipelineRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
  private final RunSetupFactory setups;
  private final ReportRenderer renderer;
  private final ConfigLoader loader;
  private final ExperimentResolver resolver;

  /** Creates a runner from its parts. */
  @Inject
  public PipelineRunner(RunSetupFactory setups, ReportRenderer renderer, ConfigLoader loader, ExperimentResolver resolver) {
    this.setups = setups;
    this.renderer = renderer;
    this.loader = loader;
    this.resolver = resolver;
  }

  /** What a stopped run tells the user to type to continue it: {@code dsdl run --resume DIR}. */
  public static final Function<Path, String> RUN_RESUME = dir -> "dsdl run --resume " + dir;

  /** Starts a new run of {@code plan} in {@code out} ({@code force}: replace a previous dsdl run there). */
  public RunOutcome run(ExperimentPlan plan, Path out, boolean force, Progress progress, StopSignal stop) {
    return run(plan, out, force, progress, stop, RUN_RESUME);
  }

  /**
   * {@link #run(ExperimentPlan, Path, boolean, Progress, StopSignal)}, where a stop tells the user to
   * continue with {@code resumeCommand} of the run directory (a sweep's run names the sweep's resume).
   */
  public RunOutcome run(ExperimentPlan plan, Path out, boolean force, Progress progress, StopSignal stop, Function<Path, String> resumeCommand) {
    RunDirectory.check(out, force);
    RunSetup setup = setups.create(plan, out.toAbsolutePath());
    try (Model model = setup.buildModel(); RunJournal journal = RunJournal.create(out, force, header(setup, model))) {
      ContactSheet.writeInto(journal.path(), setup.data().dataset());
      return train(setup, model, journal, RunProgress.START, progress, stop, resumeCommand);
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
    return resume(runDir, progress, stop, RUN_RESUME);
  }

  /** {@link #resume(Path, Progress, StopSignal)}, where a stop tells the user to continue with {@code resumeCommand} of the run directory. */
  public RunOutcome resume(Path runDir, Progress progress, StopSignal stop, Function<Path, String> resumeCommand) {
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
      ResumePoint point = ResumePoint.load(runDir, manifest, () -> setups.create(plan, runDir.toAbsolutePath()));
      RunSetup setup = point.setup();
      try (Model model = setup.buildModel()) {
        point.restore(runDir, model);
        RunHeader header = header(setup, model);
        LOG.info("resuming {} at step {} (checkpoint {} of {})", runDir, point.saved().step(), point.saved().nextCheckpoint(),
            setup.schedule().size());
        RunJournal journal = RunJournal.reopen(runDir, lock, header, point.saved().metricsLines());
        handedOver = true;
        try (journal) {
          return train(setup, model, journal, point.progress(), progress, stop, resumeCommand);
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

  private static RunHeader header(RunSetup s, Model model) {
    LOG.info("model {}: {} trainable parameters, {} layers; {} steps, {} checkpoints", s.data().modelName(),
        String.format(Locale.ROOT, "%,d", model.parameterCount()), s.data().model().layers().size(), s.schedule().totalSteps(),
        s.schedule().size());
    return s.header(model);
  }

  /**
   * Whether the probes run beside training ({@code checkpoints.async}): with {@code auto}, when the
   * engine trains on a GPU or on fewer threads than this machine has cores.
   */
  private static boolean probesBesideTraining(RunSetup s, Model model) {
    AsyncProbes async = s.plan().config().checkpoints().async();
    if (async != AsyncProbes.AUTO) {
      return async.beside(false);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    TrainingResources r = model.trainingResources();
    boolean beside = async.beside(r.leavesCoresIdle(cores));
    if (beside) {
      LOG.info("probes run beside training (checkpoints.async: auto): the engine trains {}", r.accelerator()
          ? "on a GPU" : "on " + r.hostThreads() + " of " + cores + " cores");
    }
    return beside;
  }

  /** Trains from {@code from} to the end or a stop, then finishes the probes and renders the run. */
  private RunOutcome train(RunSetup s, Model model, RunJournal journal, RunProgress from, Progress progress, StopSignal stop,
      Function<Path, String> resumeCommand) throws IOException {
    boolean saveState = s.plan().config().checkpoints().saveState();
    TrainingLoop.Outcome trained;
    RunProgress p;
    RunStatus status;
    String error = null;
    try (CheckpointMeasurer measurer = s.measurer(journal.path(), journal);
        CheckpointsBesideTraining beside = probesBesideTraining(s, model)
            ? new CheckpointsBesideTraining(s, model, measurer, journal, saveState, progress, from, CheckpointConfig.MAX_PENDING_SNAPSHOTS)
            : null) {
      TrainingLoop.Checkpoints checkpoints = beside != null ? beside : new JournaledCheckpoints(s, model, measurer, journal, saveState, progress);
      trained = s.trainingLoop().run(model, from, checkpoints, progress, stop);
      p = trained.progress();
      switch (trained.ending()) {
        case INTERRUPTED -> {
          status = RunStatus.INTERRUPTED;
          error = "interrupted (" + stop.reason() + ") at step " + p.step()
              + (saveState ? "; continue with: " + resumeCommand.apply(journal.path()) : "");
          LOG.warn(error);
        }
        case FAILED -> {
          status = RunStatus.FAILED;
          error = trained.error();
          LOG.error(error);
        }
        default -> {
          status = RunStatus.COMPLETED;
          p = p.withFailures(measurer.finish());
        }
      }
    }
    journal.record(status, p, error);
    if (status == RunStatus.COMPLETED) {
      journal.deleteProbeWork(); // the probes' work files served finish(); a completed run is never resumed from them
    }
    long v0 = System.nanoTime();
    ReportRenderer.Rendering rendering = renderer.render(journal.path(), s.plan().visualizers());
    if (rendering.error() != null && status == RunStatus.COMPLETED) {
      error = rendering.error();
      status = RunStatus.FAILED;
    }
    Manifest last = journal.record(status, p, error, (System.nanoTime() - v0) / 1e9, rendering.relativeTo(journal.path()));
    int code = switch (status) {
      case FAILED -> ExitCodes.RUN_FAILED;
      case INTERRUPTED -> stop.exitCode();
      default -> p.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PROBE_FAILED;
    };
    return new RunOutcome(code, journal.path(), last);
  }
}
