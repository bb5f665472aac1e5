package org.dsdl.engine.tensorflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.model.ModelSpec;
import org.dsdl.api.model.OptimizerSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The TensorFlow graph of one VGG-style model: forward pass, loss, gradients and the optimiser's
 * update, built once. Nothing is added to the graph after construction, so the training loop never
 * grows it.
 */
final class VggGraph {
  /** One layer's handles: its output, its spatially pooled output, and its variables (if any). */
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
  /** Every variable of the training state, in creation order: weights, then optimizer slots. */
  final List<Variable<TFloat32>> stateVariables = new ArrayList<>();
  /** One placeholder per state variable, fed by a restore. */
  final List<Placeholder<TFloat32>> restoreInputs = new ArrayList<>();
  /** Assigns every state variable from its placeholder. */
  final Op restore;
  /** Operations in the graph once built; any later growth is a bug. */
  final int builtOperationCount;

  VggGraph(ModelSpec spec, OptimizerSpec optimizer, long seed) {
    Ops tf = Ops.create(graph);
    WeightInit init = new WeightInit(seed, spec.initializer());
    images = tf.withName("images").placeholder(TFloat32.class, Placeholder.shape(
        Shape.of(-1, spec.input().height(), spec.input().width(), spec.input().channels())));
    labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    training = tf.withName("training").placeholderWithDefault(tf.constant(false), Shape.scalar());
    dropoutSeed = tf.withName("dropout_seed").placeholderWithDefault(tf.constant(new long[] {0, 0}), Shape.of(2));
    Operand<TFloat32> train01 = tf.dtypes.cast(training, TFloat32.class);
    Operand<TFloat32> infer01 = tf.math.sub(tf.constant(1f), train01);

    List<Variable<TFloat32>> variables = new ArrayList<>();
    List<Variable<TFloat32>> kernels = new ArrayList<>();
    List<Variable<TFloat32>> movingStatistics = new ArrayList<>();
    List<Op> statisticUpdates = new ArrayList<>();
    int denseIndex = 0;
    Operand<TFloat32> h = images;
    int channels = spec.input().channels();
    int features = -1; // width of the flattened input of the next dense layer, once flattened
    long params = 0;
    for (LayerInfo info : spec.layers()) {
      Ops scope = tf.withSubScope(info.name());
      Variable<TFloat32> kernel = null;
      Variable<TFloat32> bias = null;
      switch (info.kind()) {
        case CONV -> {
          int out = info.units();
          kernel = variable(scope, "kernel", Shape.of(3, 3, channels, out), init.kernel(9 * channels * out, 9 * channels, 9 * out));
          bias = variable(scope, "bias", Shape.of(out), new float[out]);
          Operand<TFloat32> z = scope.nn.biasAdd(scope.nn.conv2d(h, kernel, List.of(1L, 1L, 1L, 1L), "SAME"), bias);
          if (spec.batchNorm()) {
            z = batchNorm(scope.withSubScope("batch_norm"), z, out, train01, infer01, variables, movingStatistics, statisticUpdates);
          }
          h = scope.withName("relu").nn.relu(z);
          channels = out;
        }
        case POOL -> h = scope.withName("maxpool").nn.maxPool(h, scope.constant(new int[] {1, 2, 2, 1}), scope.constant(new int[] {1, 2, 2, 1}), "VALID");
        case DENSE, LOGITS -> {
          if (features < 0) {
            features = flatSize(spec);
            h = tf.withName("flatten").reshape(h, tf.constant(new int[] {-1, features}));
          }
          int in = features;
          int out = info.units();
          features = out;
          kernel = variable(scope, "kernel", Shape.of(in, out), init.kernel(in * out, in, out));
          bias = variable(scope, "bias", Shape.of(out), new float[out]);
          Operand<TFloat32> z = scope.nn.biasAdd(scope.linalg.matMul(h, kernel), bias);
          if (info.kind() == LayerKind.DENSE) {
            h = scope.withName("relu").nn.relu(z);
            if (spec.dropout() > 0) {
              h = dropout(scope.withSubScope("dropout"), h, spec.dropout(), denseIndex, train01, infer01);
            }
            denseIndex++;
          } else {
            h = scope.withName("output").identity(z);
          }
        }
      }
      if (kernel != null) {
        variables.add(kernel);
        variables.add(bias);
        kernels.add(kernel);
      }
      Operand<TFloat32> pooled = info.kind().spatial()
          ? scope.withName("spatial_mean").math.mean(h, scope.constant(new int[] {1, 2}))
          : h;
      layers.put(info.name(), new LayerOps(info, h, pooled, kernel, bias));
    }
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

  private static List<Op> concat(List<Op> a, List<Op> b) {
    List<Op> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * Batch normalisation over batch and space, per channel: batch statistics while training (and
   * the moving averages updated from them, momentum 0.99), moving averages otherwise.
   */
  private static Operand<TFloat32> batchNorm(Ops bn, Operand<TFloat32> z, int channels, Operand<TFloat32> train01, Operand<TFloat32> infer01,
      List<Variable<TFloat32>> trainable, List<Variable<TFloat32>> moving, List<Op> updates) {
    Variable<TFloat32> gamma = variable(bn, "gamma", Shape.of(channels), filled(channels, 1f));
    Variable<TFloat32> beta = variable(bn, "beta", Shape.of(channels), new float[channels]);
    Variable<TFloat32> movingMean = variable(bn, "moving_mean", Shape.of(channels), new float[channels]);
    Variable<TFloat32> movingVar = variable(bn, "moving_variance", Shape.of(channels), filled(channels, 1f));
    trainable.add(gamma);
    trainable.add(beta);
    moving.add(movingMean);
    moving.add(movingVar);
    Operand<TInt32> axes = bn.constant(new int[] {0, 1, 2});
    Operand<TFloat32> mean = bn.math.mean(z, axes);
    Operand<TFloat32> variance = bn.math.mean(bn.math.squaredDifference(z, bn.stopGradient(mean)), axes);
    Operand<TFloat32> useMean = bn.math.add(bn.math.mul(train01, mean), bn.math.mul(infer01, movingMean));
    Operand<TFloat32> useVar = bn.math.add(bn.math.mul(train01, variance), bn.math.mul(infer01, movingVar));
    Operand<TFloat32> scale = bn.math.mul(gamma, bn.math.rsqrt(bn.math.add(useVar, bn.constant(1e-3f))));
    Operand<TFloat32> momentum = bn.constant(0.99f);
    Operand<TFloat32> rest = bn.constant(0.01f);
    updates.add(bn.assign(movingMean, bn.math.add(bn.math.mul(momentum, movingMean), bn.math.mul(rest, bn.stopGradient(mean)))));
    updates.add(bn.assign(movingVar, bn.math.add(bn.math.mul(momentum, movingVar), bn.math.mul(rest, bn.stopGradient(variance)))));
    return bn.withName("output").math.add(bn.math.mul(bn.math.sub(z, useMean), scale), beta);
  }

  /**
   * Inverted dropout while training: units kept with probability {@code 1 - rate} and scaled by
   * {@code 1 / (1 - rate)}; the mask comes from a stateless generator seeded by (run seed + layer,
   * step), fed per step. Identity otherwise.
   */
  private Operand<TFloat32> dropout(Ops d, Operand<TFloat32> h, double rate, int layer, Operand<TFloat32> train01, Operand<TFloat32> infer01) {
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

  private static int flatSize(ModelSpec spec) {
    LayerInfo lastPool = spec.layers().stream().filter(l -> l.kind() == LayerKind.POOL).reduce((a, b) -> b).orElse(null);
    if (lastPool == null) {
      return spec.input().size();
    }
    return lastPool.outputShape().get(0) * lastPool.outputShape().get(1) * lastPool.outputShape().get(2);
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
