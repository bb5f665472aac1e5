package org.dsdl.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Builds a {@link Snapshot} from given values, as a probe would receive it at a checkpoint:
 *
 * <pre>{@code
 * Snapshot s = SnapshotBuilder.classes("T", "L")
 *     .labels(0, 1, 0, 1)
 *     .layer("fc1", LayerKind.DENSE, new double[][] {{0, 1}, {2, 0}, {0, 3}, {4, 0}})
 *     .weights("fc1", List.of(2, 2), new float[] {1, 0, 0, 1})
 *     .at(3, 40)
 *     .build();
 * }</pre>
 *
 * Layers keep the order they are added in (network order). Logits default to zeros; ids to
 * 0..n-1; the evaluations to none unless given.
 */
public final class SnapshotBuilder {
  private final List<String> classes;
  private int[] labels;
  private long[] ids;
  private final Map<String, LayerCapture> layers = new LinkedHashMap<>();
  private final Map<String, Evaluation> evaluations = new LinkedHashMap<>();
  private FloatMatrix logits;
  private Checkpoint checkpoint = new Checkpoint(0, 0, 0, 0);

  private SnapshotBuilder(List<String> classes) {
    this.classes = List.copyOf(classes);
  }

  /** Starts a snapshot of these classes (index = label). */
  public static SnapshotBuilder classes(String... names) {
    return new SnapshotBuilder(List.of(names));
  }

  /** The probe set's labels, one per exemplar. */
  public SnapshotBuilder labels(int... labels) {
    for (int l : labels) {
      if (l < 0 || l >= classes.size()) {
        throw new IllegalArgumentException("label " + l + " is not one of the " + classes.size() + " classes");
      }
    }
    this.labels = labels.clone();
    return this;
  }

  /** The probe set's ids (default 0..n-1). */
  public SnapshotBuilder ids(long... ids) {
    this.ids = ids.clone();
    return this;
  }

  /** A layer's activations, a row per exemplar (in label order) and a column per unit. */
  public SnapshotBuilder layer(String name, LayerKind kind, double[][] rows) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    float[] data = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("layer " + name + ": row " + i + " has " + rows[i].length + " units, row 0 has " + d);
      }
      for (int j = 0; j < d; j++) {
        data[i * d + j] = (float) rows[i][j];
      }
    }
    layers.put(name, new LayerCapture(new LayerInfo(name, kind, List.of(d), 0), new FloatMatrix(rows.length, d, data), null, null));
    return this;
  }

  /** A layer's weights: the kernel in TensorFlow's layout ({@code [kh, kw, in, out]} or {@code [in, out]}, row-major), zero biases. */
  public SnapshotBuilder weights(String layer, List<Integer> kernelShape, float[] kernel) {
    LayerCapture c = layers.get(layer);
    if (c == null) {
      throw new IllegalArgumentException("add layer " + layer + " before its weights");
    }
    int out = kernelShape.get(kernelShape.size() - 1);
    LayerWeights w = new LayerWeights(kernelShape, kernel, new float[out]);
    long parameters = kernel.length + out;
    layers.put(layer, new LayerCapture(new LayerInfo(layer, c.layer().kind(), c.layer().outputShape(), parameters), c.activations(), null, w));
    return this;
  }

  /** The logits, a row per exemplar. */
  public SnapshotBuilder logits(double[][] rows) {
    float[] data = new float[rows.length * classes.size()];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < classes.size(); j++) {
        data[i * classes.size() + j] = (float) rows[i][j];
      }
    }
    this.logits = new FloatMatrix(rows.length, classes.size(), data);
    return this;
  }

  /** An evaluation (e.g. {@code "test"}) of the given labels and predictions. */
  public SnapshotBuilder evaluation(String split, double loss, int[] labels, int[] predicted) {
    evaluations.put(split, new Evaluation(split, loss, labels, predicted));
    return this;
  }

  /** The checkpoint: its index and training step (epoch and samples follow from them as 0). */
  public SnapshotBuilder at(int index, long step) {
    this.checkpoint = new Checkpoint(index, step, 0, 0);
    return this;
  }

  /** The checkpoint, in full. */
  public SnapshotBuilder at(Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
    return this;
  }

  /** The snapshot. */
  public Snapshot build() {
    if (labels == null) {
      throw new IllegalStateException("labels(...) is required");
    }
    int n = labels.length;
    for (LayerCapture c : layers.values()) {
      if (c.activations().rows() != n) {
        throw new IllegalStateException("layer " + c.layer().name() + " has " + c.activations().rows() + " rows for " + n + " labels");
      }
    }
    long[] id = ids;
    if (id == null) {
      id = new long[n];
      for (int i = 0; i < n; i++) {
        id[i] = i;
      }
    }
    FloatMatrix l = logits != null ? logits : new FloatMatrix(n, classes.size(), new float[n * classes.size()]);
    return new Snapshot(checkpoint, classes, labels, id, l, new LinkedHashMap<>(layers), new LinkedHashMap<>(evaluations));
  }

  /** The layers added so far, as a model's layer list for a {@link org.dsdl.api.probe.ProbeContext}. */
  public List<LayerInfo> layerInfos() {
    List<LayerInfo> out = new ArrayList<>();
    layers.values().forEach(c -> out.add(c.layer()));
    return out;
  }
}
