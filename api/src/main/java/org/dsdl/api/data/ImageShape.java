package org.dsdl.api.data;

/**
 * The shape of one image: height × width × channels (1 for grayscale, 3 for RGB).
 *
 * @param height rows of pixels, at least 1
 * @param width columns of pixels, at least 1
 * @param channels values per pixel, at least 1
 */
public record ImageShape(int height, int width, int channels) {
  /** Validates that every dimension is positive. */
  public ImageShape {
    if (height < 1 || width < 1 || channels < 1) {
      throw new IllegalArgumentException(
          "image shape must be positive, got " + height + "x" + width + "x" + channels);
    }
  }

  /** Number of float values in one image. */
  public int size() {
    return height * width * channels;
  }

  @Override
  public String toString() {
    return height + "x" + width + "x" + channels;
  }
}
