package org.dsdl.app.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.DsdlException;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.pipeline.ExperimentPlan;
import org.dsdl.app.pipeline.PipelineRunner;
import org.dsdl.app.pipeline.RunOutcome;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.RunDirectory;
import org.dsdl.app.rundir.RunRecordReader;
import org.dsdl.app.rundir.StateStore;
import org.dsdl.app.training.Progress;
import org.dsdl.app.training.StopSignal;

/**
 * One run of a sweep, through the same pipeline as {@code dsdl run}: a pure function of the run's
 * experiment and its directory, so every runner gives the same numbers. A directory without a run
 * starts one; a finished run (completed and rendered, or failed) is left as it is; a stopped or
 * killed one is continued from its saved state ({@code dsdl run --resume}), or started over when
 * it died before saving any.
 */
public final class SweepTask {
  private final PipelineRunner pipeline;
  private final Function<Path, String> resumeCommand;

  /**
   * A task running through {@code pipeline} in run directories {@code SWEEP/runs/NAME}: a stopped run
   * tells the user to continue the sweep, {@code dsdl sweep --resume SWEEP}.
   */
  public SweepTask(PipelineRunner pipeline) {
    this(pipeline, dir -> "dsdl sweep --resume " + sweepOf(dir));
  }

  /** A task running through {@code pipeline}, where a stopped run tells the user to continue with {@code resumeCommand} of its directory. */
  public SweepTask(PipelineRunner pipeline, Function<Path, String> resumeCommand) {
    this.pipeline = pipeline;
    this.resumeCommand = resumeCommand;
  }

  /** The sweep directory of run directory {@code dir} ({@code SWEEP/runs/NAME}). */
  private static Path sweepOf(Path dir) {
    Path abs = dir.toAbsolutePath();
    Path runs = abs.getParent();
    return runs != null && runs.getFileName() != null && runs.getFileName().toString().equals(SweepJournal.RUNS) && runs.getParent() != null
        ? runs.getParent() : abs;
  }

  /**
   * How a run ended.
   *
   * @param status its run.json's status, or {@code FAILED} when it could not be set up
   * @param exitCode what {@code dsdl run} exits with for it
   * @param error why it failed or stopped, or null
   * @param skipped whether it had already finished, so nothing was done
   */
  public record Result(RunStatus status, int exitCode, String error, boolean skipped) {}

  /** Runs (or continues, or skips) {@code run} in {@code dir}. Never throws for a run's own failure: it is the result. */
  public Result execute(SweepPlan.Planned run, Path dir, Progress progress, StopSignal stop) {
    return execute(run.plan(), dir, progress, stop);
  }

  /** Runs (or continues, or skips) the run of {@code plan} in {@code dir}; the same as {@link #execute(SweepPlan.Planned, Path, Progress, StopSignal)}. */
  public Result execute(ExperimentPlan plan, Path dir, Progress progress, StopSignal stop) {
    try {
      Path manifest = dir.resolve(RunDirectory.MANIFEST);
      if (!Files.exists(manifest)) {
        return result(pipeline.run(plan, dir, false, progress, stop, resumeCommand));
      }
      Manifest m = RunRecordReader.manifest(dir);
      if (m.status() == RunStatus.FAILED || m.status() == RunStatus.COMPLETED && m.outputs() != null) {
        return new Result(m.status(), exitCode(m), m.error(), true);
      }
      if (!Files.exists(dir.resolve(StateStore.DIR).resolve(StateStore.TRAINER))) { // died before its first saved state: nothing to continue
        return result(pipeline.run(plan, dir, true, progress, stop, resumeCommand));
      }
      return result(pipeline.resume(dir, progress, stop, resumeCommand));
    } catch (DsdlException e) {
      return new Result(RunStatus.FAILED, e.exitCode(), e.getMessage(), false);
    } catch (RuntimeException e) {
      return new Result(RunStatus.FAILED, ExitCodes.RUN_FAILED, String.valueOf(e), false);
    }
  }

  private static Result result(RunOutcome o) {
    return new Result(o.manifest().status(), o.exitCode(), o.manifest().error(), false);
  }

  private static int exitCode(Manifest m) {
    return m.status() == RunStatus.FAILED ? ExitCodes.RUN_FAILED : m.probeFailures().isEmpty() ? ExitCodes.OK : ExitCodes.PROBE_FAILED;
  }
}
