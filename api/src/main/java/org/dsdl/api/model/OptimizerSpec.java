package org.dsdl.api.model;

/**
 * How a model's weights are updated.
 *
 * @param kind the algorithm
 * @param learningRate step size, &gt; 0 (the trainer may vary it per step by a schedule)
 * @param momentum momentum for {@link Kind#SGD}, in [0, 1)
 * @param beta1 Adam's first-moment decay, in [0, 1)
 * @param beta2 Adam's second-moment decay, in [0, 1)
 * @param epsilon Adam's and RMSProp's numerical-stability constant, &gt; 0
 * @param rho RMSProp's decay of the mean square, in [0, 1)
 * @param weightDecay L2 penalty: {@code weightDecay / 2 × Σ‖kernel‖²} is added to the loss that is minimised (biases and batch-norm parameters are not decayed)
 */
public record OptimizerSpec(Kind kind, double learningRate, double momentum, double beta1, double beta2, double epsilon, double rho,
    double weightDecay) {

  /** The update rules an engine must offer. */
  public enum Kind {
    /** Adam (Kingma &amp; Ba 2015). */
    ADAM,
    /** Stochastic gradient descent with (optional) momentum. */
    SGD,
    /** RMSProp (Tieleman &amp; Hinton 2012), with optional momentum. */
    RMSPROP
  }

  /** The optimizer without RMSProp's rho (0.9) or weight decay. */
  public OptimizerSpec(Kind kind, double learningRate, double momentum, double beta1, double beta2, double epsilon) {
    this(kind, learningRate, momentum, beta1, beta2, epsilon, 0.9, 0);
  }

  /** Validates ranges, naming the field. */
  public OptimizerSpec {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("training.optimizer.learningRate must be > 0, got " + learningRate);
    }
    if (momentum < 0 || momentum >= 1) {
      throw new IllegalArgumentException("training.optimizer.momentum must be in [0, 1), got " + momentum);
    }
    if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
      throw new IllegalArgumentException("training.optimizer.beta1/beta2 must be in [0, 1)");
    }
    if (rho < 0 || rho >= 1) {
      throw new IllegalArgumentException("training.optimizer.rho must be in [0, 1), got " + rho);
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("training.optimizer.weightDecay must be >= 0, got " + weightDecay);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("training.optimizer.epsilon must be > 0, got " + epsilon);
    }
  }

  /** Adam with the usual defaults and the given learning rate. */
  public static OptimizerSpec adam(double learningRate) {
    return new OptimizerSpec(Kind.ADAM, learningRate, 0, 0.9, 0.999, 1e-7);
  }
}
