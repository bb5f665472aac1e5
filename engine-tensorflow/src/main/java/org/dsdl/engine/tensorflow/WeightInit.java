package org.dsdl.engine.tensorflow;

import java.util.SplittableRandom;
import org.dsdl.api.architecture.Initializer;

/**
 * Seeded initial kernels, computed in Java so that equal seeds give bit-identical weights whatever
 * TensorFlow's kernels do. He-uniform: U(±sqrt(6 / fanIn)); He-normal: N(0, 2 / fanIn);
 * Glorot-uniform: U(±sqrt(6 / (fanIn + fanOut))). Biases start at zero.
 */
final class WeightInit {
  private final SplittableRandom random;
  private final Initializer kind;

  WeightInit(long seed, Initializer kind) {
    this.random = new SplittableRandom(seed);
    this.kind = kind;
  }

  /** A kernel of {@code count} values for a layer with {@code fanIn} inputs and {@code fanOut} outputs per position. */
  float[] kernel(int count, int fanIn, int fanOut) {
    SplittableRandom r = random.split();
    float[] w = new float[count];
    switch (kind) {
      case HE_NORMAL -> {
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < count; i++) {
          w[i] = (float) (r.nextGaussian() * std);
        }
      }
      case GLOROT_UNIFORM -> fillUniform(w, r, Math.sqrt(6.0 / (fanIn + fanOut)));
      case HE_UNIFORM -> fillUniform(w, r, Math.sqrt(6.0 / fanIn));
    }
    return w;
  }

  private static void fillUniform(float[] w, SplittableRandom r, double limit) {
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
    }
  }
}
