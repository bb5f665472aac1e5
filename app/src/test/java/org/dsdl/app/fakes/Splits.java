package org.dsdl.app.fakes;

import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;

/** Small splits for tests: 2×2 grey images whose pixels are their index. */
public final class Splits {
  private Splits() {}

  /** {@code n} exemplars, exemplar i of class {@code i % classes}, ids 100 + i. */
  public static Split of(int n, int classes) {
    ImageShape shape = new ImageShape(2, 2, 1);
    float[] images = new float[n * shape.size()];
    int[] labels = new int[n];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(images, i * shape.size(), (i + 1) * shape.size(), i);
      labels[i] = i % classes;
      ids[i] = 100 + i;
    }
    return new Split(shape, images, labels, ids);
  }
}
