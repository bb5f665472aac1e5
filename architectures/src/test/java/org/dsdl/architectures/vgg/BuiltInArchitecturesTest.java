package org.dsdl.architectures.vgg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dsdl.api.architecture.Initializer;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.architecture.Preset;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.architectures.resnet.ResNetMiniParameters;
import org.dsdl.architectures.resnet.ResNetMiniProvider;
import org.junit.jupiter.api.Test;

class BuiltInArchitecturesTest {
  private static final ImageShape GRAY32 = new ImageShape(32, 32, 1);
  private final VggProvider vgg = new VggProvider();
  private final ResNetMiniProvider resnet = new ResNetMiniProvider();

  private LayerGraph preset(String name) {
    return vgg.graph(vgg.presets().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().parameters(), GRAY32, 5);
  }

  @Test
  void theDefaultPresetHasThePapersSize() {
    assertThat(vgg.presets()).extracting(Preset::name).containsExactly("vgg-1.24m", "vgg-tiny", "vgg-wide");
    assertThat(vgg.defaultParameters()).isEqualTo(vgg.presets().get(0).parameters());
    // By hand: conv 3x3 (in*9+1)*out: 1->32: 320; 32->32: 9248; 32->64: 18496; 64->64: 36928;
    // 64->128: 73856; 128->128: 147584; flatten 4*4*128=2048 -> 440: 901560; 440->128: 56448; 128->5: 645.
    long byHand = 320 + 9248 + 18496 + 36928 + 73856 + 147584 + 901560 + 56448 + 645;
    assertThat(byHand).isEqualTo(1_245_085L);
    assertThat(preset("vgg-1.24m").parameterCount()).isEqualTo(byHand);
    assertThat(preset("vgg-1.24m").forwardFlops()).isEqualTo(78_003_456L); // as the ModelSpec it replaces counted: 78.00 MFLOP forward
  }

  @Test
  void vggLayersAreNamedKerasStyleWithShapes() {
    LayerGraph g = preset("vgg-tiny");
    assertThat(g.layers()).extracting(LayerInfo::name)
        .containsExactly("block1_conv1", "block1_pool", "block2_conv1", "block2_pool", "fc1", "logits");
    assertThat(g.layers()).extracting(LayerInfo::kind).containsExactly(LayerKind.CONV, LayerKind.POOL, LayerKind.CONV, LayerKind.POOL,
        LayerKind.DENSE, LayerKind.LOGITS);
    assertThat(g.layers().get(0).outputShape()).containsExactly(32, 32, 8);
    assertThat(g.layers().get(3).outputShape()).containsExactly(8, 8, 16);
    assertThat(g.layers().get(4).parameters()).isEqualTo(8L * 8 * 16 * 32 + 32);
  }

  @Test
  void vggBatchNormAndDropoutKeepTheLayersProbesSee() {
    LayerGraph g = vgg.graph(new VggParameters(List.of(List.of(8), List.of(16)), List.of(32), true, 0.3, Initializer.HE_NORMAL), GRAY32, 5);
    assertThat(g.layers()).extracting(LayerInfo::name)
        .containsExactly("block1_conv1", "block1_pool", "block2_conv1", "block2_pool", "fc1", "logits");
    assertThat(g.layers().get(0).parameters()).isEqualTo(9 * 8 + 8 + 2 * 8); // kernel, bias, batch norm scale and shift
    assertThat(g.capturedNode("block1_conv1")).isEqualTo("block1_conv1_bn");
    assertThat(g.capturedNode("fc1")).isEqualTo("fc1_dropout");
  }

  @Test
  void vggRefusesWhatDoesNotFitNamingTheParameter() {
    assertThatThrownBy(() -> vgg.graph(new VggParameters(List.of(List.of(2), List.of(2), List.of(2)), List.of()), new ImageShape(4, 4, 1), 2))
        .hasMessageContaining("blocks").hasMessageContaining("block 3").hasMessageContaining("below 1x1");
    assertThatThrownBy(() -> new VggParameters(List.of(List.of(0)), List.of())).hasMessageContaining("blocks[0]");
    assertThatThrownBy(() -> new VggParameters(List.of(List.of(4)), List.of(0))).hasMessageContaining("dense[0]");
    assertThatThrownBy(() -> new VggParameters(List.of(), List.of(), false, 0, null)).hasMessageContaining("initializer must be one of");
  }

  @Test
  void resnetMiniIsSmallAndResidual() {
    LayerGraph g = resnet.graph(resnet.defaultParameters(), GRAY32, 5);
    assertThat(g.parameterCount()).isBetween(100_000L, 300_000L);
    assertThat(g.layers()).extracting(LayerInfo::name).startsWith("stem", "stage1_block1_conv1", "stage1_block1_conv2", "stage1_block1_add")
        .contains("stage2_block1_shortcut", "stage3_block2_add").endsWith("pool", "logits");
    assertThat(g.layers().stream().filter(l -> l.kind() == LayerKind.ADD)).hasSize(6);
    assertThat(g.shape("stage3_block2_add")).containsExactly(8, 8, 64);
    // an identity block: conv1 (9*16+1)*16 + batch norm 32 = 2,352
    assertThat(g.layers().get(1).parameters()).isEqualTo(2_352);
    LayerGraph plain = resnet.graph(new ResNetMiniParameters(List.of(4), 1, false, Initializer.HE_UNIFORM), new ImageShape(8, 8, 1), 2);
    // stem (9+1)*4 = 40; conv1, conv2 (36+1)*4 = 148 each; identity shortcut; logits 4*2 + 2 = 10
    assertThat(plain.parameterCount()).isEqualTo(40 + 148 + 148 + 10);
    assertThatThrownBy(() -> new ResNetMiniParameters(List.of(), 1, true, Initializer.HE_UNIFORM)).hasMessageContaining("widths");
    assertThatThrownBy(() -> new ResNetMiniParameters(List.of(8), 0, true, Initializer.HE_UNIFORM)).hasMessageContaining("blocksPerStage");
  }
}
