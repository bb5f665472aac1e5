package org.dsdl.app.pipeline;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.model.Engine;
import org.dsdl.app.DsdlException;
import org.dsdl.app.checkpoint.NamedVisualizer;
import org.dsdl.app.config.ExperimentConfig;
import org.dsdl.app.plugin.PluginUse;
import org.dsdl.app.render.VisualizerFactory;
import org.dsdl.app.training.BatchFeeder;
import org.dsdl.app.training.CheckpointSchedule;
import org.dsdl.app.training.LearningRateSchedule;
import org.dsdl.app.training.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads a plan's data and creates its engine, probes and visualizers: a {@link RunSetup}, or one clear error before training. */
public final class RunSetupFactory {
  private static final Logger LOG = LoggerFactory.getLogger(RunSetupFactory.class);
  private final EngineFactory engines;
  private final VisualizerFactory visualizers;

  /** A factory whose engines and visualizers these make. */
  @Inject
  public RunSetupFactory(EngineFactory engines, VisualizerFactory visualizers) {
    this.engines = engines;
    this.visualizers = visualizers;
  }

  /** Loads data, creates the engine and the probes (without work directories); any bad input fails here. */
  public RunSetup create(ExperimentPlan plan) {
    return create(plan, null);
  }

  /**
   * As {@link #create(ExperimentPlan)}, for a run written to {@code runDir}: each probe's work
   * directory is {@code runDir/state/probes/NAME} (none when {@code runDir} is null).
   */
  public RunSetup create(ExperimentPlan plan, Path runDir) {
    ExperimentConfig cfg = plan.config();
    Seeds seeds = new Seeds(cfg.seed());
    PreparedData data = PreparedData.prepare(plan, seeds);
    LOG.info("dataset '{}': {} classes {}, {} training + {} held-out exemplars of {}; probe set {}",
        plan.dataset().alias(), data.dataset().classes(), data.dataset().classNames(), data.dataset().train().size(),
        data.dataset().test().size(), data.dataset().shape(), data.probeSet().size());
    Engine engine = engines.create(plan.engine());
    BatchFeeder feeder = new BatchFeeder(data.dataset().train(), cfg.training().batchSize(), seeds.shuffle());
    CheckpointSchedule schedule = schedule(plan, feeder.stepsPerEpoch());
    RunSetup.Probes probes = RunSetup.createProbes(plan, seeds, data, runDir, schedule.steps());
    LearningRateSchedule rates = new LearningRateSchedule(cfg.training().schedule(), plan.optimizer().learningRate(),
        cfg.training().minLearningRateFactor(), schedule.totalSteps(), cfg.training().stepEpochs() * feeder.stepsPerEpoch(),
        cfg.training().stepFactor());
    return new RunSetup(plan, seeds, data, engine, probes.probes(), probes.capture(), schedule, feeder, rates, createVisualizers(plan));
  }

  /**
   * The schedule of {@code plan}'s training and checkpoint settings, for epochs of
   * {@code stepsPerEpoch} steps; a refusal names the config it came from.
   */
  public static CheckpointSchedule schedule(ExperimentPlan plan, long stepsPerEpoch) {
    var training = plan.config().training();
    var checkpoints = plan.config().checkpoints();
    try {
      return CheckpointSchedule.of(stepsPerEpoch, training.length(), checkpoints.spacing(), checkpoints.earlyLogSpaced());
    } catch (DsdlException e) {
      throw DsdlException.badInput(plan.source() + ": " + e.getMessage(), e);
    }
  }

  /** One instance of each configured visualizer, for the checkpoint hooks during a run. */
  private List<NamedVisualizer> createVisualizers(ExperimentPlan plan) {
    List<NamedVisualizer> out = new ArrayList<>();
    for (PluginUse use : plan.visualizers()) {
      try {
        out.add(new NamedVisualizer(use.alias(), visualizers.create(use)));
      } catch (RuntimeException e) {
        throw DsdlException.badInput("visualizer '" + use.alias() + "' could not be created: " + e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }
}
