package org.dsdl.app.cli;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Inject;
import java.nio.file.Files;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.sweep.SweepCheck;
import org.dsdl.app.sweep.SweepFile;
import org.dsdl.app.sweep.SweepPlanner;
import org.dsdl.app.sweep.SweepSpec;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dsdl.app.training.CheckpointSchedule;
import org.dsdl.app.pipeline.RunSetupFactory;
import org.dsdl.app.pipeline.ExperimentPlan;
import org.dsdl.app.pipeline.PreparedData;
import org.dsdl.app.pipeline.RunSetup;
import org.dsdl.app.training.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code dsdl validate CONFIG}: checks a config, its data, its model, its schedule and its probes
 * (the layers they name), prints the resolved experiment, trains nothing. Given a sweep file (a
 * mapping with a top-level {@code base:}), checks every run of the sweep and prints them.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a config (plugins, parameters, data, model, schedule, probe layers), print the resolved experiment; train nothing."
        + " Given a sweep file, check and list its runs.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin
  ExperimentOptions experiment;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private final ConfigLoader loader;
  private final SweepPlanner sweeps;

  /** Created by picocli through Guice. */
  @Inject
  public ValidateCommand(ConfigLoader loader, SweepPlanner sweeps) {
    this.loader = loader;
    this.sweeps = sweeps;
  }

  @Override
  public Integer call() throws Exception {
    if (experiment.config != null && Files.isRegularFile(experiment.config)
        && SweepFile.isSweep(loader.readDocument(experiment.config, "config file"))) {
      if (!experiment.overrides.isEmpty()) {
        throw DsdlException.badInput("--set applies to an experiment config, not to a sweep file; set keys in the sweep's base or conditions");
      }
      SweepSpec sweep = SweepFile.read(experiment.config, loader);
      SweepCheck.print(sweeps.plan(sweep, "sweep file '" + experiment.config + "'", experiment.plugins.absolute(), 0),
          spec.commandLine().getOut());
      return 0;
    }
    ExperimentPlan plan = experiment.plan();
    Seeds seeds = new Seeds(plan.config().seed());
    PreparedData data = PreparedData.prepare(plan, seeds);
    RunSetup.createProbes(plan, seeds, data, null, java.util.List.of());
    int batch = plan.config().training().batchSize();
    long stepsPerEpoch = (data.dataset().train().size() + batch - 1) / batch;
    CheckpointSchedule schedule = RunSetupFactory.schedule(plan, stepsPerEpoch);
    var out = spec.commandLine().getOut();
    out.print(new YAMLMapper().writeValueAsString(plan.resolved()));
    out.printf(Locale.ROOT, "# valid: %d classes, %d training + %d held-out exemplars of %s, probe set %d;"
            + " model %s with %,d parameters; %d steps, %d checkpoints%n",
        data.dataset().classes(), data.dataset().train().size(), data.dataset().test().size(), data.dataset().shape(),
        data.probeSet().size(), data.modelName(), data.model().parameterCount(), schedule.totalSteps(), schedule.size());
    out.flush();
    return 0;
  }
}
