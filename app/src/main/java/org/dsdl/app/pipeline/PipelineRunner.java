package org.dsdl.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dsdl.api.data.Split;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.model.Engine;
import org.dsdl.api.model.EngineProvider;
import org.dsdl.api.model.Model;
import org.dsdl.api.model.StepResult;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunStatus;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.app.DsdlException;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.Versions;
import org.dsdl.app.config.ExperimentConfig;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.RunDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment: prepares data, builds the model, trains it, measures every checkpoint with
 * every probe, and renders the run with every visualizer.
 */
public final class PipelineRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
  private final ReportRenderer renderer;

  /** Creates a runner. */
  @Inject
  public PipelineRunner(ReportRenderer renderer) {
    this.renderer = renderer;
  }

  /** A probe of this run with its name. */
  private record ActiveProbe(String name, Probe probe) {}

  /**
   * Runs the plan into {@code out}.
   *
   * @param force replace a previous run in {@code out}
   * @param progress where to report progress
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public RunOutcome run(ExperimentPlan plan, Path out, boolean force, Progress progress) {
    RunDirectory.check(out, force);
    long started = System.nanoTime();
    ExperimentConfig cfg = plan.config();
    Seeds seeds = new Seeds(cfg.seed());
    PreparedData data = PreparedData.prepare(plan, seeds);
    LOG.info("dataset '{}': {} classes {}, {} training + {} held-out exemplars of {}; probe set {}",
        plan.dataset().alias(), data.dataset().classes(), data.dataset().classNames(), data.dataset().train().size(),
        data.dataset().test().size(), data.dataset().shape(), data.probeSet().size());

    Engine engine = ((EngineProvider) plan.engine().plugin().provider()).create(plan.engine().parameters());
    List<ActiveProbe> probes = new ArrayList<>();
    List<String> available = data.captureLayers(cfg.probeSet().layers());
    Set<String> wanted = new LinkedHashSet<>();
    boolean wholeMaps = false;
    for (PluginUse use : plan.probes()) {
      Probe p;
      try {
        p = ((ProbeProvider) use.plugin().provider()).create(use.parameters(),
            new ProbeContext(use.alias(), data.dataset().classNames(), data.model().layers(), Seeds.mix(seeds.probes(), probes.size())));
      } catch (RuntimeException e) {
        throw DsdlException.badInput("probe '" + use.alias() + "' could not be created: " + e.getMessage(), e);
      }
      LayerSelection sel = p.layers();
      wanted.addAll(sel.all() ? available : sel.names().stream().filter(available::contains).toList());
      wholeMaps |= sel.wholeMaps();
      probes.add(new ActiveProbe(use.alias(), p));
    }
    CaptureRequest capture = new CaptureRequest(List.copyOf(wanted), wholeMaps);

    Split train = data.dataset().train();
    int batch = cfg.training().batchSize();
    long stepsPerEpoch = (train.size() + batch - 1) / batch;
    CheckpointSchedule schedule = CheckpointSchedule.of(stepsPerEpoch, cfg.training().epochs(),
        cfg.checkpoints().perEpoch(), cfg.checkpoints().earlyLogSpaced());

    RunState state = new RunState(plan, seeds, data, engine.version());
    try (RunDirectory dir = RunDirectory.create(out, force);
        Model model = engine.build(data.model(), plan.optimizer(), seeds.init())) {
      state.model = new Manifest.ModelSummary(data.model().name(), plan.engine().plugin().name() + " — " + engine.version(),
          data.model().layers(), model.parameterCount(), data.model().forwardMacs(), data.model().convBlocks(), data.model().dense());
      LOG.info("model {}: {} trainable parameters, {} layers; {} steps, {} checkpoints", data.model().name(),
          String.format(Locale.ROOT, "%,d", model.parameterCount()), data.model().layers().size(), schedule.totalSteps(), schedule.size());
      dir.writeManifest(state.manifest(RunStatus.RUNNING, started));

      float[] xb = new float[batch * train.shape().size()];
      int[] yb = new int[batch];
      int size = train.shape().size();
      LearningRateSchedule rates = new LearningRateSchedule(cfg.training().schedule(), plan.optimizer().learningRate(),
          cfg.training().minLearningRateFactor(), schedule.totalSteps());
      progress.start(schedule.totalSteps(), schedule.size());
      int next = 0;
      long step = 0;
      int[] order = null;
      String failure = null;
      while (true) {
        if (next < schedule.size() && schedule.steps().get(next) == step) {
          long t0 = System.nanoTime();
          long seen = samplesSeen(step, stepsPerEpoch, batch, train.size());
          Checkpoint cp = new Checkpoint(next, step, seen / (double) train.size(), seen);
          measure(model, cp, data, capture, probes, dir, state);
          state.checkpointSeconds += (System.nanoTime() - t0) / 1e9;
          state.checkpoints.add(new Manifest.CheckpointEntry(cp.index(), cp.step(), cp.epoch(), cp.samplesSeen(), (System.nanoTime() - started) / 1e9));
          dir.writeManifest(state.manifest(RunStatus.RUNNING, started));
          progress.checkpoint(next, state.lastSummary);
          next++;
        }
        if (step >= schedule.totalSteps()) {
          break;
        }
        long t0 = System.nanoTime();
        int epoch = (int) (step / stepsPerEpoch);
        int inEpoch = (int) (step % stepsPerEpoch);
        if (inEpoch == 0) {
          order = Sampling.epochOrder(train.size(), seeds.shuffle(), epoch);
        }
        int from = inEpoch * batch;
        int count = Math.min(batch, train.size() - from);
        for (int k = 0; k < count; k++) {
          int i = order[from + k];
          System.arraycopy(train.images(), i * size, xb, k * size, size);
          yb[k] = train.labels()[i];
        }
        double lr = rates.at(step);
        StepResult r = model.trainStep(xb, yb, count, lr);
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

      if (failure == null) {
        for (ActiveProbe p : probes) {
          try {
            dir.append(p.probe().finish());
          } catch (RuntimeException e) {
            state.failure(p.name(), -1, e);
          }
        }
      } else {
        LOG.error(failure);
      }
      RunStatus status = failure == null ? RunStatus.COMPLETED : RunStatus.FAILED;
      state.error = failure;
      dir.writeManifest(state.manifest(status, started));
      dir.close();
      long v0 = System.nanoTime();
      String vizError = renderer.render(out, plan.visualizers());
      state.visualizerSeconds = (System.nanoTime() - v0) / 1e9;
      if (vizError != null && failure == null) {
        state.error = vizError;
        status = RunStatus.FAILED;
      }
      Manifest last = state.manifest(status, started);
      dir.writeManifest(last);
      int code = status == RunStatus.FAILED ? ExitCodes.RUN_FAILED : state.failures.isEmpty() ? ExitCodes.OK : ExitCodes.PROBE_FAILED;
      return new RunOutcome(code, out, last);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the run directory " + out + " failed", e);
    }
  }

  /** Training exemplars consumed after {@code step} steps (the last batch of an epoch may be short). */
  static long samplesSeen(long step, long stepsPerEpoch, int batch, int trainSize) {
    long epochs = step / stepsPerEpoch;
    long rest = step % stepsPerEpoch;
    return epochs * trainSize + Math.min(rest * batch, trainSize);
  }

  private void measure(Model model, Checkpoint cp, PreparedData data, CaptureRequest capture, List<ActiveProbe> probes,
      RunDirectory dir, RunState state) throws IOException {
    Map<String, Evaluation> evals = new LinkedHashMap<>();
    evals.put("test", model.evaluate("test", data.dataset().test()));
    if (data.trainEval().size() > 0) {
      evals.put("train", model.evaluate("train", data.trainEval()));
    }
    Capture c = model.capture(data.probeSet(), capture);
    Snapshot snapshot = new Snapshot(cp, data.dataset().classNames(), data.probeSet().labels(), data.probeSet().ids(),
        c.logits(), c.layers(), evals);
    for (ActiveProbe p : probes) {
      long t0 = System.nanoTime();
      try {
        List<Measurement> ms = p.probe().measure(snapshot);
        dir.append(ms);
      } catch (RuntimeException e) {
        state.failure(p.name(), cp.index(), e);
      }
      state.probeSeconds.merge(p.name(), (System.nanoTime() - t0) / 1e9, Double::sum);
    }
    Evaluation test = evals.get("test");
    state.lastSummary = String.format(Locale.ROOT, "test acc %.3f", test.accuracy());
    LOG.debug("checkpoint {} step {} epoch {}: test loss {} accuracy {}", cp.index(), cp.step(),
        String.format(Locale.ROOT, "%.2f", cp.epoch()), String.format(Locale.ROOT, "%.4f", test.loss()), String.format(Locale.ROOT, "%.4f", test.accuracy()));
  }

  /** What the manifest says as the run goes. */
  private static final class RunState {
    final ExperimentPlan plan;
    final Seeds seeds;
    final PreparedData data;
    final String engineVersion;
    Manifest.ModelSummary model;
    final List<Manifest.CheckpointEntry> checkpoints = new ArrayList<>();
    final List<Manifest.ProbeFailure> failures = new ArrayList<>();
    final Map<String, Double> probeSeconds = new LinkedHashMap<>();
    double trainingSeconds;
    double sessionSeconds;
    double checkpointSeconds;
    double visualizerSeconds;
    long samples;
    String error;
    String lastSummary = "";

    RunState(ExperimentPlan plan, Seeds seeds, PreparedData data, String engineVersion) {
      this.plan = plan;
      this.seeds = seeds;
      this.data = data;
      this.engineVersion = engineVersion;
    }

    void failure(String probe, int checkpoint, RuntimeException e) {
      String message = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.warn("probe '{}' failed at checkpoint {}: {}", probe, checkpoint, message);
      LOG.debug("probe failure", e);
      failures.add(new Manifest.ProbeFailure(probe, checkpoint, message));
    }

    Manifest manifest(RunStatus status, long started) {
      Map<String, Long> seedMap = new LinkedHashMap<>();
      seedMap.put("dataset", seeds.dataset());
      seedMap.put("init", seeds.init());
      seedMap.put("shuffle", seeds.shuffle());
      seedMap.put("sampling", seeds.sampling());
      seedMap.put("probes", seeds.probes());
      JsonNode config = plan.resolved();
      Manifest.Timings timings = new Manifest.Timings((System.nanoTime() - started) / 1e9, trainingSeconds, sessionSeconds,
          checkpointSeconds, Map.copyOf(probeSeconds), visualizerSeconds, trainingSeconds == 0 ? 0 : samples / trainingSeconds);
      return new Manifest(Manifest.FORMAT, plan.config().name(), status, seeds.master(), seedMap,
          Versions.all(engineVersion), config, data.summary(plan.dataset().plugin().name()), model,
          List.copyOf(checkpoints), List.copyOf(failures), timings, error);
    }
  }
}
