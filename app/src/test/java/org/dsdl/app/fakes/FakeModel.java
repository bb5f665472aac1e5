package org.dsdl.app.fakes;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.data.Split;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.Model;
import org.dsdl.api.model.StepResult;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;

/**
 * A {@link Model} without TensorFlow, for tests of the parts that drive one. Its whole state is a
 * step count and one number that every step moves by the batch it is given (so a different batch
 * order gives a different model); its loss falls as 1 / (1 + steps), and it classifies a growing
 * share of exemplars correctly. Activations and logits are deterministic functions of that state.
 * It records every training call.
 */
public final class FakeModel implements Model {
  /**
   * One training call.
   *
   * @param count exemplars in the batch
   * @param learningRate the rate given
   * @param labelSum the sum of the batch's labels (which exemplars it was, in short)
   */
  public record Step(int count, double learningRate, long labelSum) {}

  private final LayerGraph graph;
  private final List<LayerInfo> layers;
  private final int classes;
  private final List<Step> steps = new ArrayList<>();
  private long taken;
  private double state;
  private long nanAt = -1;
  private long stepNanos;
  private boolean closed;

  /** A model of {@code graph}, its state starting from {@code seed}. */
  public FakeModel(LayerGraph graph, long seed) {
    this(graph, graph.layers(), graph.classes(), seed);
  }

  /** A model with these layers and classes and no graph. */
  public FakeModel(List<LayerInfo> layers, int classes) {
    this(null, layers, classes, 0);
  }

  private FakeModel(LayerGraph graph, List<LayerInfo> layers, int classes, long seed) {
    this.graph = graph;
    this.layers = List.copyOf(layers);
    this.classes = classes;
    this.state = (seed % 1000) / 1000.0;
  }

  /** Makes the loss of training step {@code step} (1-based) NaN. */
  public FakeModel nanAtStep(long step) {
    this.nanAt = step;
    return this;
  }

  /** Makes every training step take at least {@code nanos} nanoseconds. */
  public FakeModel stepTakes(long nanos) {
    this.stepNanos = nanos;
    return this;
  }

  /** The training calls so far, in order. */
  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Training steps taken, restored ones included. */
  public long taken() {
    return taken;
  }

  /** Whether it was closed. */
  public boolean closed() {
    return closed;
  }

  @Override
  public LayerGraph graph() {
    return graph;
  }

  @Override
  public List<LayerInfo> layers() {
    return layers;
  }

  @Override
  public long parameterCount() {
    return layers.stream().mapToLong(LayerInfo::parameters).sum();
  }

  @Override
  public StepResult trainStep(float[] images, int[] labels, int count, double learningRate) {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < stepNanos) {
      Thread.onSpinWait();
    }
    long labelSum = 0;
    for (int i = 0; i < count; i++) {
      labelSum += labels[i];
    }
    steps.add(new Step(count, learningRate, labelSum));
    taken++;
    state = state * 0.9 + learningRate * (labelSum + 1) / count;
    double loss = taken == nanAt ? Double.NaN : 1.0 / (1 + taken);
    return new StepResult(loss, (int) Math.min(count, taken), count, 1_000);
  }

  @Override
  public Evaluation evaluate(String name, Split split) {
    int[] predicted = predictions(split.labels());
    return new Evaluation(name, 1.0 / (1 + taken), split.labels().clone(), predicted);
  }

  /** Exemplar i is predicted right when i % 10 < steps taken; else as the next class. */
  private int[] predictions(int[] labels) {
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = i % 10 < taken ? labels[i] : (labels[i] + 1) % classes;
    }
    return out;
  }

  @Override
  public Capture capture(Split exemplars, CaptureRequest request) {
    int n = exemplars.size();
    Map<String, LayerCapture> captured = new LinkedHashMap<>();
    for (LayerInfo l : layers) {
      if (!request.layers().contains(l.name())) {
        continue;
      }
      int units = l.outputShape().get(l.outputShape().size() - 1);
      float[] a = new float[n * units];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < units; j++) {
          a[i * units + j] = (float) Math.sin(state + 0.37 * i + 1.3 * j + exemplars.labels()[i]);
        }
      }
      captured.put(l.name(), new LayerCapture(l, new FloatMatrix(n, units, a), null, null));
    }
    int[] predicted = predictions(exemplars.labels());
    float[] logits = new float[n * classes];
    for (int i = 0; i < n; i++) {
      logits[i * classes + predicted[i]] = 1;
    }
    return new Capture(captured, new FloatMatrix(n, classes, logits));
  }

  @Override
  public void saveState(Path file) throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeUTF("fake-model");
      out.writeLong(taken);
      out.writeDouble(state);
    }
  }

  @Override
  public void restoreState(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      if (!"fake-model".equals(in.readUTF())) {
        throw new IllegalArgumentException(file + " is not a fake model's state");
      }
      taken = in.readLong();
      state = in.readDouble();
    } catch (java.io.UTFDataFormatException | java.io.EOFException e) {
      throw new IllegalArgumentException(file + " is not a fake model's state", e);
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
