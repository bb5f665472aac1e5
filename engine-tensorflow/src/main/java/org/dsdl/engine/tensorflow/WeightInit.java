package org.dsdl.engine.tensorflow;

import java.util.SplittableRandom;

/**
 * Seeded He-uniform initial weights, computed in Java so that equal seeds give bit-identical
 * weights whatever TensorFlow's kernels do: values uniform in ±sqrt(6 / fanIn); biases zero.
 */
final class WeightInit {
  private final SplittableRandom random;

  WeightInit(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A kernel of {@code count} values for a layer with {@code fanIn} inputs per unit. */
  float[] heUniform(int count, int fanIn) {
    SplittableRandom r = random.split();
    double limit = Math.sqrt(6.0 / fanIn);
    float[] w = new float[count];
    for (int i = 0; i < count; i++) {
      w[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
    }
    return w;
  }
}
