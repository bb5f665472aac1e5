package org.dsdl.engine.tensorflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.architecture.Activation;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.architecture.Node;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.OptimizerSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The TensorFlow graph of one {@link LayerGraph}: forward pass, loss, gradients and the optimiser's
 * update, built once. Nothing is added to the graph after construction, so the training loop never
 * grows it.
 *
 * <p>Nodes are compiled in graph order, each in a name scope of its own; variables are created in
 * that order (kernel, bias, then a batch norm's scale, shift and moving statistics), and each
 * convolution or dense kernel draws the next stream of the seeded {@link WeightInit}. So a graph
 * gives the same variables, initial values and operations whichever architecture described it.
 */
final class CompiledGraph {
  /** One layer's handles: its captured output, its spatially pooled output, and its variables (if any). */
  record LayerOps(LayerInfo info, Operand<TFloat32> output, Operand<TFloat32> pooled, Variable<TFloat32> kernel, Variable<TFloat32> bias) {}

  final Graph graph = new Graph();
  final Placeholder<TFloat32> images;
  final Placeholder<TInt32> labels;
  final Placeholder<TFloat32> learningRate;
  /** True during training steps (dropout on, batch statistics); false by default. */
  final PlaceholderWithDefault<TBool> training;
  /** The seed of this step's dropout masks: (run seed, step), so masks are reproducible and resumable. */
  final PlaceholderWithDefault<TInt64> dropoutSeed;
  final Map<String, LayerOps> layers = new LinkedHashMap<>();
  final Operand<TFloat32> logits;
  final Operand<TFloat32> exampleLoss;
  final Operand<TFloat32> meanLoss;
  final Operand<TInt32> predictions;
  final Operand<TFloat32> correct;
  final Op train;
  final long parameterCount;
  /** Every variable of the training state, in creation order: weights, then moving statistics, then optimizer slots. */
  final List<Variable<TFloat32>> stateVariables = new ArrayList<>();
  /** One placeholder per state variable, fed by a restore. */
  final List<Placeholder<TFloat32>> restoreInputs = new ArrayList<>();
  /** Assigns every state variable from its placeholder. */
  final Op restore;
  /** Operations in the graph once built; any later growth is a bug. */
  final int builtOperationCount;

  private final Operand<TFloat32> train01;
  private final Operand<TFloat32> infer01;
  private final WeightInit init;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();
  private final List<Variable<TFloat32>> kernels = new ArrayList<>();
  private final List<Variable<TFloat32>> movingStatistics = new ArrayList<>();
  private final List<Op> statisticUpdates = new ArrayList<>();
  private int dropouts;

  CompiledGraph(LayerGraph spec, OptimizerSpec optimizer, long seed) {
    Ops tf = Ops.create(graph);
    init = new WeightInit(seed, spec.initializer());
    images = tf.withName("images").placeholder(TFloat32.class, Placeholder.shape(
        Shape.of(-1, spec.input().height(), spec.input().width(), spec.input().channels())));
    labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    training = tf.withName("training").placeholderWithDefault(tf.constant(false), Shape.scalar());
    dropoutSeed = tf.withName("dropout_seed").placeholderWithDefault(tf.constant(new long[] {0, 0}), Shape.of(2));
    train01 = tf.dtypes.cast(training, TFloat32.class);
    infer01 = tf.math.sub(tf.constant(1f), train01);

    Map<String, LayerInfo> infos = new LinkedHashMap<>();
    Map<String, String> capturedAs = new LinkedHashMap<>(); // captured node -> its layer
    for (LayerInfo info : spec.layers()) {
      infos.put(info.name(), info);
      capturedAs.put(spec.capturedNode(info.name()), info.name());
    }
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    Map<String, Variable<TFloat32>[]> weights = new LinkedHashMap<>();
    Map<String, Ops> scopes = new LinkedHashMap<>(); // each layer's name scope, made once (a second one would be renamed)
    Operand<TFloat32> h = images;
    for (Node node : spec.nodes()) {
      Variable<TFloat32>[] kb = null;
      if (node instanceof Node.Input) {
        h = images;
      } else if (node instanceof Node.Flatten f) {
        h = tf.withName(f.name()).reshape(outputs.get(f.input()), tf.constant(new int[] {-1, spec.shape(f.name()).get(0)}));
      } else {
        Ops scope = tf.withSubScope(node.name());
        scopes.put(node.name(), scope);
        if (node instanceof Node.Convolution c) {
          int in = spec.shape(c.input()).get(2);
          int k = c.kernelSize();
          kb = kernelAndBias(scope, Shape.of(k, k, in, c.filters()), c.filters(), k * k * in, k * k * c.filters());
          Operand<TFloat32> x = outputs.get(c.input());
          long stride = c.stride();
          if (k == 1 && stride > 1) {
            // A strided 1x1 convolution reads every stride-th position: take those first and convolve densely. Same values;
            // and oneDNN's filter gradient of a 1x1 convolution with stride > 1 crashes (SIGSEGV) in TensorFlow 2.x's CPU build.
            x = scope.withName("subsample").stridedSlice(x, scope.constant(new int[] {0, 0, 0, 0}), scope.constant(new int[] {0, 0, 0, 0}),
                scope.constant(new int[] {1, c.stride(), c.stride(), 1}), StridedSlice.beginMask(15L), StridedSlice.endMask(15L));
            stride = 1;
          }
          Operand<TFloat32> z = scope.nn.biasAdd(scope.nn.conv2d(x, kb[0], List.of(1L, stride, stride, 1L), "SAME"), kb[1]);
          h = activate(scope, z, c.activation());
        } else if (node instanceof Node.Pooling p) {
          int[] window = {1, p.size(), p.size(), 1};
          int[] strides = {1, p.stride(), p.stride(), 1};
          h = scope.withName("maxpool").nn.maxPool(outputs.get(p.input()), scope.constant(window), scope.constant(strides), "VALID");
        } else if (node instanceof Node.Dense d) {
          int in = spec.shape(d.input()).get(0);
          kb = kernelAndBias(scope, Shape.of(in, d.units()), d.units(), in, d.units());
          Operand<TFloat32> z = scope.nn.biasAdd(scope.linalg.matMul(outputs.get(d.input()), kb[0]), kb[1]);
          h = node == spec.nodes().get(spec.nodes().size() - 1) ? scope.withName("output").identity(z) : activate(scope, z, d.activation());
        } else if (node instanceof Node.BatchNorm b) {
          List<Integer> shape = spec.shape(b.input());
          Operand<TFloat32> z = batchNorm(scope, outputs.get(b.input()), shape.get(shape.size() - 1), shape.size() == 3);
          h = activate(scope, z, b.activation());
        } else if (node instanceof Node.Dropout d) {
          h = d.rate() > 0 ? dropout(scope, outputs.get(d.input()), d.rate(), dropouts) : outputs.get(d.input());
          dropouts++;
        } else if (node instanceof Node.GlobalAveragePooling g) {
          h = scope.withName("output").math.mean(outputs.get(g.input()), scope.constant(new int[] {1, 2}));
        } else if (node instanceof Node.Add a) {
          List<Operand<TFloat32>> terms = a.inputs().stream().map(outputs::get).toList();
          Operand<TFloat32> sum = terms.size() == 2 ? scope.withName("sum").math.add(terms.get(0), terms.get(1)) : scope.withName("sum").math.addN(terms);
          h = activate(scope, sum, a.activation());
        } else {
          throw new IllegalArgumentException("the TensorFlow engine cannot compile node '" + node.name() + "' (" + node.kind() + ")");
        }
      }
      outputs.put(node.name(), h);
      if (kb != null) {
        weights.put(node.name(), kb);
      }
      String layer = capturedAs.get(node.name());
      if (layer != null) {
        LayerInfo info = infos.get(layer);
        Ops scope = scopes.get(layer);
        Operand<TFloat32> pooled = info.kind().spatial() ? scope.withName("spatial_mean").math.mean(h, scope.constant(new int[] {1, 2})) : h;
        Variable<TFloat32>[] w = weights.get(layer);
        layers.put(layer, new LayerOps(info, h, pooled, w == null ? null : w[0], w == null ? null : w[1]));
      }
    }
    long params = 0;
    for (Variable<TFloat32> v : variables) {
      params += v.shape().size();
    }
    parameterCount = params;
    logits = h;

    Ops loss = tf.withSubScope("loss");
    Operand<TFloat32> oneHot = loss.oneHot(labels, loss.constant(spec.classes()), loss.constant(1f), loss.constant(0f));
    exampleLoss = loss.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
    meanLoss = loss.withName("mean").math.mean(exampleLoss, loss.constant(0));
    predictions = loss.withName("predictions").math.argMax(logits, loss.constant(1), TInt32.class);
    correct = loss.withName("correct").sum(loss.dtypes.cast(loss.math.equal(predictions, labels), TFloat32.class), loss.constant(0));
    Operand<TFloat32> objective = meanLoss;
    if (optimizer.weightDecay() > 0) {
      Ops wd = tf.withSubScope("weight_decay");
      Operand<TFloat32> penalty = null;
      for (Variable<TFloat32> k : kernels) {
        Operand<TFloat32> l2 = wd.nn.l2Loss(k);
        penalty = penalty == null ? l2 : wd.math.add(penalty, l2);
      }
      objective = wd.math.add(meanLoss, wd.math.mul(wd.constant((float) optimizer.weightDecay()), penalty));
    }
    Updates.Built updates = Updates.build(tf.withSubScope("train"), objective, variables, optimizer, learningRate);
    train = statisticUpdates.isEmpty() ? updates.step()
        : tf.withSubScope("train").withControlDependencies(concat(List.of(updates.step()), statisticUpdates)).withName("step_and_statistics").noOp();
    stateVariables.addAll(variables);
    stateVariables.addAll(movingStatistics);
    stateVariables.addAll(updates.slots());
    Ops r = tf.withSubScope("restore");
    List<Op> assigns = new ArrayList<>();
    for (Variable<TFloat32> v : stateVariables) {
      Placeholder<TFloat32> in = r.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
      restoreInputs.add(in);
      assigns.add(r.assign(v, in));
    }
    restore = r.withControlDependencies(assigns).withName("all").noOp();
    builtOperationCount = operationCount();
  }

  /** A kernel drawn from the next stream of the initializer, and a zero bias; both trainable, the kernel decayed. */
  @SuppressWarnings("unchecked")
  private Variable<TFloat32>[] kernelAndBias(Ops scope, Shape shape, int units, int fanIn, int fanOut) {
    Variable<TFloat32> kernel = variable(scope, "kernel", shape, init.kernel((int) shape.size(), fanIn, fanOut));
    Variable<TFloat32> bias = variable(scope, "bias", Shape.of(units), new float[units]);
    variables.add(kernel);
    variables.add(bias);
    kernels.add(kernel);
    return new Variable[] {kernel, bias};
  }

  private static Operand<TFloat32> activate(Ops scope, Operand<TFloat32> z, Activation activation) {
    return activation == Activation.RELU ? scope.withName("relu").nn.relu(z) : z;
  }

  private static List<Op> concat(List<Op> a, List<Op> b) {
    List<Op> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * Batch normalisation per channel, over batch (and space, for feature maps): batch statistics
   * while training (and the moving averages updated from them, momentum 0.99), moving averages
   * otherwise.
   */
  private Operand<TFloat32> batchNorm(Ops bn, Operand<TFloat32> z, int channels, boolean spatial) {
    Variable<TFloat32> gamma = variable(bn, "gamma", Shape.of(channels), filled(channels, 1f));
    Variable<TFloat32> beta = variable(bn, "beta", Shape.of(channels), new float[channels]);
    Variable<TFloat32> movingMean = variable(bn, "moving_mean", Shape.of(channels), new float[channels]);
    Variable<TFloat32> movingVar = variable(bn, "moving_variance", Shape.of(channels), filled(channels, 1f));
    variables.add(gamma);
    variables.add(beta);
    movingStatistics.add(movingMean);
    movingStatistics.add(movingVar);
    Operand<TInt32> axes = bn.constant(spatial ? new int[] {0, 1, 2} : new int[] {0});
    Operand<TFloat32> mean = bn.math.mean(z, axes);
    Operand<TFloat32> variance = bn.math.mean(bn.math.squaredDifference(z, bn.stopGradient(mean)), axes);
    Operand<TFloat32> useMean = bn.math.add(bn.math.mul(train01, mean), bn.math.mul(infer01, movingMean));
    Operand<TFloat32> useVar = bn.math.add(bn.math.mul(train01, variance), bn.math.mul(infer01, movingVar));
    Operand<TFloat32> scale = bn.math.mul(gamma, bn.math.rsqrt(bn.math.add(useVar, bn.constant(1e-3f))));
    Operand<TFloat32> momentum = bn.constant(0.99f);
    Operand<TFloat32> rest = bn.constant(0.01f);
    statisticUpdates.add(bn.assign(movingMean, bn.math.add(bn.math.mul(momentum, movingMean), bn.math.mul(rest, bn.stopGradient(mean)))));
    statisticUpdates.add(bn.assign(movingVar, bn.math.add(bn.math.mul(momentum, movingVar), bn.math.mul(rest, bn.stopGradient(variance)))));
    return bn.withName("output").math.add(bn.math.mul(bn.math.sub(z, useMean), scale), beta);
  }

  /**
   * Inverted dropout while training: units kept with probability {@code 1 - rate} and scaled by
   * {@code 1 / (1 - rate)}; the mask comes from a stateless generator seeded by (run seed + the
   * dropout node's ordinal, step), fed per step. Identity otherwise.
   */
  private Operand<TFloat32> dropout(Ops d, Operand<TFloat32> h, double rate, int layer) {
    Operand<TInt64> seed = d.math.add(dropoutSeed, d.constant(new long[] {layer, 0}));
    Operand<TFloat32> u = d.random.statelessRandomUniform(d.shape(h), seed, TFloat32.class);
    float keep = (float) (1 - rate);
    Operand<TFloat32> mask = d.math.div(d.math.floor(d.math.add(u, d.constant(keep))), d.constant(keep));
    Operand<TFloat32> dropped = d.math.mul(h, mask);
    return d.withName("output").math.add(d.math.mul(train01, dropped), d.math.mul(infer01, h));
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  private static Variable<TFloat32> variable(Ops scope, String name, Shape shape, float[] values) {
    return scope.withName(name).variable(scope.constant(shape, DataBuffers.of(values, true, false)));
  }

  /** Number of operations in the graph (stable after construction). */
  int operationCount() {
    int n = 0;
    for (var it = graph.operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
