package org.dsdl.app.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.Versions;
import org.dsdl.app.rundir.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the manifest says as a run goes: checkpoints, failures and timings, carried across a resume. */
final class RunState {
  private static final Logger LOG = LoggerFactory.getLogger(RunState.class);
  final ExperimentPlan plan;
  final Seeds seeds;
  final String engineVersion;
  /** Fixed for the run: computed once, not at every manifest write. */
  final Manifest.DatasetSummary datasetSummary;
  Manifest.ModelSummary model;
  final List<Manifest.CheckpointEntry> checkpoints = new ArrayList<>();
  final List<Manifest.ProbeFailure> failures = new ArrayList<>();
  final Map<String, Double> probeSeconds = new LinkedHashMap<>();
  double trainingSeconds;
  double sessionSeconds;
  double checkpointSeconds;
  double visualizerSeconds;
  /** Wall seconds of earlier sessions of this run (before a resume). */
  double earlierSeconds;
  long samples;
  String error;
  /** What each probe declares it records, by its name in this run. */
  final Map<String, List<Manifest.DeclaredMetric>> probeMetrics;
  /** The visualizers' files, relative to the run directory, once they have run. */
  List<String> outputs;
  String lastSummary = "";

  RunState(ExperimentPlan plan, Seeds seeds, PreparedData data, String engineVersion) {
    this.plan = plan;
    this.seeds = seeds;
    this.engineVersion = engineVersion;
    this.datasetSummary = data.summary(plan.dataset().plugin().name());
    Map<String, org.dsdl.api.probe.ProbeProvider<?>> probes = new LinkedHashMap<>();
    plan.probes().forEach(u -> probes.put(u.alias(), (org.dsdl.api.probe.ProbeProvider<?>) u.plugin().provider()));
    this.probeMetrics = Manifest.DeclaredMetric.byProbe(probes);
  }

  void failure(String probe, int checkpoint, RuntimeException e) {
    String message = e instanceof ProbeExecutor.ProbeCallFailed ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    if (e instanceof ProbeExecutor.ProbeCallFailed f && f.notCalled) {
      LOG.debug("probe '{}' not called at checkpoint {}: {}", probe, checkpoint, message); // warned when it was stopped
    } else {
      LOG.warn("probe '{}' failed at checkpoint {}: {}", probe, checkpoint, message);
    }
    LOG.debug("probe failure", e);
    failures.add(new Manifest.ProbeFailure(probe, checkpoint, message));
  }

  double elapsed(long startedNanos) {
    return earlierSeconds + (System.nanoTime() - startedNanos) / 1e9;
  }

  Manifest manifest(RunStatus status, long startedNanos) {
    Map<String, Long> seedMap = new LinkedHashMap<>();
    seedMap.put("dataset", seeds.dataset());
    seedMap.put("init", seeds.init());
    seedMap.put("shuffle", seeds.shuffle());
    seedMap.put("sampling", seeds.sampling());
    seedMap.put("probes", seeds.probes());
    Manifest.Timings timings = new Manifest.Timings(elapsed(startedNanos), trainingSeconds, sessionSeconds,
        checkpointSeconds, Map.copyOf(probeSeconds), visualizerSeconds, trainingSeconds == 0 ? 0 : samples / trainingSeconds);
    return new Manifest(Manifest.FORMAT, plan.config().name(), status, seeds.master(), seedMap,
        Versions.all(engineVersion), plan.resolved(), datasetSummary, model,
        List.copyOf(checkpoints), List.copyOf(failures), timings, error, outputs == null ? null : List.copyOf(outputs),
        probeMetrics);
  }
}
