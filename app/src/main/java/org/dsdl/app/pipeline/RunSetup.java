package org.dsdl.app.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dsdl.api.model.Engine;
import org.dsdl.api.model.EngineProvider;
import org.dsdl.api.model.Model;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.ExperimentConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything fixed for a run before training: data, engine, probes, the layers to capture, the
 * checkpoint and learning-rate schedules and the batch feeder. Shared by runs and benchmarks so
 * both measure the same thing.
 *
 * @param plan the resolved experiment
 * @param seeds the derived seeds
 * @param data the loaded data
 * @param engine the engine
 * @param probes the probes, with their names
 * @param capture the union of the probes' layer needs
 * @param schedule the checkpoint schedule
 * @param feeder the minibatch feeder
 * @param rates the learning-rate schedule
 * @param visualizers one instance of each visualizer, for its checkpoint hook
 */
public record RunSetup(ExperimentPlan plan, Seeds seeds, PreparedData data, Engine engine, List<NamedProbe> probes,
    CaptureRequest capture, CheckpointSchedule schedule, BatchFeeder feeder, LearningRateSchedule rates,
    List<NamedVisualizer> visualizers) {
  private static final Logger LOG = LoggerFactory.getLogger(RunSetup.class);

  /**
   * A probe of this run with the name its measurements are recorded under.
   *
   * @param name the name
   * @param probe the probe
   */
  public record NamedProbe(String name, Probe probe) {}

  /**
   * A visualizer of this run, for its checkpoint hook.
   *
   * @param name its name in the config
   * @param visualizer the instance
   */
  public record NamedVisualizer(String name, org.dsdl.api.viz.Visualizer visualizer) {}

  /** One instance of each configured visualizer, for the checkpoint hooks during a run. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<NamedVisualizer> createVisualizers(ExperimentPlan plan) {
    List<NamedVisualizer> out = new ArrayList<>();
    for (PluginUse use : plan.visualizers()) {
      try {
        out.add(new NamedVisualizer(use.alias(),
            ((org.dsdl.api.viz.VisualizerProvider) use.plugin().provider()).create(use.parameters())));
      } catch (RuntimeException e) {
        throw DsdlException.badInput("visualizer '" + use.alias() + "' could not be created: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Loads data, creates the engine and the probes; any bad input fails here, before training. */
  public static RunSetup of(ExperimentPlan plan) {
    return of(plan, null);
  }

  /** The folder of a run directory under which each probe gets its work directory. */
  public static final String PROBE_WORK = "state/probes";

  /**
   * As {@link #of(ExperimentPlan)}, for a run written to {@code runDir}: each probe's work
   * directory is {@code runDir/state/probes/NAME} (none when {@code runDir} is null).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static RunSetup of(ExperimentPlan plan, java.nio.file.Path runDir) {
    ExperimentConfig cfg = plan.config();
    Seeds seeds = new Seeds(cfg.seed());
    PreparedData data = PreparedData.prepare(plan, seeds);
    LOG.info("dataset '{}': {} classes {}, {} training + {} held-out exemplars of {}; probe set {}",
        plan.dataset().alias(), data.dataset().classes(), data.dataset().classNames(), data.dataset().train().size(),
        data.dataset().test().size(), data.dataset().shape(), data.probeSet().size());
    Engine engine = ((EngineProvider) plan.engine().plugin().provider()).create(plan.engine().parameters());
    Probes probes = createProbes(plan, seeds, data, runDir);
    BatchFeeder feeder = new BatchFeeder(data.dataset().train(), cfg.training().batchSize(), seeds.shuffle());
    CheckpointSchedule schedule = CheckpointSchedule.of(plan, feeder.stepsPerEpoch());
    LearningRateSchedule rates = new LearningRateSchedule(cfg.training().schedule(), plan.optimizer().learningRate(),
        cfg.training().minLearningRateFactor(), schedule.totalSteps(), cfg.training().stepEpochs() * feeder.stepsPerEpoch(),
        cfg.training().stepFactor());
    return new RunSetup(plan, seeds, data, engine, probes.probes(), probes.capture(), schedule, feeder, rates,
        List.copyOf(createVisualizers(plan)));
  }

  /**
   * The probes of a run and what to capture for them.
   *
   * @param probes the probes, in config order
   * @param capture the union of their layer needs
   */
  public record Probes(List<NamedProbe> probes, CaptureRequest capture) {
    /** Copies the list. */
    public Probes {
      probes = List.copyOf(probes);
    }
  }

  /**
   * Creates the plan's probes (each with its work directory under {@code runDir}, none when null)
   * and checks the layers each names: a layer the model lacks, or one {@code probeSet.layers}
   * leaves out, would be measured by nothing, so it is refused naming the layers there are.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Probes createProbes(ExperimentPlan plan, Seeds seeds, PreparedData data, java.nio.file.Path runDir) {
    List<String> configured = plan.config().probeSet().layers();
    List<String> available = data.captureLayers(configured);
    List<String> model = data.model().layers().stream().map(org.dsdl.api.model.LayerInfo::name).toList();
    List<NamedProbe> probes = new ArrayList<>();
    Set<String> wanted = new LinkedHashSet<>();
    boolean wholeMaps = false;
    for (PluginUse use : plan.probes()) {
      Probe p;
      try {
        p = ((ProbeProvider) use.plugin().provider()).create(use.parameters(),
            new ProbeContext(use.alias(), data.dataset().classNames(), data.model().layers(), Seeds.mix(seeds.probes(), probes.size()),
                runDir == null ? null : runDir.resolve(PROBE_WORK).resolve(use.alias())));
      } catch (RuntimeException | LinkageError e) { // a LinkageError: a class missing from the plugin's folder
        throw DsdlException.badInput("probe '" + use.alias() + "' could not be created: "
            + (e instanceof LinkageError ? e.getClass().getSimpleName() + ": " : "") + e.getMessage(), e);
      }
      LayerSelection sel = p.layers();
      if (!sel.all()) {
        for (String name : new java.util.TreeSet<>(sel.names())) {
          String where = plan.source() + ": probes[" + probes.size() + "] (" + use.alias() + ") asks for layer '" + name + "'";
          if (!model.contains(name)) {
            throw DsdlException.badInput(where + ", which the model does not have; its layers are " + model);
          }
          if (!available.contains(name)) {
            throw DsdlException.badInput(where + ", which probeSet.layers " + configured + " does not capture"
                + (configured.contains("all") ? " (all: every convolution, dense layer and the logits)" : "") + "; captured are " + available);
          }
        }
      }
      wanted.addAll(sel.all() ? available : available.stream().filter(sel.names()::contains).toList());
      wholeMaps |= sel.wholeMaps();
      probes.add(new NamedProbe(use.alias(), p));
    }
    return new Probes(probes, new CaptureRequest(List.copyOf(wanted), wholeMaps));
  }

  /** Builds the model with its seeded initial weights. */
  public Model buildModel() {
    return engine.build(data.model(), plan.optimizer(), seeds.init());
  }

  /** The checkpoint after {@code step} steps, numbered {@code index}. */
  public Checkpoint checkpoint(int index, long step) {
    long seen = feeder.samplesSeen(step);
    return new Checkpoint(index, step, seen / (double) data.dataset().train().size(), seen);
  }

  /** Evaluates held-out and training-evaluation exemplars and captures the probe set: what probes see. */
  public Snapshot snapshot(Model model, Checkpoint cp) {
    Map<String, Evaluation> evals = new LinkedHashMap<>();
    evals.put("test", model.evaluate("test", data.dataset().test()));
    if (data.trainEval().size() > 0) {
      evals.put("train", model.evaluate("train", data.trainEval()));
    }
    Capture c = model.capture(data.probeSet(), capture);
    return new Snapshot(cp, data.dataset().classNames(), data.probeSet().labels(), data.probeSet().ids(), c.logits(), c.layers(), evals);
  }
}
