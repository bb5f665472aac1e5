/*
 * A raw TensorFlow Java training loop of dsdl's default model (vgg-1.24m: 32x32x1 input, 3x3 convolutions
 * 32,32 | 64,64 | 128,128 each block ending in 2x2 max-pooling, dense 440, 128, logits 5; Adam), fed
 * pre-built tensors, outside dsdl: training samples/s per batch size, and with --profile where the time
 * of a step goes (TensorFlow's own step statistics, RunOptions FULL_TRACE, summed per op type).
 *
 * Run it on the packaged app's libraries (single-file source launch, class path):
 *   java -cp 'app/target/lib/*' bench/TfProfile.java [--batches 16,32,64] [--steps 30] [--warmup 5]
 *        [--repeats 3] [--intra N] [--inter N] [--profile] [--top 12]
 * TensorFlow reads TF_ENABLE_ONEDNN_OPTS when its native library loads: set it in the environment
 * (1 = oneDNN kernels, 0 = TensorFlow's own Eigen kernels) to compare the two.
 */
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

public final class TfProfile {
  static final int SIZE = 32;
  static final int CLASSES = 5;
  static final int[][] BLOCKS = {{32, 32}, {64, 64}, {128, 128}};
  static final int[] DENSE = {440, 128};

  public static void main(String[] args) {
    List<Integer> batches = List.of(16, 32, 64);
    int steps = 30;
    int warmup = 5;
    int repeats = 3;
    int intra = 0;
    int inter = 0;
    int top = 12;
    boolean profile = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--batches" -> batches = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--steps" -> steps = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--repeats" -> repeats = Integer.parseInt(args[++i]);
        case "--intra" -> intra = Integer.parseInt(args[++i]);
        case "--inter" -> inter = Integer.parseInt(args[++i]);
        case "--top" -> top = Integer.parseInt(args[++i]);
        case "--profile" -> profile = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "raw TensorFlow Java loop, native %s, TF_ENABLE_ONEDNN_OPTS=%s, intra %d inter %d (0 = TensorFlow's default), %d cores%n",
        TensorFlow.version(), System.getenv("TF_ENABLE_ONEDNN_OPTS"), intra, inter, Runtime.getRuntime().availableProcessors());
    Map<Integer, Model> models = new LinkedHashMap<>();
    for (int b : batches) {
      Model m = new Model(b, intra, inter);
      m.train(warmup);
      models.put(b, m);
    }
    Map<Integer, List<Double>> rates = new LinkedHashMap<>();
    for (int r = 0; r < repeats; r++) {
      for (Model m : models.values()) { // interleaved: each repeat visits every batch size
        long t0 = System.nanoTime();
        m.train(steps);
        rates.computeIfAbsent(m.batch, k -> new ArrayList<>()).add((double) m.batch * steps / ((System.nanoTime() - t0) / 1e9));
      }
    }
    rates.forEach((b, v) -> {
      double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "batch %3d  %6.1f samples/s (median of %d; min %.1f max %.1f)%n", b, s[s.length / 2], s.length, s[0], s[s.length - 1]);
    });
    if (profile) {
      for (Model m : models.values()) {
        m.profile(Math.max(5, steps / 3), top);
      }
    }
    models.values().forEach(Model::close);
  }

  /** One graph and session at one batch size. */
  static final class Model implements AutoCloseable {
    final int batch;
    final Graph graph = new Graph();
    final Session session;
    final Placeholder<TFloat32> images;
    final Placeholder<TInt32> labels;
    final Operand<TFloat32> loss;
    final Op step;
    final TFloat32 x;
    final TInt32 y;

    Model(int batch, int intra, int inter) {
      this.batch = batch;
      Ops tf = Ops.create(graph);
      SplittableRandom random = new SplittableRandom(42);
      images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIZE, SIZE, 1)));
      labels = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      List<Variable<TFloat32>> vars = new ArrayList<>();
      Operand<TFloat32> h = images;
      int channels = 1;
      int side = SIZE;
      for (int[] block : BLOCKS) {
        for (int filters : block) {
          Variable<TFloat32> k = variable(tf, Shape.of(3, 3, channels, filters), he(random, 9 * channels * filters, 9 * channels));
          Variable<TFloat32> b = variable(tf, Shape.of(filters), new float[filters]);
          vars.add(k);
          vars.add(b);
          h = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(h, k, List.of(1L, 1L, 1L, 1L), "SAME"), b));
          channels = filters;
        }
        h = tf.nn.maxPool(h, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
        side /= 2;
      }
      int width = side * side * channels;
      h = tf.reshape(h, tf.constant(new int[] {-1, width}));
      int[] widths = Arrays.copyOf(DENSE, DENSE.length + 1);
      widths[DENSE.length] = CLASSES;
      for (int i = 0; i < widths.length; i++) {
        Variable<TFloat32> k = variable(tf, Shape.of(width, widths[i]), he(random, width * widths[i], width));
        Variable<TFloat32> b = variable(tf, Shape.of(widths[i]), new float[widths[i]]);
        vars.add(k);
        vars.add(b);
        h = tf.nn.biasAdd(tf.linalg.matMul(h, k), b);
        if (i < widths.length - 1) {
          h = tf.nn.relu(h);
        }
        width = widths[i];
      }
      Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(CLASSES), tf.constant(1f), tf.constant(0f));
      loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(h, oneHot).loss(), tf.constant(0));
      Gradients grads = tf.gradients(loss, vars);
      List<Op> gradOps = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        gradOps.add(grads.dy(i));
      }
      Ops gated = tf.withControlDependencies(gradOps);
      Operand<TFloat32> beta1 = tf.constant(0.9f);
      Operand<TFloat32> beta2 = tf.constant(0.999f);
      Variable<TFloat32> beta1Power = tf.variable(tf.constant(0.9f));
      Variable<TFloat32> beta2Power = tf.variable(tf.constant(0.999f));
      List<Op> updates = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        Variable<TFloat32> v = vars.get(i);
        updates.add(gated.train.applyAdam(v, tf.variable(tf.zerosLike(v)), tf.variable(tf.zerosLike(v)), beta1Power, beta2Power,
            tf.constant(1e-3f), beta1, beta2, tf.constant(1e-7f), grads.dy(i)));
      }
      Ops after = tf.withControlDependencies(updates);
      step = tf.withControlDependencies(List.of(after.assign(beta1Power, after.math.mul(beta1Power, beta1)),
          after.assign(beta2Power, after.math.mul(beta2Power, beta2)))).noOp();
      session = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(intra).setInterOpParallelismThreads(inter).build());
      session.initialize();
      float[] px = new float[batch * SIZE * SIZE];
      for (int i = 0; i < px.length; i++) {
        px[i] = (float) random.nextDouble();
      }
      int[] lb = new int[batch];
      for (int i = 0; i < batch; i++) {
        lb[i] = i % CLASSES;
      }
      x = TFloat32.tensorOf(Shape.of(batch, SIZE, SIZE, 1), DataBuffers.of(px, true, false));
      y = TInt32.vectorOf(lb);
    }

    private static float[] he(SplittableRandom r, int count, int fanIn) {
      double limit = Math.sqrt(6.0 / fanIn);
      float[] w = new float[count];
      for (int i = 0; i < count; i++) {
        w[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
      }
      return w;
    }

    private static Variable<TFloat32> variable(Ops tf, Shape shape, float[] values) {
      return tf.variable(tf.constant(shape, DataBuffers.of(values, true, false)));
    }

    private Session.Runner runner() {
      return session.runner().feed(images, x).feed(labels, y).addTarget(step).fetch(loss);
    }

    void train(int steps) {
      for (int i = 0; i < steps; i++) {
        try (Result r = runner().run()) {
          r.get(0);
        }
      }
    }

    /** Traced steps: time per op type (op start to op end, summed over threads), as a share of all ops' time. */
    void profile(int steps, int top) {
      Map<String, long[]> byType = new LinkedHashMap<>(); // type -> {micros, count}
      long wall = 0;
      long ops = 0;
      RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
      for (int i = 0; i < steps; i++) {
        long t0 = System.nanoTime();
        try (Result r = runner().setOptions(trace).runAndFetchMetadata()) {
          wall += System.nanoTime() - t0;
          RunMetadata md = r.getMetadata().orElseThrow();
          for (DeviceStepStats dev : md.getStepStats().getDevStatsList()) {
            for (NodeExecStats n : dev.getNodeStatsList()) {
              long micros = n.getOpEndRelMicros() - n.getOpStartRelMicros();
              String type = type(n);
              long[] acc = byType.computeIfAbsent(type, k -> new long[2]);
              acc[0] += micros;
              acc[1]++;
              ops += micros;
            }
          }
        }
      }
      System.out.printf(Locale.ROOT, "%nbatch %d: %d traced steps, %.1f ms/step wall, %.1f ms/step of op time (summed over threads)%n",
          batch, steps, wall / 1e6 / steps, ops / 1e3 / steps);
      long total = ops;
      byType.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(top).forEach(e ->
          System.out.printf(Locale.ROOT, "  %-28s %5.1f %%  %8.2f ms/step  %6.3f ms/sample  (%d runs/step)%n", e.getKey(),
              100.0 * e.getValue()[0] / total, e.getValue()[0] / 1e3 / steps, e.getValue()[0] / 1e3 / steps / batch, e.getValue()[1] / steps));
    }

    /** The op type from the timeline label ("name = Type(inputs)"), else the node's name. */
    private static String type(NodeExecStats n) {
      String label = n.getTimelineLabel();
      int eq = label.indexOf(" = ");
      int paren = label.indexOf('(', Math.max(eq, 0));
      if (eq >= 0 && paren > eq) {
        return label.substring(eq + 3, paren);
      }
      return n.getNodeName();
    }

    @Override
    public void close() {
      x.close();
      y.close();
      session.close();
      graph.close();
    }
  }
}
