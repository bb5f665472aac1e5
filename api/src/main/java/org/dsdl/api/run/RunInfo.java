package org.dsdl.api.run;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.dsdl.api.model.LayerInfo;

/**
 * The facts of a run that visualizers need, read back from {@code run.json}, typed: no visualizer
 * reads that file or guesses a file name. A fact an older or unfinished run did not record is an
 * empty {@code Optional} or an empty collection.
 *
 * @param name the experiment's name
 * @param seed the master seed
 * @param status where the run stands
 * @param classNames class names, index = label
 * @param layers the model's layers, in network order
 * @param parameterCount trainable parameters
 * @param checkpoints the checkpoints measured so far, in order
 * @param versions the software and machine the run ran on
 * @param seeds the seeds derived from the master seed
 * @param dataset what the run trained and probed on
 * @param model the network's summary
 * @param timings wall-clock totals
 * @param wallSeconds seconds from the run's start to each measured checkpoint, by checkpoint index
 * @param probeFailures probes that threw, in the order they did
 * @param error why the run failed
 * @param resolvedConfig the resolved config (defaults applied, plugin parameters filled in) as the
 *     JSON text run.json holds, for display; its layout is the application's config format, not
 *     part of this API
 * @param metrics the metrics each probe declared, and so each measurement's role
 * @param contactSheet the image showing what the network sees (a row of training exemplars per
 *     class), if the run directory holds one
 * @param outputs the files the visualizers wrote when the run was last rendered, inside the run
 *     directory; empty before its first rendering
 */
public record RunInfo(
    String name,
    long seed,
    RunStatus status,
    List<String> classNames,
    List<LayerInfo> layers,
    long parameterCount,
    List<Checkpoint> checkpoints,
    Versions versions,
    Optional<RunSeeds> seeds,
    Optional<DatasetSummary> dataset,
    Optional<ModelSummary> model,
    Optional<Timings> timings,
    Map<Integer, Double> wallSeconds,
    List<ProbeFailure> probeFailures,
    Optional<String> error,
    Optional<String> resolvedConfig,
    DeclaredMetrics metrics,
    Optional<Path> contactSheet,
    List<Path> outputs) {
  /** Requires every component (an absent fact is an empty {@code Optional}); copies the collections. */
  public RunInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    classNames = List.copyOf(classNames);
    layers = List.copyOf(layers);
    checkpoints = List.copyOf(checkpoints);
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(seeds, "seeds");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(timings, "timings");
    wallSeconds = Collections.unmodifiableMap(new TreeMap<>(wallSeconds));
    probeFailures = List.copyOf(probeFailures);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(resolvedConfig, "resolvedConfig");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(contactSheet, "contactSheet");
    outputs = List.copyOf(outputs);
  }

  /** The dsdl version that wrote the run ({@link Versions#dsdl()}). */
  public String dsdlVersion() {
    return versions.dsdl();
  }

  /** Seconds from the run's start to {@code checkpoint}, if recorded. */
  public OptionalDouble wallSeconds(Checkpoint checkpoint) {
    Double s = wallSeconds.get(checkpoint.index());
    return s == null ? OptionalDouble.empty() : OptionalDouble.of(s);
  }
}
