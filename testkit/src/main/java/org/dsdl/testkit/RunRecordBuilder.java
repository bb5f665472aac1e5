package org.dsdl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunInfo;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.run.RunStatus;
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
 * b.add(new Measurements("mine", b.checkpoint(2)).vector("onset_step", null, List.of("T", "L"), new double[] {10, Double.NaN}).list());
 * RunRecord run = b.build();
 * List<Path> files = new MyVisualizerProvider().create(params).render(run);
 * }</pre>
 *
 * To draw what a probe measured, build snapshots with {@link SnapshotBuilder}, run the probe with
 * {@link ProbeRunner} and add its measurements, with the snapshots' checkpoints:
 * {@code RunRecordBuilder.in(dir).checkpointsOf(s0, s1).add(ProbeRunner.run(probe, s0, s1))}.
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
  private String dsdlVersion = "testkit";
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

  /** The dsdl version that wrote the run (default {@code testkit}). */
  public RunRecordBuilder dsdlVersion(String version) {
    this.dsdlVersion = version;
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
   * @throws IllegalStateException if a measurement is at a checkpoint the run does not have
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
    RunInfo info = new RunInfo(name, seed, status, classes, layers, parameters, checkpoints, dsdlVersion);
    return new RunRecord(directory, info, measurements);
  }
}
