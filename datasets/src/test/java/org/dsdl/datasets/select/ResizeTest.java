package org.dsdl.datasets.select;

import static org.assertj.core.api.Assertions.assertThat;

import org.dsdl.api.data.ImageShape;
import org.junit.jupiter.api.Test;

class ResizeTest {
  @Test
  void bilinearWithHalfPixelCentresMatchesAHandComputedCase() {
    // 2x2 [[0,1],[2,3]] to 4x4: source x for output x is (x+0.5)/2-0.5 = -0.25, 0.25, 0.75, 1.25 (clamped)
    float[] src = {0, 1, 2, 3};
    float[] dst = new float[16];
    Resize.image(src, 0, new ImageShape(2, 2, 1), dst, 0, new ImageShape(4, 4, 1));
    assertThat(dst).containsExactly(
        0f, 0.25f, 0.75f, 1f,
        0.5f, 0.75f, 1.25f, 1.5f,
        1.5f, 1.75f, 2.25f, 2.5f,
        2f, 2.25f, 2.75f, 3f);
  }
}
