package org.dsdl.app.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.DsdlException;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.RunDirectoryIoException;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.config.Printable;
import org.dsdl.app.pipeline.PipelineRunner;
import org.dsdl.app.sweep.LocalSweepRunner;
import org.dsdl.app.sweep.SweepFile;
import org.dsdl.app.sweep.SweepJournal;
import org.dsdl.app.sweep.SweepManifest;
import org.dsdl.app.sweep.SweepPlan;
import org.dsdl.app.sweep.SweepPlanner;
import org.dsdl.app.sweep.SweepProgress;
import org.dsdl.app.sweep.SweepRun;
import org.dsdl.app.sweep.SweepRunner;
import org.dsdl.app.sweep.SweepRunnerProvider;
import org.dsdl.app.sweep.SweepRunnerSettings;
import org.dsdl.app.sweep.SweepSpec;
import org.dsdl.app.sweep.SweepTask;
import org.dsdl.app.sweep.findings.FindingsCsv;
import org.dsdl.app.sweep.findings.FindingsText;
import org.dsdl.app.sweep.findings.SweepFindings;
import org.dsdl.app.sweep.report.SweepReport;
import org.dsdl.app.sweep.results.ResultRow;
import org.dsdl.app.sweep.results.ResultsCsv;
import org.dsdl.app.sweep.results.ResultsWriter;
import org.dsdl.app.sweep.results.SummaryCsv;
import org.dsdl.app.sweep.results.SweepResults;
import org.dsdl.app.training.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dsdl sweep SWEEP}: runs a study (a base experiment × conditions × seeds) and aggregates it:
 * every run is resolved before any starts, runs go on when one fails, and the sweep directory ends
 * with {@code results.csv}, {@code summary.csv}, {@code findings.csv} and {@code report.html} beside
 * the run directories (and {@code results.parquet} with the spark runner).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Run a sweep (a base experiment × grid/conditions × seeds), then write results.csv, summary.csv (mean, SD, 95% CI across seeds),"
        + " findings.csv (findings across seeds) and report.html; the spark runner adds results.parquet.")
public final class SweepCommand implements Callable<Integer> {
  /** The runners {@code --runner} accepts. */
  static final List<String> RUNNERS = List.of("local", "spark");
  private static final String LOCAL = "local";

  @Parameters(index = "0", arity = "0..1", paramLabel = "SWEEP", description = "sweep file, YAML or JSON (base:, seeds:, grid:, conditions:)")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", description = "sweep directory, new or empty (default: sweeps/NAME-TIMESTAMP)")
  Path out;

  @Option(names = "--runner", paramLabel = "NAME", description = "where runs run: local (this machine; the default) or spark (Apache Spark: embedded local[N], or --master)")
  String runner = "local";

  @Option(names = "--parallel", paramLabel = "N", description = "runs at a time on this machine (default: "
      + LocalSweepRunner.DEFAULT_PARALLEL + "); the cores are divided between them; embedded Spark runs local[N]")
  Integer parallel;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for --runner spark (default: local[N] in this process, N = --parallel)")
  String master;

  @Option(names = "--resume", paramLabel = "DIR", description = "continue a stopped or killed sweep: finished runs are kept, stopped ones continue")
  Path resume;

  @Option(names = "--no-progress", description = "no progress bar (it is also off when not on a terminal)")
  boolean noProgress;

  @Mixin
  PluginOptions plugins = new PluginOptions();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private final ConfigLoader loader;
  private final SweepPlanner planner;
  private final PipelineRunner pipeline;

  /** Created by picocli through Guice. */
  @Inject
  public SweepCommand(ConfigLoader loader, SweepPlanner planner, PipelineRunner pipeline) {
    this.loader = loader;
    this.planner = planner;
    this.pipeline = pipeline;
  }

  @Override
  public Integer call() {
    if (!RUNNERS.contains(runner)) {
      throw DsdlException.badInput("--runner '" + Printable.of(runner, 40) + "' is not available; runners: " + String.join(", ", RUNNERS));
    }
    SweepRunnerProvider external = runner.equals(LOCAL) ? null : provider(runner);
    if (master != null && external == null) {
      throw DsdlException.badInput("--master is for --runner spark; the local runner runs on this machine");
    }
    if (parallel != null && parallel < 1) {
      throw DsdlException.badInput("--parallel must be at least 1, got " + parallel);
    }
    int runsAtATime = parallel != null ? parallel : LocalSweepRunner.DEFAULT_PARALLEL;
    int threads = LocalSweepRunner.threadsPerRun(runsAtATime, Runtime.getRuntime().availableProcessors());
    StopSignal stop = new StopSignal();
    SweepManifest stored = null;
    SweepPlan plan;
    Path dir;
    if (resume != null) {
      if (file != null || out != null) {
        throw DsdlException.badInput("--resume continues a sweep with its own sweep file: give no SWEEP or --out with it");
      }
      stored = SweepJournal.read(resume);
      String where = resume.resolve(SweepJournal.MANIFEST).toString();
      SweepSpec sweep = SweepFile.fromStored(stored.spec(), where);
      plan = planner.plan(sweep, where, plugins.absolute(), threads);
      dir = resume;
    } else {
      if (file == null) {
        throw DsdlException.badInput("give a SWEEP file (or --resume DIR); examples/density-sweep.yaml is one");
      }
      SweepSpec sweep = SweepFile.read(file, loader);
      plan = planner.plan(sweep, "sweep file '" + file + "'", plugins.absolute(), threads);
      dir = out != null ? out : Path.of("sweeps", sweep.name() + "-"
          + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
      SweepJournal.requireNewOrEmpty(dir); // before a runner starts: refusing costs no Spark start-up
    }
    boolean bar = !noProgress && System.console() != null;
    SweepRunnerSettings settings = new SweepRunnerSettings(plan.spec().name(), runsAtATime, master, new SweepTask(pipeline),
        bar ? ended -> new SweepProgress(plan.runs().size(), ended) : null);
    // the runner starts before the sweep directory is written: one that cannot start leaves nothing behind
    try (SweepRunner started = external == null ? new LocalSweepRunner(settings.task(), runsAtATime, settings.progress())
        : external.start(settings)) {
      Interrupts.onStopSignals(stop);
      SweepJournal journal = stored != null ? SweepJournal.reopen(dir, stored, plan, runner, runsAtATime)
          : SweepJournal.create(dir, plan, runner, runsAtATime);
      return run(started, plan, journal, stop);
    } catch (IOException e) {
      throw new RunDirectoryIoException(dir, e);
    }
  }

  /** The runner {@code name} from the class path, or a clear refusal when this launcher does not carry it. */
  private static SweepRunnerProvider provider(String name) {
    for (SweepRunnerProvider p : ServiceLoader.load(SweepRunnerProvider.class)) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw DsdlException.badInput("--runner '" + name + "' is not available in this launcher, which carries the local runner only: the "
        + name + " runner is the optional module sweep-" + name + "; ./dsdl sweep --runner " + name + " starts its launcher (sweep-" + name
        + "/dsdl-" + name + ") once it is built (mvn -pl sweep-" + name + " -am package -DskipTests)");
  }

  private Integer run(SweepRunner started, SweepPlan plan, SweepJournal journal, StopSignal stop) throws IOException {
    try (journal) {
      started.run(plan, journal, stop);
      List<SweepRun> runs = plan.runs().stream().map(SweepPlan.Planned::run).toList();
      List<ResultRow> rows = SweepResults.collect(runs, r -> journal.runDirectory(r.name()));
      List<String> outputs = new ArrayList<>();
      List<ResultsWriter> writers = new ArrayList<>(List.of(new ResultsCsv(), new SummaryCsv(), new FindingsCsv(), new SweepReport()));
      writers.addAll(started.resultsWriters());
      for (ResultsWriter w : writers) {
        w.write(journal.path(), runs, rows).forEach(p -> outputs.add(journal.path().relativize(p).toString()));
      }
      SweepManifest m = journal.manifest();
      long completed = m.runs().stream().filter(e -> e.status() == RunStatus.COMPLETED && Integer.valueOf(ExitCodes.OK).equals(e.exitCode())).count();
      long failed = m.runs().stream().filter(SweepManifest.Entry::finished).count() - completed;
      RunStatus status = stop.requested() || completed + failed < m.runs().size() ? RunStatus.INTERRUPTED
          : failed > 0 ? RunStatus.FAILED : RunStatus.COMPLETED;
      journal.finish(status, outputs);
      var o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "%s: %d runs: %d completed, %d failed or with probe failures, %d not finished; %s (%,d rows), %s; %.1f s%n",
          Printable.of(journal.path()), m.runs().size(), completed, failed, m.runs().size() - completed - failed, ResultsCsv.FILE, rows.size(),
          SummaryCsv.FILE, journal.manifest().seconds());
      FindingsText.lines(Printable.of(journal.path().resolve(FindingsCsv.FILE)),
          SweepFindings.aggregate(runs, SweepFindings.collect(runs, r -> journal.runDirectory(r.name())))).forEach(o::println);
      o.flush();
      if (status == RunStatus.INTERRUPTED) {
        spec.commandLine().getErr().println("dsdl: the sweep was stopped; continue it with: dsdl sweep --resume " + Printable.of(journal.path()));
        return stop.requested() ? stop.exitCode() : ExitCodes.INTERRUPTED;
      }
      if (status == RunStatus.FAILED) {
        m.runs().stream().filter(e -> e.finished() && !Integer.valueOf(ExitCodes.OK).equals(e.exitCode())).forEach(e -> spec.commandLine().getErr()
            .println("dsdl: run " + e.name() + ": " + (e.status() == RunStatus.FAILED ? "failed: " + Printable.of(e.error())
                : "probe failures (listed in its run.json)")));
        return ExitCodes.PROBE_FAILED;
      }
      return ExitCodes.OK;
    }
  }
}
