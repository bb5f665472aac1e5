package org.dsdl.app.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.dsdl.api.model.OptimizerSpec;

/**
 * The update rule as written in a config.
 *
 * @param type the algorithm, written {@code adam}, {@code sgd} or {@code rmsprop}
 * @param learningRate step size
 * @param momentum SGD momentum
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param epsilon Adam/RMSProp stability constant
 * @param rho RMSProp decay of the mean square
 * @param weightDecay L2 penalty on kernels
 */
public record OptimizerConfig(@JsonDeserialize(using = ApiValues.OptimizerKind.class) OptimizerSpec.Kind type, double learningRate,
    double momentum, double beta1, double beta2, double epsilon, double rho, double weightDecay) {
  /** The engine-facing spec; throws naming the key when a value is out of range. */
  public OptimizerSpec toSpec() {
    if (type == null) {
      throw new IllegalArgumentException("training.optimizer.type must be one of [adam, sgd, rmsprop], got 'null'");
    }
    return new OptimizerSpec(type, learningRate, momentum, beta1, beta2, epsilon, rho, weightDecay);
  }
}
