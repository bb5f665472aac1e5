package org.dsdl.datasets.select;

import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;

/** Bilinear resizing with pixel centres aligned (as TensorFlow's {@code resize} with half-pixel centres). */
public final class Resize {
  private Resize() {}

  /** Every image of {@code split} resized to {@code to} (same channel count). */
  public static Split bilinear(Split split, ImageShape to) {
    ImageShape from = split.shape();
    float[] out = new float[split.size() * to.size()];
    for (int n = 0; n < split.size(); n++) {
      image(split.images(), n * from.size(), from, out, n * to.size(), to);
    }
    return new Split(to, out, split.labels(), split.ids());
  }

  /** Resizes one image from {@code src} at {@code so} into {@code dst} at {@code d0}. */
  public static void image(float[] src, int so, ImageShape from, float[] dst, int d0, ImageShape to) {
    int c = from.channels();
    double sy = (double) from.height() / to.height();
    double sx = (double) from.width() / to.width();
    for (int y = 0; y < to.height(); y++) {
      double fy = Math.max(0, (y + 0.5) * sy - 0.5);
      int y0 = Math.min((int) fy, from.height() - 1);
      int y1 = Math.min(y0 + 1, from.height() - 1);
      double wy = fy - y0;
      for (int x = 0; x < to.width(); x++) {
        double fx = Math.max(0, (x + 0.5) * sx - 0.5);
        int x0 = Math.min((int) fx, from.width() - 1);
        int x1 = Math.min(x0 + 1, from.width() - 1);
        double wx = fx - x0;
        for (int k = 0; k < c; k++) {
          double a = src[so + (y0 * from.width() + x0) * c + k];
          double b = src[so + (y0 * from.width() + x1) * c + k];
          double e = src[so + (y1 * from.width() + x0) * c + k];
          double f = src[so + (y1 * from.width() + x1) * c + k];
          dst[d0 + (y * to.width() + x) * c + k] = (float) ((a * (1 - wx) + b * wx) * (1 - wy) + (e * (1 - wx) + f * wx) * wy);
        }
      }
    }
  }
}
