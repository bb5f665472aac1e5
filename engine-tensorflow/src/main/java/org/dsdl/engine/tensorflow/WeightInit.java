package org.dsdl.engine.tensorflow;

import java.util.SplittableRandom;

/**
 * Seeded initial kernels, computed in Java so that equal seeds give bit-identical weights whatever
 * TensorFlow's kernels do. He-uniform: U(±sqrt(6 / fanIn)); He-normal: N(0, 2 / fanIn);
 * Glorot-uniform: U(±sqrt(6 / (fanIn + fanOut))). Biases start at zero.
 */
final class WeightInit {
  private final SplittableRandom random;
  private final String kind;

  WeightInit(long seed, String kind) {
    this.random = new SplittableRandom(seed);
    this.kind = kind;
  }

  /** A kernel of {@code count} values for a layer with {@code fanIn} inputs and {@code fanOut} outputs per position. */
  float[] kernel(int count, int fanIn, int fanOut) {
    SplittableRandom r = random.split();
    float[] w = new float[count];
    switch (kind) {
      case "he-normal" -> {
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < count; i++) {
          w[i] = (float) (r.nextGaussian() * std);
        }
      }
      case "glorot-uniform" -> fillUniform(w, r, Math.sqrt(6.0 / (fanIn + fanOut)));
      default -> fillUniform(w, r, Math.sqrt(6.0 / fanIn));
    }
    return w;
  }

  private static void fillUniform(float[] w, SplittableRandom r, double limit) {
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
    }
  }
}
