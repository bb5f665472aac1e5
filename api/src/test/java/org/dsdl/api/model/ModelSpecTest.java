package org.dsdl.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dsdl.api.data.ImageShape;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

  @Test
  void defaultPresetHasThePapersSize() {
    ModelSpec spec = ModelPresets.find(ModelPresets.DEFAULT).orElseThrow();
    // By hand: conv 3x3 (in*9+1)*out: 1->32: 320; 32->32: 9248; 32->64: 18496; 64->64: 36928;
    // 64->128: 73856; 128->128: 147584; flatten 4*4*128=2048 -> 440: 901560; 440->128: 56448; 128->5: 645.
    long byHand = 320 + 9248 + 18496 + 36928 + 73856 + 147584 + 901560 + 56448 + 645;
    assertThat(byHand).isEqualTo(1_245_085L);
    assertThat(spec.parameterCount()).isEqualTo(byHand);
    assertThat(Math.abs(spec.parameterCount() - 1_240_000.0) / 1_240_000.0).isLessThan(0.01);
  }

  @Test
  void layersAreNamedKerasStyleWithShapes() {
    ModelSpec spec = ModelPresets.find("vgg-tiny").orElseThrow();
    assertThat(spec.layers()).extracting(LayerInfo::name)
        .containsExactly("block1_conv1", "block1_pool", "block2_conv1", "block2_pool", "fc1", "logits");
    assertThat(spec.layers().get(0).outputShape()).containsExactly(32, 32, 8);
    assertThat(spec.layers().get(3).outputShape()).containsExactly(8, 8, 16);
    assertThat(spec.layers().get(4).parameters()).isEqualTo(8L * 8 * 16 * 32 + 32);
  }

  @Test
  void forwardMacsCountConvolutionsAndDenseLayers() {
    ModelSpec spec = new ModelSpec("t", new ImageShape(4, 4, 1), 2, List.of(List.of(2)), List.of(3));
    // conv: 4*4 positions * 2 out * 9 * 1 in = 288; dense: (2*2*2)*3 = 24; logits 3*2 = 6.
    assertThat(spec.forwardMacs()).isEqualTo(288 + 24 + 6);
  }

  @Test
  void rejectsPoolingBelowOnePixel() {
    assertThatThrownBy(() -> new ModelSpec("t", new ImageShape(4, 4, 1), 2, List.of(List.of(2), List.of(2), List.of(2)), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block 3").hasMessageContaining("below 1x1");
  }

  @Test
  void rejectsZeroWidthsNamingTheField() {
    assertThatThrownBy(() -> new ModelSpec("t", new ImageShape(8, 8, 1), 2, List.of(List.of(0)), List.of()))
        .hasMessageContaining("model.blocks[0]");
    assertThatThrownBy(() -> new ModelSpec("t", new ImageShape(8, 8, 1), 2, List.of(List.of(4)), List.of(0)))
        .hasMessageContaining("model.dense[0]");
  }
}
