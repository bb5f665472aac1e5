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
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

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
    WeightInit init = new WeightInit(seed);
    images = tf.withName("images").placeholder(TFloat32.class, Placeholder.shape(
        Shape.of(-1, spec.input().height(), spec.input().width(), spec.input().channels())));
    labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

    List<Variable<TFloat32>> variables = new ArrayList<>();
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
          kernel = variable(scope, "kernel", Shape.of(3, 3, channels, out), init.heUniform(9 * channels * out, 9 * channels));
          bias = variable(scope, "bias", Shape.of(out), new float[out]);
          h = scope.withName("relu").nn.relu(scope.nn.biasAdd(scope.nn.conv2d(h, kernel, List.of(1L, 1L, 1L, 1L), "SAME"), bias));
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
          kernel = variable(scope, "kernel", Shape.of(in, out), init.heUniform(in * out, in));
          bias = variable(scope, "bias", Shape.of(out), new float[out]);
          Operand<TFloat32> z = scope.nn.biasAdd(scope.linalg.matMul(h, kernel), bias);
          h = info.kind() == LayerKind.DENSE ? scope.withName("relu").nn.relu(z) : scope.withName("output").identity(z);
        }
      }
      if (kernel != null) {
        variables.add(kernel);
        variables.add(bias);
        params += kernel.shape().size() + bias.shape().size();
      }
      Operand<TFloat32> pooled = info.kind().spatial()
          ? scope.withName("spatial_mean").math.mean(h, scope.constant(new int[] {1, 2}))
          : h;
      layers.put(info.name(), new LayerOps(info, h, pooled, kernel, bias));
    }
    parameterCount = params;
    logits = h;

    Ops loss = tf.withSubScope("loss");
    Operand<TFloat32> oneHot = loss.oneHot(labels, loss.constant(spec.classes()), loss.constant(1f), loss.constant(0f));
    exampleLoss = loss.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
    meanLoss = loss.withName("mean").math.mean(exampleLoss, loss.constant(0));
    predictions = loss.withName("predictions").math.argMax(logits, loss.constant(1), TInt32.class);
    correct = loss.withName("correct").sum(loss.dtypes.cast(loss.math.equal(predictions, labels), TFloat32.class), loss.constant(0));
    Updates.Built updates = Updates.build(tf.withSubScope("train"), meanLoss, variables, optimizer, learningRate);
    train = updates.step();
    stateVariables.addAll(variables);
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
