package org.dsdl.engine.tensorflow;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.model.OptimizerSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The optimiser's update as graph ops. Built from TensorFlow's fused {@code Apply*} kernels with the
 * learning rate fed at each step (so the trainer can follow any schedule) and Adam's bias-correction
 * powers advanced after every update, all behind one target op: one session call per step.
 */
final class Updates {
  private Updates() {}

  /**
   * The update op and the optimizer's own variables (moments, accumulators, Adam's powers), which
   * belong to the training state.
   */
  record Built(Op step, List<Variable<TFloat32>> slots) {}

  static Built build(Ops graphOps, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, OptimizerSpec spec, Operand<TFloat32> learningRate) {
    Gradients grads = graphOps.gradients(loss, variables);
    // Gate: no update may start before every gradient is computed. The backward pass reads the
    // (reference) variables again, so an early update of one layer would corrupt the gradients of
    // the layers below it, nondeterministically.
    List<Op> gradientOps = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      gradientOps.add(grads.dy(i));
    }
    Ops tf = graphOps;
    Ops gated = graphOps.withControlDependencies(gradientOps);
    List<Op> updates = new ArrayList<>();
    List<Variable<TFloat32>> slots = new ArrayList<>();
    switch (spec.kind()) {
      case ADAM -> {
        Operand<TFloat32> beta1 = tf.constant((float) spec.beta1());
        Operand<TFloat32> beta2 = tf.constant((float) spec.beta2());
        Variable<TFloat32> beta1Power = tf.withName("beta1_power").variable(tf.constant((float) spec.beta1()));
        Variable<TFloat32> beta2Power = tf.withName("beta2_power").variable(tf.constant((float) spec.beta2()));
        slots.add(beta1Power);
        slots.add(beta2Power);
        Operand<TFloat32> epsilon = tf.constant((float) spec.epsilon());
        for (int i = 0; i < variables.size(); i++) {
          Variable<TFloat32> v = variables.get(i);
          Variable<TFloat32> m = tf.variable(tf.zerosLike(v));
          Variable<TFloat32> s = tf.variable(tf.zerosLike(v));
          slots.add(m);
          slots.add(s);
          updates.add(gated.train.applyAdam(v, m, s, beta1Power, beta2Power, learningRate, beta1, beta2, epsilon, grads.dy(i)));
        }
        Ops after = tf.withControlDependencies(updates);
        List<Op> powers = List.of(
            after.assign(beta1Power, after.math.mul(beta1Power, beta1)),
            after.assign(beta2Power, after.math.mul(beta2Power, beta2)));
        return new Built(tf.withControlDependencies(powers).withName("step").noOp(), slots);
      }
      case SGD -> {
        Operand<TFloat32> momentum = tf.constant((float) spec.momentum());
        for (int i = 0; i < variables.size(); i++) {
          Variable<TFloat32> v = variables.get(i);
          Variable<TFloat32> accum = tf.variable(tf.zerosLike(v));
          slots.add(accum);
          updates.add(gated.train.applyMomentum(v, accum, learningRate, grads.dy(i), momentum));
        }
        return new Built(tf.withControlDependencies(updates).withName("step").noOp(), slots);
      }
      case RMSPROP -> {
        Operand<TFloat32> rho = tf.constant((float) spec.rho());
        Operand<TFloat32> momentum = tf.constant((float) spec.momentum());
        Operand<TFloat32> epsilon = tf.constant((float) spec.epsilon());
        for (int i = 0; i < variables.size(); i++) {
          Variable<TFloat32> v = variables.get(i);
          Variable<TFloat32> ms = tf.variable(tf.zerosLike(v));
          Variable<TFloat32> mom = tf.variable(tf.zerosLike(v));
          slots.add(ms);
          slots.add(mom);
          updates.add(gated.train.applyRmsProp(v, ms, mom, learningRate, rho, momentum, epsilon, grads.dy(i)));
        }
        return new Built(tf.withControlDependencies(updates).withName("step").noOp(), slots);
      }
      default -> throw new IllegalArgumentException("unsupported optimizer " + spec.kind());
    }
  }
}
