package org.dsdl.api.data;

import java.util.Arrays;

/**
 * One split of a dataset held in memory as primitive arrays: images in row-major NHWC order
 * ({@code images[i * shape.size() + (y * width + x) * channels + c]}), a label in {@code 0..C-1}
 * and a stable exemplar id per image.
 *
 * <p>Arrays are shared, not copied, for speed: treat them as read-only. Ids are stable across runs
 * with the same dataset config and seed, so a probe set or an exported array can be traced back to
 * its exemplars.
 *
 * @param shape the shape of each image
 * @param images the pixel values, {@code size() * shape.size()} floats, normally in [0, 1]
 * @param labels the class index of each image
 * @param ids a stable id for each image
 */
public record Split(ImageShape shape, float[] images, int[] labels, long[] ids) {
  /** Validates that the arrays agree in length. */
  public Split {
    if (labels.length != ids.length || images.length != (long) labels.length * shape.size()) {
      throw new IllegalArgumentException(
          "split arrays disagree: " + labels.length + " labels, " + ids.length + " ids, "
              + images.length + " pixel values for shape " + shape);
    }
  }

  /** Number of exemplars. */
  public int size() {
    return labels.length;
  }

  /** Number of exemplars of each class {@code 0..classes-1}. */
  public int[] countsPerClass(int classes) {
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** A new split holding the exemplars at {@code indices}, in that order (copies the pixels). */
  public Split select(int[] indices) {
    int size = shape.size();
    float[] px = new float[indices.length * size];
    int[] lb = new int[indices.length];
    long[] id = new long[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      System.arraycopy(images, i * size, px, k * size, size);
      lb[k] = labels[i];
      id[k] = ids[i];
    }
    return new Split(shape, px, lb, id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Split s
        && shape.equals(s.shape)
        && Arrays.equals(images, s.images)
        && Arrays.equals(labels, s.labels)
        && Arrays.equals(ids, s.ids);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Arrays.hashCode(ids);
  }

  @Override
  public String toString() {
    return "Split[" + size() + " x " + shape + "]";
  }
}
