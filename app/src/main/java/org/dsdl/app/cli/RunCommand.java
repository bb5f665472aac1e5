package org.dsdl.app.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dsdl.app.DsdlException;
import org.dsdl.app.training.ConsoleProgress;
import org.dsdl.app.pipeline.ExperimentPlan;
import org.dsdl.app.pipeline.PipelineRunner;
import org.dsdl.app.training.Progress;
import org.dsdl.app.pipeline.RunOutcome;
import org.dsdl.app.training.StopSignal;
import org.dsdl.app.rundir.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dsdl run [CONFIG]}: trains, measures and renders one experiment. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Train and probe an experiment (the built-in dense-sample experiment when CONFIG is omitted).")
public final class RunCommand implements Callable<Integer> {
  @Mixin
  ExperimentOptions experiment;

  @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: runs/NAME-TIMESTAMP)")
  Path out;

  @Option(names = "--force", description = "replace a previous run in --out")
  boolean force;

  @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue a stopped or killed run from its last saved state")
  Path resume;

  @Option(names = "--no-progress", description = "no progress bar (it is also off when not on a terminal)")
  boolean noProgress;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private final PipelineRunner runner;

  /** Creates the command with its collaborators. */
  @Inject
  public RunCommand(PipelineRunner runner) {
    this.runner = runner;
  }

  @Override
  public Integer call() {
    Progress progress = noProgress || System.console() == null ? Progress.silent() : new ConsoleProgress();
    StopSignal stop = new StopSignal();
    Interrupts.onStopSignals(stop);
    RunOutcome outcome;
    if (resume != null) {
      if (experiment.given() || out != null || force) {
        throw DsdlException.badInput("--resume continues a run with its own config: give no CONFIG, --out, --set or --force with it");
      }
      outcome = runner.resume(resume, progress, stop);
    } else {
      ExperimentPlan plan = experiment.plan();
      Path dir = out != null ? out : Path.of("runs", plan.config().name() + "-"
          + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
      outcome = runner.run(plan, dir, force, progress, stop);
    }
    Manifest m = outcome.manifest();
    var timings = m.timings();
    spec.commandLine().getOut().printf(Locale.ROOT,
        "%s: %s, %d checkpoints, %,d parameters, %.1f s (training %.1f s at %.0f samples/s, %.0f%% inside the engine)%n",
        org.dsdl.app.config.Printable.of(outcome.directory()), m.status().name().toLowerCase(Locale.ROOT), m.checkpoints().size(), m.model().parameterCount(),
        timings.total(), timings.training(), timings.trainingSamplesPerSecond(),
        timings.training() == 0 ? 0 : 100 * timings.trainingSessionCalls() / timings.training());
    if (m.outputs() != null && m.outputs().contains(FindingsLines.FILE)) { // written by this run's findings visualizer
      FindingsLines.print(outcome.directory(), spec.commandLine().getOut());
    }
    spec.commandLine().getOut().flush();
    if (m.status() == org.dsdl.api.run.RunStatus.INTERRUPTED) {
      spec.commandLine().getErr().println("dsdl: " + org.dsdl.app.config.Printable.of(m.error()));
    } else if (m.error() != null) {
      spec.commandLine().getErr().println("dsdl: run failed: " + org.dsdl.app.config.Printable.of(m.error()));
    } else if (!m.probeFailures().isEmpty()) {
      spec.commandLine().getErr().println("dsdl: " + m.probeFailures().size() + " probe failure(s), first: "
          + m.probeFailures().get(0).probe() + " at checkpoint " + m.probeFailures().get(0).checkpoint() + ": "
          + m.probeFailures().get(0).error() + " (all are listed in run.json)");
    }
    return outcome.exitCode();
  }
}
