package org.dsdl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.DatasetSummary;
import org.dsdl.api.run.DeclaredMetrics;
import org.dsdl.api.run.ModelSummary;
import org.dsdl.api.run.ProbeFailure;
import org.dsdl.api.run.RunInfo;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.run.RunSeeds;
import org.dsdl.api.run.RunStatus;
import org.dsdl.api.run.Timings;
import org.dsdl.api.run.Versions;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Builds a {@link RunRecord}, what a visualizer's {@code render} receives, without training: the
 * run's facts, its checkpoints and the measurements, given or measured by a probe.
 *
 * <pre>{@code
 * RunRecordBuilder b = RunRecordBuilder.in(tempDir).classes("T", "L")
 *     .layer("fc1", LayerKind.DENSE, List.of(4), 20)
 *     .checkpointsAt(0, 10, 100);                                  // checkpoints 0, 1, 2
 * b.scalar("accuracy", "test_accuracy", null, 0.5, 0.7, 0.9);      // one value per checkpoint
 * b.declare("mine", MetricSpec.event("onset_step", MeasurementKind.VECTOR, "first step of each class"));
 * b.add(new Measurements("mine", b.checkpoint(2)).vector("onset_step", null, List.of("T", "L"), new double[] {10, Double.NaN}).list());
 * RunRecord run = b.build();
 * List<Path> files = new MyVisualizerProvider().create(params).render(run);
 * }</pre>
 *
 * To draw what a probe measured, build snapshots with {@link SnapshotBuilder}, run the probe with
 * {@link ProbeRunner} and add its measurements, with the snapshots' checkpoints:
 * {@code RunRecordBuilder.in(dir).checkpointsOf(s0, s1).add(ProbeRunner.run(probe, s0, s1))}.
 *
 * <p>The rest of the run's facts ({@link RunInfo}) are empty unless given: no dataset or model
 * summary, no timings, no contact sheet. Declare each probe's metrics ({@link #declare}) as a run
 * records them from its providers; a metric nobody declared is drawn by its kind, and is never an
 * event. {@link #recordedBeforeDeclarations()} builds a run as older dsdl versions wrote it.
 *
 * <p>As in a real run, every measurement must be at one of the run's checkpoints (a probe's
 * {@code finish} included): {@link #build} refuses one that is not, naming it.
 */
public final class RunRecordBuilder {
  private final Path directory;
  private String name = "test-run";
  private long seed = 1;
  private RunStatus status = RunStatus.COMPLETED;
  private List<String> classes = List.of();
  private final List<LayerInfo> layers = new ArrayList<>();
  private Long parameterCount;
  private Versions versions = Versions.of("testkit");
  private RunSeeds seeds;
  private DatasetSummary dataset;
  private ModelSummary model;
  private Timings timings;
  private final Map<Integer, Double> wallSeconds = new LinkedHashMap<>();
  private final List<ProbeFailure> probeFailures = new ArrayList<>();
  private String error;
  private String resolvedConfig;
  private final Map<String, List<MetricSpec>> declared = new LinkedHashMap<>();
  private boolean declarationsRecorded = true;
  private Path contactSheet;
  private final List<Path> outputs = new ArrayList<>();
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private final List<Measurement> measurements = new ArrayList<>();

  private RunRecordBuilder(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** Starts a run whose directory, where a visualizer writes, is {@code directory} (created by {@link #build} if missing). */
  public static RunRecordBuilder in(Path directory) {
    return new RunRecordBuilder(directory);
  }

  /** The experiment's name (default {@code test-run}). */
  public RunRecordBuilder name(String name) {
    this.name = name;
    return this;
  }

  /** The master seed (default 1). */
  public RunRecordBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Where the run stands (default {@link RunStatus#COMPLETED}). */
  public RunRecordBuilder status(RunStatus status) {
    this.status = status;
    return this;
  }

  /** The class names, index = label (default none). */
  public RunRecordBuilder classes(String... names) {
    this.classes = List.of(names);
    return this;
  }

  /** Adds a model layer, in network order. */
  public RunRecordBuilder layer(String name, LayerKind kind, List<Integer> outputShape, long parameters) {
    layers.add(new LayerInfo(name, kind, outputShape, parameters));
    return this;
  }

  /** Adds model layers, in network order (e.g. {@link SnapshotBuilder#layerInfos()}). */
  public RunRecordBuilder layers(Collection<LayerInfo> infos) {
    layers.addAll(infos);
    return this;
  }

  /** The model's trainable parameters (default: the sum over its layers). */
  public RunRecordBuilder parameterCount(long count) {
    this.parameterCount = count;
    return this;
  }

  /** The dsdl version that wrote the run (default {@code testkit}; the other versions unknown). */
  public RunRecordBuilder dsdlVersion(String version) {
    this.versions = Versions.of(version);
    return this;
  }

  /** The software and machine the run ran on (replaces {@link #dsdlVersion}). */
  public RunRecordBuilder versions(Versions versions) {
    this.versions = Objects.requireNonNull(versions, "versions");
    return this;
  }

  /** The seeds derived from the master seed (default: not recorded). */
  public RunRecordBuilder seeds(RunSeeds seeds) {
    this.seeds = seeds;
    return this;
  }

  /** The dataset's summary (default: none); the class names stay those of {@link #classes}. */
  public RunRecordBuilder dataset(DatasetSummary summary) {
    this.dataset = summary;
    return this;
  }

  /** The model's summary (default: none); the layers stay those of {@link #layer}. */
  public RunRecordBuilder model(ModelSummary summary) {
    this.model = summary;
    return this;
  }

  /** The run's wall-clock totals (default: none). */
  public RunRecordBuilder timings(Timings timings) {
    this.timings = timings;
    return this;
  }

  /** Seconds from the run's start to the checkpoint of that index (default: none recorded). */
  public RunRecordBuilder wallSeconds(int checkpointIndex, double seconds) {
    wallSeconds.put(checkpointIndex, seconds);
    return this;
  }

  /** Adds a probe failure. */
  public RunRecordBuilder probeFailure(ProbeFailure failure) {
    probeFailures.add(Objects.requireNonNull(failure, "failure"));
    return this;
  }

  /** Why the run failed (set {@link #status} too). */
  public RunRecordBuilder error(String error) {
    this.error = error;
    return this;
  }

  /** The resolved config as JSON text, shown by reports (default: none). */
  public RunRecordBuilder resolvedConfig(String json) {
    this.resolvedConfig = json;
    return this;
  }

  /** Declares metrics of the probe named {@code probe} (as in its measurements), as a run records them. */
  public RunRecordBuilder declare(String probe, MetricSpec... metrics) {
    declared.computeIfAbsent(probe, k -> new ArrayList<>()).addAll(Arrays.asList(metrics));
    return this;
  }

  /** Declares the metrics {@code provider} declares, for its probe named {@code probe} in this run. */
  public RunRecordBuilder declare(String probe, ProbeProvider<?> provider) {
    return declare(probe, provider.metrics().toArray(MetricSpec[]::new));
  }

  /**
   * Builds the run as dsdl wrote runs before probes' declarations were recorded: visualizers then
   * tell events by the old naming rule ({@link DeclaredMetrics#notRecorded()}). Not with {@link #declare}.
   */
  public RunRecordBuilder recordedBeforeDeclarations() {
    this.declarationsRecorded = false;
    return this;
  }

  /** The contact sheet: an image file the visualizers may show (default: none). */
  public RunRecordBuilder contactSheet(Path image) {
    this.contactSheet = image;
    return this;
  }

  /** Adds files the visualizers wrote at an earlier rendering. */
  public RunRecordBuilder outputs(Path... files) {
    outputs.addAll(Arrays.asList(files));
    return this;
  }

  /** Adds a checkpoint; its index must be the next one (0, 1, 2, …). */
  public RunRecordBuilder checkpoint(Checkpoint checkpoint) {
    if (checkpoint.index() != checkpoints.size()) {
      throw new IllegalArgumentException("checkpoint index " + checkpoint.index() + " given where " + checkpoints.size() + " is next");
    }
    checkpoints.add(checkpoint);
    return this;
  }

  /** Adds a checkpoint at each training step, indexed on from the last (epoch and samples seen 0). */
  public RunRecordBuilder checkpointsAt(long... steps) {
    for (long step : steps) {
      checkpoint(new Checkpoint(checkpoints.size(), step, 0, 0));
    }
    return this;
  }

  /** Adds the checkpoints of {@code snapshots}, in order (indices 0, 1, 2, …). */
  public RunRecordBuilder checkpointsOf(Snapshot... snapshots) {
    for (Snapshot s : snapshots) {
      checkpoint(s.checkpoint());
    }
    return this;
  }

  /** The checkpoint of that index, added before; for building measurements at it. */
  public Checkpoint checkpoint(int index) {
    if (index < 0 || index >= checkpoints.size()) {
      throw new IllegalArgumentException("no checkpoint " + index + "; the run has " + checkpoints.size());
    }
    return checkpoints.get(index);
  }

  /** The checkpoints added so far, in order. */
  public List<Checkpoint> checkpoints() {
    return List.copyOf(checkpoints);
  }

  /** Adds measurements, in the order a run records them. */
  public RunRecordBuilder add(Collection<? extends Measurement> ms) {
    measurements.addAll(ms);
    return this;
  }

  /** Adds measurements, in the order a run records them. */
  public RunRecordBuilder add(Measurement... ms) {
    return add(Arrays.asList(ms));
  }

  /**
   * Adds a scalar series: {@code values[i]} at checkpoint {@code i}, one value per checkpoint
   * added so far. {@code layer} is null for a whole-network metric; NaN is a value not reached.
   */
  public RunRecordBuilder scalar(String probe, String metric, String layer, double... values) {
    if (values.length != checkpoints.size()) {
      throw new IllegalArgumentException(probe + "/" + metric + ": " + values.length + " values for " + checkpoints.size() + " checkpoints");
    }
    for (int i = 0; i < values.length; i++) {
      measurements.addAll(new Measurements(probe, checkpoints.get(i)).scalar(metric, layer, values[i]).list());
    }
    return this;
  }

  /**
   * The run record. Creates its directory if missing.
   *
   * @throws IllegalStateException if a measurement is at a checkpoint the run does not have, or
   *     metrics were declared in a run built as recorded before declarations
   */
  public RunRecord build() {
    for (Measurement m : measurements) {
      Checkpoint c = m.key().checkpoint();
      if (c.index() < 0 || c.index() >= checkpoints.size() || !checkpoints.get(c.index()).equals(c)) {
        throw new IllegalStateException(m.key().probe() + "/" + m.key().metric() + (m.key().layer() == null ? "" : " (" + m.key().layer() + ")")
            + " is at " + c + ", which is not one of the run's checkpoints " + checkpoints
            + ": a measurement (one from finish() too) must carry a checkpoint its probe was given");
      }
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run directory " + directory, e);
    }
    long parameters = parameterCount != null ? parameterCount : layers.stream().mapToLong(LayerInfo::parameters).sum();
    if (!declarationsRecorded && !declared.isEmpty()) {
      throw new IllegalStateException("metrics declared for " + declared.keySet() + " in a run built as recorded before declarations");
    }
    RunInfo info = new RunInfo(name, seed, status, classes, layers, parameters, checkpoints, versions, Optional.ofNullable(seeds),
        Optional.ofNullable(dataset), Optional.ofNullable(model), Optional.ofNullable(timings), wallSeconds, probeFailures,
        Optional.ofNullable(error), Optional.ofNullable(resolvedConfig),
        declarationsRecorded ? DeclaredMetrics.of(declared) : DeclaredMetrics.notRecorded(), Optional.ofNullable(contactSheet), outputs);
    return new RunRecord(directory, info, measurements);
  }
}
