package org.dsdl.datasets.tokens;

import org.dsdl.api.plugin.Param;

/**
 * Parameters of the {@code tokens} generator. Lengths are fractions of the image size, so a task
 * keeps its difficulty when {@code size} changes.
 */
public record TokensParameters(
    @Param("number of token categories (classes), 2..100") int tokens,
    @Param("training exemplars per token") int trainPerClass,
    @Param("held-out exemplars per token") int testPerClass,
    @Param("the smallest trainPerClass allowed; the dense-sample norm is 500, lower it only deliberately") int minPerClass,
    @Param("image height and width in pixels (grayscale)") int size,
    @Param("largest translation, as a fraction of the image size") double shift,
    @Param("largest relative change of glyph size (0.2 = 80%..120%)") double scale,
    @Param("largest rotation in degrees, either way") double rotation,
    @Param("thinnest stroke, as a fraction of the image size") double strokeMin,
    @Param("thickest stroke, as a fraction of the image size") double strokeMax,
    @Param("per-stroke endpoint jitter and bending, in glyph units (0 = perfect prototypes)") double distortion,
    @Param("largest number of faint distractor strokes drawn from the shared primitives") int clutter,
    @Param("standard deviation of additive Gaussian pixel noise (pixels in [0,1])") double noise) {

  /** The defaults: 5 tokens, 500 + 100 exemplars each, 32×32. */
  public static TokensParameters defaults() {
    return new TokensParameters(5, 500, 100, 500, 32, 0.12, 0.2, 25, 0.05, 0.1, 0.1, 2, 0.2);
  }

  /** Validates every field, naming it. */
  public TokensParameters {
    require(tokens >= 2 && tokens <= 100, "tokens", "between 2 and 100", tokens);
    require(minPerClass >= 1, "minPerClass", "at least 1", minPerClass);
    if (trainPerClass < minPerClass) {
      throw new IllegalArgumentException("trainPerClass is " + trainPerClass + " but minPerClass is " + minPerClass
          + ": a dense-sample task needs at least " + minPerClass + " training exemplars per class"
          + " (lower minPerClass explicitly to allow fewer)");
    }
    require(testPerClass >= 1, "testPerClass", "at least 1", testPerClass);
    require(size >= 8 && size <= 512, "size", "between 8 and 512", size);
    require(shift >= 0 && shift <= 0.5, "shift", "in [0, 0.5]", shift);
    require(scale >= 0 && scale < 1, "scale", "in [0, 1)", scale);
    require(rotation >= 0 && rotation <= 180, "rotation", "in [0, 180]", rotation);
    require(strokeMin > 0 && strokeMax >= strokeMin && strokeMax <= 0.5, "strokeMin/strokeMax", "0 < strokeMin <= strokeMax <= 0.5", strokeMin + "/" + strokeMax);
    require(distortion >= 0 && distortion <= 0.5, "distortion", "in [0, 0.5]", distortion);
    require(clutter >= 0 && clutter <= 10, "clutter", "between 0 and 10", clutter);
    require(noise >= 0 && noise <= 1, "noise", "in [0, 1]", noise);
  }

  private static void require(boolean ok, String field, String expected, Object got) {
    if (!ok) {
      throw new IllegalArgumentException(field + " must be " + expected + ", got " + got);
    }
  }
}
