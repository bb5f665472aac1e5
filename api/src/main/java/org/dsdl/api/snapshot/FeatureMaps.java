package org.dsdl.api.snapshot;

/**
 * Whole convolutional feature maps {@code [n × height × width × channels]}, row-major (NHWC).
 * Large: only captured when a probe asks for them.
 *
 * @param n exemplars
 * @param height rows of each map
 * @param width columns of each map
 * @param channels channels (units)
 * @param data the values, shared and read-only
 */
public record FeatureMaps(int n, int height, int width, int channels, float[] data) {
  /** Checks the array length. */
  public FeatureMaps {
    if ((long) n * height * width * channels != data.length) {
      throw new IllegalArgumentException("feature maps " + n + "x" + height + "x" + width + "x" + channels + " need " + ((long) n * height * width * channels) + " values, got " + data.length);
    }
  }

  /** The value for exemplar {@code i} at ({@code y}, {@code x}) in channel {@code c}. */
  public float get(int i, int y, int x, int c) {
    return data[((i * height + y) * width + x) * channels + c];
  }
}
