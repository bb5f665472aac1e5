package org.dsdl.visualizers.common;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Heat maps as images and colours: a blue–white–red scale for signed values, white–dark blue for non-negative ones. */
public final class Heatmaps {
  private Heatmaps() {}

  /** The range a heat map of {@code values} spans: [min, max] of the finite values, symmetric around 0 if any is negative. */
  public static double[] range(double[][] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : values) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (min > max) {
      return new double[] {0, 1};
    }
    if (min < 0) {
      double m = Math.max(-min, max);
      return new double[] {-m, m};
    }
    return new double[] {Math.min(0, min), max > min ? max : min + 1};
  }

  /** The colour of {@code v} in {@code range}; grey for NaN. */
  public static Color colour(double v, double[] range) {
    if (!Double.isFinite(v)) {
      return new Color(200, 200, 200);
    }
    if (range[0] < 0) {
      double t = Math.max(-1, Math.min(1, v / range[1]));
      int fade = (int) Math.round(255 * (1 - Math.abs(t)));
      return t >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }
    double t = Math.max(0, Math.min(1, (v - range[0]) / (range[1] - range[0])));
    return new Color((int) Math.round(255 - t * 247), (int) Math.round(255 - t * 207), (int) Math.round(255 - t * 148));
  }

  /** The matrix as an image, {@code cell} pixels per entry. */
  public static BufferedImage image(double[][] values, int cell) {
    int rows = values.length;
    int cols = rows == 0 ? 0 : values[0].length;
    BufferedImage img = new BufferedImage(Math.max(1, cols * cell), Math.max(1, rows * cell), BufferedImage.TYPE_INT_RGB);
    double[] range = range(values);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int rgb = colour(values[i][j], range).getRGB();
        for (int y = 0; y < cell; y++) {
          for (int x = 0; x < cell; x++) {
            img.setRGB(j * cell + x, i * cell + y, rgb);
          }
        }
      }
    }
    return img;
  }
}
