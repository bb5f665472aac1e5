package org.dsdl.app.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dsdl.api.model.Engine;
import org.dsdl.api.model.Model;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.app.DsdlException;
import org.dsdl.app.Versions;
import org.dsdl.app.checkpoint.CheckpointMeasurer;
import org.dsdl.app.checkpoint.NamedProbe;
import org.dsdl.app.checkpoint.NamedVisualizer;
import org.dsdl.app.checkpoint.ProbeSetCapture;
import org.dsdl.app.plugin.PluginUse;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.MeasurementSink;
import org.dsdl.app.rundir.RunHeader;
import org.dsdl.app.training.BatchFeeder;
import org.dsdl.app.training.CheckpointSchedule;
import org.dsdl.app.training.LearningRateSchedule;
import org.dsdl.app.training.Seeds;
import org.dsdl.app.training.TrainingLoop;

/**
 * Everything fixed for a run before training: data, engine, probes, the layers to capture, the
 * checkpoint and learning-rate schedules and the batch feeder; made by {@link RunSetupFactory}.
 * Shared by runs and benchmarks so both measure the same thing.
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

  /** The folder of a run directory under which each probe gets its work directory. */
  public static final String PROBE_WORK = "state/probes";

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
  public static Probes createProbes(ExperimentPlan plan, Seeds seeds, PreparedData data, Path runDir, List<Long> checkpointSteps) {
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
                runDir == null ? null : runDir.resolve(PROBE_WORK).resolve(use.alias()), checkpointSteps));
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

  /** What a checkpoint shows the probes. */
  public ProbeSetCapture probeSetCapture() {
    return new ProbeSetCapture(data.dataset().classNames(), data.dataset().test(), data.trainEval(), data.probeSet(), capture);
  }

  /** Evaluates held-out and training-evaluation exemplars and captures the probe set: what probes see. */
  public Snapshot snapshot(Model model, Checkpoint cp) {
    return probeSetCapture().take(model, cp);
  }

  /** The training loop over this run's schedule, batches and learning rates. */
  public TrainingLoop trainingLoop() {
    return new TrainingLoop(feeder, rates::at, schedule);
  }

  /** A measurer of this run's checkpoints, its measurements going to {@code sink}. */
  public CheckpointMeasurer measurer(Path runDir, MeasurementSink sink) {
    return new CheckpointMeasurer(probeSetCapture(), probes, visualizers, plan.config().checkpoints().probeBudgetSeconds(), runDir, sink);
  }

  /** What run.json says of this run whatever its progress, for {@code model} as built. */
  public RunHeader header(Model model) {
    Map<String, Long> seedMap = new LinkedHashMap<>();
    seedMap.put("dataset", seeds.dataset());
    seedMap.put("init", seeds.init());
    seedMap.put("shuffle", seeds.shuffle());
    seedMap.put("sampling", seeds.sampling());
    seedMap.put("probes", seeds.probes());
    var graph = data.model();
    var parameters = plan.model().architecture().resolved();
    var summary = new Manifest.ModelSummary(data.modelName(), plan.engine().plugin().name() + " — " + engine.version(),
        graph.layers(), model.parameterCount(), graph.forwardMacs(), graph.forwardFlops(), graph.trainingFlops(),
        Manifest.ModelSummary.blocksOf(parameters), Manifest.ModelSummary.denseOf(parameters));
    Map<String, org.dsdl.api.probe.ProbeProvider<?>> probes = new LinkedHashMap<>();
    plan.probes().forEach(u -> probes.put(u.alias(), (org.dsdl.api.probe.ProbeProvider<?>) u.plugin().provider()));
    return new RunHeader(plan.config().name(), seeds.master(), seedMap, Versions.all(engine.version()), plan.resolved(),
        data.summary(plan.dataset().plugin().name()), summary, Manifest.DeclaredMetric.byProbe(probes));
  }
}
