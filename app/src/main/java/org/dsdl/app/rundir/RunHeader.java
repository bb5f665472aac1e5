package org.dsdl.app.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.dsdl.api.run.RunStatus;

/**
 * What {@code run.json} says that stays fixed while a run goes: computed once, written with every
 * manifest.
 *
 * @param name the experiment's name
 * @param seed the master seed
 * @param seeds the seeds derived from it, by purpose
 * @param versions dsdl, engine, Java and OS versions
 * @param config the resolved config
 * @param dataset the dataset's summary
 * @param model the network's summary
 * @param probeMetrics what each probe declares it records, by its name in this run
 */
public record RunHeader(String name, long seed, Map<String, Long> seeds, Map<String, String> versions, JsonNode config,
    Manifest.DatasetSummary dataset, Manifest.ModelSummary model, Map<String, List<Manifest.DeclaredMetric>> probeMetrics) {

  /** A header without declared metrics, as in tests. */
  public RunHeader(String name, long seed, Map<String, Long> seeds, Map<String, String> versions, JsonNode config,
      Manifest.DatasetSummary dataset, Manifest.ModelSummary model) {
    this(name, seed, seeds, versions, config, dataset, model, Map.of());
  }

  /**
   * The manifest of a run at {@code progress}.
   *
   * @param status where the run stands
   * @param elapsedSeconds wall seconds of the run so far, all sessions
   * @param visualizerSeconds seconds the visualizers took at the end (0 before)
   * @param error why the run failed or stopped, or null
   * @param outputs the visualizers' files relative to the run directory, or null before they ran
   */
  public Manifest manifest(RunStatus status, RunProgress progress, double elapsedSeconds, double visualizerSeconds, String error,
      List<String> outputs) {
    Manifest.Timings timings = new Manifest.Timings(elapsedSeconds, progress.trainingSeconds(), progress.sessionSeconds(),
        progress.checkpointSeconds(), Map.copyOf(progress.probeSeconds()), visualizerSeconds, progress.samplesPerSecond());
    return new Manifest(Manifest.FORMAT, name, status, seed, seeds, versions, config, dataset, model, progress.checkpoints(),
        progress.failures(), timings, error, outputs == null ? null : List.copyOf(outputs), probeMetrics);
  }
}
