package org.dsdl.app.rundir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dsdl.api.measure.MeasurementKind;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.probe.MetricRole;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.run.RunStatus;
import org.slf4j.LoggerFactory;

/**
 * {@code run.json}: everything needed to understand and rerun a run. Its layout is a contract with
 * tools outside dsdl; {@code format} changes when it does.
 *
 * @param format layout version of this file
 * @param name the experiment's name
 * @param status where the run stands
 * @param seed the master seed
 * @param seeds the seeds derived from it, by purpose
 * @param versions dsdl, engine, Java and OS versions
 * @param config the resolved config (defaults and overrides applied, plugin parameters filled in)
 * @param dataset what was trained and probed on
 * @param model the network
 * @param checkpoints the checkpoints measured so far
 * @param probeFailures probes that threw, per checkpoint
 * @param timings wall-clock totals in seconds
 * @param error why the run failed, or null
 * @param outputs the files the visualizers wrote at the end, relative to the run directory; null
 *     until they have run (a run killed while rendering is rendered by {@code --resume})
 * @param probeMetrics the metrics each probe declared, by probe name as in the measurements; absent
 *     (null) in runs written before declarations were recorded, which a reader tells by that
 */
public record Manifest(
    int format,
    String name,
    RunStatus status,
    long seed,
    Map<String, Long> seeds,
    Map<String, String> versions,
    JsonNode config,
    DatasetSummary dataset,
    ModelSummary model,
    List<CheckpointEntry> checkpoints,
    List<ProbeFailure> probeFailures,
    Timings timings,
    String error,
    List<String> outputs,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<DeclaredMetric>> probeMetrics) {

  /** The layout version this dsdl writes and reads. */
  public static final int FORMAT = 1;

  /**
   * The dataset's summary.
   *
   * @param plugin the dataset plugin
   * @param classes class names
   * @param shape image shape as [height, width, channels]
   * @param trainPerClass training exemplars per class
   * @param testPerClass held-out exemplars per class
   * @param trainIdsSha256 hash of the training ids, in order
   * @param testIdsSha256 hash of the held-out ids, in order
   * @param contentSha256 hash of every pixel and label of both splits, in order
   * @param probeSetSize exemplars in the probe set
   * @param probeSetIdsSha256 hash of the probe set's ids, in order
   * @param provenance the plugin's own facts
   */
  public record DatasetSummary(String plugin, List<String> classes, List<Integer> shape, List<Integer> trainPerClass,
      List<Integer> testPerClass, String trainIdsSha256, String testIdsSha256, String contentSha256, int probeSetSize, String probeSetIdsSha256,
      Map<String, Object> provenance) {}

  /**
   * The network's summary.
   *
   * @param spec the preset, {@code PRESET+custom}, or the architecture's name
   * @param engine engine name and version
   * @param layers every layer with shape and parameter count
   * @param parameterCount trainable parameters, as allocated by the engine
   * @param forwardMacsPerSample multiply-accumulates of one forward pass
   * @param forwardFlopsPerSample floating-point operations of one forward pass (2 per multiply-accumulate)
   * @param trainingFlopsPerSample of one training step per sample, ≈ 3 × forward (forward, and backward for inputs and weights)
   * @param blocks convolution widths by block, for an architecture with a {@code blocks} parameter (vgg); else null
   * @param dense hidden dense widths, for an architecture with a {@code dense} parameter (vgg); else null
   */
  public record ModelSummary(String spec, String engine, List<LayerInfo> layers, long parameterCount, long forwardMacsPerSample,
      long forwardFlopsPerSample, long trainingFlopsPerSample, List<List<Integer>> blocks, List<Integer> dense) {

    /** The architecture's {@code blocks} parameter, if it has one of that form; else null. */
    public static List<List<Integer>> blocksOf(com.fasterxml.jackson.databind.JsonNode parameters) {
      com.fasterxml.jackson.databind.JsonNode b = parameters.get("blocks");
      if (b == null || !b.isArray()) {
        return null;
      }
      List<List<Integer>> out = new java.util.ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode block : b) {
        List<Integer> widths = ints(block);
        if (widths == null) {
          return null;
        }
        out.add(widths);
      }
      return List.copyOf(out);
    }

    /** The architecture's {@code dense} parameter, if it has one of that form; else null. */
    public static List<Integer> denseOf(com.fasterxml.jackson.databind.JsonNode parameters) {
      com.fasterxml.jackson.databind.JsonNode d = parameters.get("dense");
      return d == null ? null : ints(d);
    }

    private static List<Integer> ints(com.fasterxml.jackson.databind.JsonNode a) {
      if (!a.isArray()) {
        return null;
      }
      List<Integer> out = new java.util.ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode v : a) {
        if (!v.canConvertToInt()) {
          return null;
        }
        out.add(v.asInt());
      }
      return List.copyOf(out);
    }
  }

  /**
   * One measured checkpoint.
   *
   * @param index 0 = untrained
   * @param step optimisation steps so far
   * @param epoch training passes so far
   * @param samplesSeen training exemplars consumed
   * @param wallSeconds seconds since the run started
   */
  public record CheckpointEntry(int index, long step, double epoch, long samplesSeen, double wallSeconds) {}

  /**
   * A probe that failed at a checkpoint (or at finish, checkpoint -1).
   *
   * @param probe the probe's name
   * @param checkpoint the checkpoint index
   * @param error what it threw
   */
  public record ProbeFailure(String probe, int checkpoint, String error) {}

  /**
   * Wall-clock totals, in seconds.
   *
   * @param total the whole run
   * @param training the training loop, without checkpoints
   * @param trainingSessionCalls inside TensorFlow session calls of training steps
   * @param checkpoints evaluating, capturing and probing at checkpoints
   * @param probes inside probes, by probe
   * @param visualizers rendering at the end
   * @param trainingSamplesPerSecond training throughput over the training loop
   */
  public record Timings(double total, double training, double trainingSessionCalls, double checkpoints, Map<String, Double> probes,
      double visualizers, double trainingSamplesPerSecond) {}

  /**
   * A metric a probe declared ({@link MetricSpec}), as run.json writes it.
   *
   * @param name the metric's name
   * @param kind {@code scalar}, {@code vector}, {@code matrix} or {@code graph}
   * @param role {@code series}, {@code event} or {@code summary}
   * @param perLayer whether it is recorded once per layer
   * @param description what it measures
   */
  public record DeclaredMetric(String name, String kind, String role, boolean perLayer, String description) {
    /** As written for {@code spec}. */
    public static DeclaredMetric of(MetricSpec spec) {
      return new DeclaredMetric(spec.name(), spec.kind().id(), spec.role().name().toLowerCase(Locale.ROOT), spec.perLayer(), spec.description());
    }

    /**
     * The declaration read back.
     *
     * @throws IllegalArgumentException for a kind or role this dsdl does not know, naming it
     */
    public MetricSpec spec() {
      MetricRole r;
      try {
        r = MetricRole.valueOf(role == null ? "" : role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("metric " + name + ": role must be one of [series, event, summary], got '" + role + "'", e);
      }
      return new MetricSpec(name, MeasurementKind.ofId(kind), r, perLayer, description == null ? "" : description);
    }

    /**
     * What each probe declares, by its name in this run, in order; a provider whose {@code metrics()}
     * throws is logged and recorded as declaring nothing (its metrics are then drawn by their kind).
     */
    public static Map<String, List<DeclaredMetric>> byProbe(Map<String, ? extends ProbeProvider<?>> probes) {
      Map<String, List<DeclaredMetric>> out = new LinkedHashMap<>();
      probes.forEach((name, provider) -> {
        List<DeclaredMetric> declared;
        try {
          declared = provider.metrics().stream().map(DeclaredMetric::of).toList();
        } catch (RuntimeException e) {
          LoggerFactory.getLogger(Manifest.class).warn("probe '{}': its metrics() threw {}; its metrics are drawn by their kind", name, e.toString());
          declared = List.of();
        }
        out.put(name, declared);
      });
      return out;
    }
  }
}
