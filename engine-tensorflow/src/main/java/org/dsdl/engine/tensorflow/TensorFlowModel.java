package org.dsdl.engine.tensorflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;
import org.dsdl.api.model.Model;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.model.OptimizerSpec;
import org.dsdl.api.model.StepResult;
import org.dsdl.api.model.TrainingResources;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.FeatureMaps;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.io.OutputFiles;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** A compiled {@link LayerGraph} living in a TensorFlow graph and session. */
final class TensorFlowModel implements Model {
  private final LayerGraph graph;
  private final CompiledGraph g;
  private final Session session;
  private final TensorFlowParameters parameters;
  private final long seed;
  /** Training steps taken; with the seed, it seeds each step's dropout masks. Saved with the state. */
  private long stepsTaken;

  TensorFlowModel(LayerGraph graph, OptimizerSpec optimizer, long seed, TensorFlowParameters parameters) {
    this.graph = graph;
    this.seed = seed;
    this.parameters = parameters;
    this.g = new CompiledGraph(graph, optimizer, seed);
    ConfigProto config = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(parameters.intraThreads())
        .setInterOpParallelismThreads(parameters.interThreads())
        .setLogDevicePlacement(parameters.logDevicePlacement())
        .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(parameters.gpuMemoryGrowth()).setVisibleDeviceList(parameters.visibleDevices()))
        .build();
    this.session = new Session(g.graph, config);
    session.initialize();
  }

  @Override
  public LayerGraph graph() {
    return graph;
  }

  @Override
  public long parameterCount() {
    return g.parameterCount;
  }

  /** Operations in the graph; constant once built (the training loop adds none). */
  int operationCount() {
    return g.operationCount();
  }

  @Override
  public StepResult trainStep(float[] images, int[] labels, int count, double learningRate) {
    try (TFloat32 x = imageTensor(images, count);
        TInt32 y = TInt32.tensorOf(Shape.of(count), DataBuffers.of(labels, true, false).narrow(count));
        TFloat32 lr = TFloat32.scalarOf((float) learningRate);
        TBool training = TBool.scalarOf(true);
        TInt64 dropoutSeed = TInt64.vectorOf(seed, stepsTaken)) {
      Session.Runner runner = session.runner()
          .feed(g.images, x).feed(g.labels, y).feed(g.learningRate, lr).feed(g.training, training).feed(g.dropoutSeed, dropoutSeed)
          .addTarget(g.train).fetch(g.meanLoss).fetch(g.correct);
      long t0 = System.nanoTime();
      try (Result r = runner.run()) {
        stepsTaken++;
        long nanos = System.nanoTime() - t0;
        float loss = ((TFloat32) r.get(0)).getFloat();
        float correct = ((TFloat32) r.get(1)).getFloat();
        return new StepResult(loss, Math.round(correct), count, nanos);
      }
    }
  }

  private TFloat32 imageTensor(float[] images, int count) {
    ImageShape s = graph.input();
    return TFloat32.tensorOf(Shape.of(count, s.height(), s.width(), s.channels()),
        DataBuffers.of(images, true, false).narrow((long) count * s.size()));
  }

  private static float[] slice(Split split, int start, int count) {
    int size = split.shape().size();
    if (start == 0 && count == split.size()) {
      return split.images();
    }
    float[] px = new float[count * size];
    System.arraycopy(split.images(), start * size, px, 0, count * size);
    return px;
  }

  @Override
  public Capture capture(Split exemplars, CaptureRequest request) {
    checkGraphStable();
    List<CompiledGraph.LayerOps> wanted = g.layers.values().stream()
        .filter(l -> request.layers().contains(l.info().name())).toList();
    for (String name : request.layers()) {
      if (!g.layers.containsKey(name)) {
        throw new NoSuchElementException("unknown layer '" + name + "'; the model's layers are " + g.layers.keySet());
      }
    }
    int n = exemplars.size();
    int classes = graph.classes();
    float[] logits = new float[n * classes];
    Map<String, float[]> pooled = new LinkedHashMap<>();
    Map<String, float[]> maps = new LinkedHashMap<>();
    for (CompiledGraph.LayerOps l : wanted) {
      pooled.put(l.info().name(), new float[n * l.info().units()]);
      if (request.wholeMaps() && l.info().kind().spatial()) {
        List<Integer> s = l.info().outputShape();
        maps.put(l.info().name(), new float[n * s.get(0) * s.get(1) * s.get(2)]);
      }
    }
    int chunk = parameters.inferenceBatch();
    for (int start = 0; start < n; start += chunk) {
      int count = Math.min(chunk, n - start);
      try (TFloat32 x = imageTensor(slice(exemplars, start, count), count)) {
        Session.Runner runner = session.runner().feed(g.images, x).fetch(g.logits);
        for (CompiledGraph.LayerOps l : wanted) {
          if (l.pooled() != g.logits) { // the logits layer is already fetched
            runner.fetch(l.pooled());
          }
          if (maps.containsKey(l.info().name())) {
            runner.fetch(l.output());
          }
        }
        try (Result r = runner.run()) {
          int k = 0;
          TFloat32 logitTensor = (TFloat32) r.get(k++);
          copy(logitTensor, logits, start * classes);
          for (CompiledGraph.LayerOps l : wanted) {
            TFloat32 values = l.pooled() == g.logits ? logitTensor : (TFloat32) r.get(k++);
            copy(values, pooled.get(l.info().name()), start * l.info().units());
            float[] m = maps.get(l.info().name());
            if (m != null) {
              copy((TFloat32) r.get(k++), m, (int) ((long) m.length / n * start));
            }
          }
        }
      }
    }
    Map<String, LayerWeights> weights = weights(wanted);
    Map<String, LayerCapture> layers = new LinkedHashMap<>();
    for (CompiledGraph.LayerOps l : wanted) {
      String name = l.info().name();
      FeatureMaps fm = null;
      if (maps.containsKey(name)) {
        List<Integer> s = l.info().outputShape();
        fm = new FeatureMaps(n, s.get(0), s.get(1), s.get(2), maps.get(name));
      }
      layers.put(name, new LayerCapture(l.info(), new FloatMatrix(n, l.info().units(), pooled.get(name)), fm, weights.get(name)));
    }
    return new Capture(layers, new FloatMatrix(n, classes, logits));
  }

  /** The kernels and biases of the given layers, fetched in one session call. */
  private Map<String, LayerWeights> weights(List<CompiledGraph.LayerOps> wanted) {
    List<CompiledGraph.LayerOps> withWeights = wanted.stream().filter(l -> l.kernel() != null).toList();
    Map<String, LayerWeights> out = new LinkedHashMap<>();
    if (withWeights.isEmpty()) {
      return out;
    }
    Session.Runner runner = session.runner();
    for (CompiledGraph.LayerOps l : withWeights) {
      runner.fetch(l.kernel()).fetch(l.bias());
    }
    try (Result r = runner.run()) {
      int k = 0;
      for (CompiledGraph.LayerOps l : withWeights) {
        TFloat32 kernel = (TFloat32) r.get(k++);
        TFloat32 bias = (TFloat32) r.get(k++);
        float[] kv = new float[(int) kernel.shape().size()];
        float[] bv = new float[(int) bias.shape().size()];
        copy(kernel, kv, 0);
        copy(bias, bv, 0);
        List<Integer> shape = java.util.Arrays.stream(kernel.shape().asArray()).mapToInt(d -> (int) d).boxed().toList();
        out.put(l.info().name(), new LayerWeights(shape, kv, bv));
      }
    }
    return out;
  }

  private static void copy(TFloat32 t, float[] dst, int offset) {
    int size = (int) t.shape().size();
    t.copyTo(DataBuffers.of(dst, false, false).slice(offset, size));
  }

  @Override
  public void saveState(Path file) throws IOException {
    Session.Runner runner = session.runner();
    g.stateVariables.forEach(runner::fetch);
    List<StateFile.Entry> entries = new ArrayList<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < g.stateVariables.size(); i++) {
        TFloat32 t = (TFloat32) r.get(i);
        float[] values = new float[(int) t.shape().size()];
        copy(t, values, 0);
        entries.add(new StateFile.Entry(g.stateVariables.get(i).op().name(), t.shape().asArray(), values));
      }
    }
    long steps = stepsTaken;
    OutputFiles.writeAtomically(file, out -> StateFile.write(out, steps, entries));
  }

  @Override
  public void restoreState(Path file) throws IOException {
    StateFile.Contents contents = StateFile.read(file);
    List<StateFile.Entry> entries = contents.entries();
    if (entries.size() != g.stateVariables.size()) {
      throw new IllegalArgumentException("state file " + file + " holds " + entries.size() + " variables; this model has "
          + g.stateVariables.size() + " (another architecture or optimizer?)");
    }
    for (int i = 0; i < entries.size(); i++) {
      StateFile.Entry e = entries.get(i);
      var v = g.stateVariables.get(i);
      if (!e.name().equals(v.op().name()) || !Arrays.equals(e.shape(), v.shape().asArray())) {
        throw new IllegalArgumentException("state file " + file + " variable " + i + " is " + e.name() + Arrays.toString(e.shape())
            + " but this model expects " + v.op().name() + Arrays.toString(v.shape().asArray()));
      }
    }
    List<TFloat32> tensors = new ArrayList<>();
    try {
      Session.Runner runner = session.runner().addTarget(g.restore);
      for (int i = 0; i < entries.size(); i++) {
        StateFile.Entry e = entries.get(i);
        TFloat32 t = TFloat32.tensorOf(Shape.of(e.shape()), DataBuffers.of(e.values(), true, false));
        tensors.add(t);
        runner.feed(g.restoreInputs.get(i), t);
      }
      runner.run();
      stepsTaken = contents.steps();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  @Override
  public long trainRepeatedly(float[] images, int[] labels, int count, double learningRate, int steps) {
    try (TFloat32 x = imageTensor(images, count);
        TInt32 y = TInt32.tensorOf(Shape.of(count), DataBuffers.of(labels, true, false).narrow(count));
        TFloat32 lr = TFloat32.scalarOf((float) learningRate);
        TBool training = TBool.scalarOf(true);
        TInt64 dropoutSeed = TInt64.vectorOf(seed, stepsTaken)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        try (Result r = session.runner().feed(g.images, x).feed(g.labels, y).feed(g.learningRate, lr)
            .feed(g.training, training).feed(g.dropoutSeed, dropoutSeed)
            .addTarget(g.train).fetch(g.meanLoss).fetch(g.correct).run()) {
          r.get(0);
        }
      }
      stepsTaken += steps;
      return System.nanoTime() - t0;
    }
  }

  /**
   * A GPU when TensorFlow can place operations on one; otherwise the intra-op threads the session
   * was given (0, TensorFlow's default, means every core).
   */
  @Override
  public TrainingResources trainingResources() {
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = parameters.intraThreads() == 0 ? cores : Math.min(parameters.intraThreads(), cores);
    return new TrainingResources(GpuPlacement.available(parameters.visibleDevices()), threads);
  }

  /** Fails loudly if anything was added to the graph after it was built. */
  private void checkGraphStable() {
    int now = g.operationCount();
    if (now != g.builtOperationCount) {
      throw new IllegalStateException("the TensorFlow graph grew from " + g.builtOperationCount + " to " + now + " operations after it was built");
    }
  }

  @Override
  public void close() {
    session.close();
    g.graph.close();
  }
}
