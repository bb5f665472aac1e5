package org.dsdl.app.cli;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
 * (the layers they name), prints the resolved experiment, trains nothing.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a config (plugins, parameters, data, model, schedule, probe layers), print the resolved experiment; train nothing.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin
  ExperimentOptions experiment;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;


  @Override
  public Integer call() throws Exception {
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
