package org.dsdl.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.architecture.Node.Add;
import org.dsdl.api.architecture.Node.BatchNorm;
import org.dsdl.api.architecture.Node.Convolution;
import org.dsdl.api.architecture.Node.Dense;
import org.dsdl.api.architecture.Node.Dropout;
import org.dsdl.api.architecture.Node.Flatten;
import org.dsdl.api.architecture.Node.GlobalAveragePooling;
import org.dsdl.api.architecture.Node.Input;
import org.dsdl.api.architecture.Node.Pooling;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.junit.jupiter.api.Test;

class LayerGraphTest {
  private static final ImageShape IN = new ImageShape(4, 4, 1);
  private static final Activation RELU = Activation.RELU;
  private static final Activation NONE = Activation.NONE;

  /** conv 3x3 1->2, pool, flatten, dense 3, logits 2, on 4x4x1. */
  private static List<Node> tinyVgg() {
    return List.of(new Input("input"), new Convolution("block1_conv1", "input", 2), new Pooling("block1_pool", "block1_conv1"),
        new Flatten("flatten", "block1_pool"), new Dense("fc1", "flatten", 3, RELU), new Dense("logits", "fc1", 2, NONE));
  }

  /** stem (+BN), a 2-channel identity block, a stride-2 block to 4 channels with a 1x1 projection, global pooling, logits 2. */
  private static List<Node> tinyResNet() {
    return List.of(new Input("input"),
        new Convolution("stem", "input", 2, 3, 1, NONE), new BatchNorm("stem_bn", "stem", RELU),
        new Convolution("b1_conv1", "stem_bn", 2), new Convolution("b1_conv2", "b1_conv1", 2, 3, 1, NONE),
        new Add("b1_add", List.of("b1_conv2", "stem_bn"), RELU),
        new Convolution("b2_conv1", "b1_add", 4, 3, 2, RELU), new Convolution("b2_conv2", "b2_conv1", 4, 3, 1, NONE),
        new Convolution("b2_shortcut", "b1_add", 4, 1, 2, NONE),
        new Add("b2_add", List.of("b2_conv2", "b2_shortcut"), RELU),
        new GlobalAveragePooling("pool", "b2_add"), new Dense("logits", "pool", 2, NONE));
  }

  @Test
  void aTinyVggHasHandComputedShapesParametersAndMacs() {
    LayerGraph g = new LayerGraph(IN, tinyVgg(), Initializer.HE_UNIFORM);
    // conv (9*1 + 1)*2 = 20; flatten 2*2*2 = 8; fc1 8*3 + 3 = 27; logits 3*2 + 2 = 8
    assertThat(g.layers()).extracting(LayerInfo::name).containsExactly("block1_conv1", "block1_pool", "fc1", "logits");
    assertThat(g.layers()).extracting(LayerInfo::kind).containsExactly(LayerKind.CONV, LayerKind.POOL, LayerKind.DENSE, LayerKind.LOGITS);
    assertThat(g.layers()).extracting(LayerInfo::parameters).containsExactly(20L, 0L, 27L, 8L);
    assertThat(g.shape("block1_conv1")).containsExactly(4, 4, 2);
    assertThat(g.shape("block1_pool")).containsExactly(2, 2, 2);
    assertThat(g.shape("flatten")).containsExactly(8);
    assertThat(g.parameterCount()).isEqualTo(55);
    // conv: 4*4 positions * 2 out * 9 * 1 in = 288; fc1 8*3 = 24; logits 3*2 = 6
    assertThat(g.forwardMacs()).isEqualTo(288 + 24 + 6);
    assertThat(g.forwardFlops()).isEqualTo(2 * 318);
    assertThat(g.trainingFlops()).isEqualTo(6 * 318);
    assertThat(g.classes()).isEqualTo(2);
  }

  @Test
  void aTinyResNetHasHandComputedShapesParametersAndMacs() {
    LayerGraph g = new LayerGraph(IN, tinyResNet(), Initializer.HE_UNIFORM);
    assertThat(g.layers()).extracting(LayerInfo::name).containsExactly("stem", "b1_conv1", "b1_conv2", "b1_add", "b2_conv1", "b2_conv2",
        "b2_shortcut", "b2_add", "pool", "logits");
    assertThat(g.layers()).extracting(LayerInfo::kind).containsExactly(LayerKind.CONV, LayerKind.CONV, LayerKind.CONV, LayerKind.ADD,
        LayerKind.CONV, LayerKind.CONV, LayerKind.CONV, LayerKind.ADD, LayerKind.GLOBAL_POOL, LayerKind.LOGITS);
    // stem (9+1)*2 = 20 + batch norm 2*2 = 24; b1 convs (18+1)*2 = 38 each; b2_conv1 (18+1)*4 = 76; b2_conv2 (36+1)*4 = 148;
    // shortcut (2+1)*4 = 12; logits 4*2 + 2 = 10
    assertThat(g.layers()).extracting(LayerInfo::parameters).containsExactly(24L, 38L, 38L, 0L, 76L, 148L, 12L, 0L, 0L, 10L);
    assertThat(g.parameterCount()).isEqualTo(24 + 38 + 38 + 76 + 148 + 12 + 10);
    assertThat(g.shape("b2_conv1")).containsExactly(2, 2, 4); // stride 2, zero-padded: ceil(4 / 2)
    assertThat(g.shape("b2_add")).containsExactly(2, 2, 4);
    assertThat(g.shape("pool")).containsExactly(4);
    assertThat(g.layers().get(0).outputShape()).containsExactly(4, 4, 2);
    assertThat(g.capturedNode("stem")).isEqualTo("stem_bn");
    assertThat(g.capturedNode("b1_add")).isEqualTo("b1_add");
    // stem 16*2*9*1 = 288; b1 convs 16*2*9*2 = 576 each; b2_conv1 4*4*9*2 = 288; b2_conv2 4*4*9*4 = 576; shortcut 4*4*1*2 = 32; logits 8
    assertThat(g.forwardMacs()).isEqualTo(288 + 576 + 576 + 288 + 576 + 32 + 8);
  }

  @Test
  void dropoutBelongsToTheLayerItFollows() {
    List<Node> nodes = new ArrayList<>(tinyVgg());
    nodes.add(5, new Dropout("fc1_dropout", "fc1", 0.5));
    nodes.set(6, new Dense("logits", "fc1_dropout", 2, NONE));
    LayerGraph g = new LayerGraph(IN, nodes, Initializer.HE_UNIFORM);
    assertThat(g.layers()).extracting(LayerInfo::name).containsExactly("block1_conv1", "block1_pool", "fc1", "logits");
    assertThat(g.capturedNode("fc1")).isEqualTo("fc1_dropout");
    assertThat(g.parameterCount()).isEqualTo(55);
  }

  private static void refused(List<Node> nodes, String... fragments) {
    var thrown = assertThatThrownBy(() -> new LayerGraph(IN, nodes, Initializer.HE_UNIFORM)).isInstanceOf(IllegalArgumentException.class);
    for (String f : fragments) {
      thrown.hasMessageContaining(f);
    }
  }

  private static List<Node> replace(List<Node> nodes, int index, Node with) {
    List<Node> out = new ArrayList<>(nodes);
    out.set(index, with);
    return out;
  }

  @Test
  void invalidGraphsAreRefusedNamingTheNode() {
    refused(replace(tinyVgg(), 2, new Pooling("block1_pool", "nowhere")), "node 'block1_pool' (pooling)", "'nowhere'", "not a node");
    refused(replace(tinyVgg(), 2, new Pooling("block1_pool", "fc1")), "node 'block1_pool'", "'fc1'", "not before it");
    refused(replace(tinyVgg(), 2, new Pooling("block1_pool", "block1_conv1", 5, 1)), "node 'block1_pool' (pooling)", "4x4", "5x5 window");
    refused(replace(tinyVgg(), 3, new Flatten("block1_conv1", "block1_pool")), "two nodes are named 'block1_conv1'");
    refused(replace(tinyVgg(), 4, new Dense("fc1", "block1_pool", 3, RELU)), "node 'fc1' (dense)", "vector input", "flatten");
    refused(replace(tinyVgg(), 5, new Dense("logits", "fc1", 2, RELU)), "node 'logits' (dense)", "without activation");
    refused(replace(tinyVgg(), 0, new Convolution("c", "input", 2)), "starts with its input node", "node 'c' (convolution)");
    refused(replace(tinyResNet(), 9, new Add("b2_add", List.of("b2_conv2", "b1_add"), RELU)), "node 'b2_add' (add)", "different shapes",
        "[2, 2, 4]", "[4, 4, 2]");
    List<Node> dangling = new ArrayList<>(tinyVgg());
    dangling.add(2, new Convolution("unused", "block1_conv1", 2));
    refused(dangling, "node 'unused' (convolution) is not read by any node");
    List<Node> bnOnInput = new ArrayList<>(tinyVgg());
    bnOnInput.add(1, new BatchNorm("bn", "input", NONE));
    bnOnInput.set(2, new Convolution("block1_conv1", "bn", 2));
    refused(bnOnInput, "node 'bn' (batch norm) must follow a layer", "node 'input' (input)");
    assertThatThrownBy(() -> new Convolution("c", "input", 0)).hasMessageContaining("node 'c'").hasMessageContaining("filters");
    assertThatThrownBy(() -> new Dropout("d", "fc1", 1)).hasMessageContaining("node 'd' (dropout)");
    assertThatThrownBy(() -> new Add("a", List.of("x"), NONE)).hasMessageContaining("node 'a' (add)").hasMessageContaining("two inputs");
  }

  @Test
  void countsOfAbsurdGraphsSaturateRatherThanWrap() {
    List<Node> huge = List.of(new Input("input"), new Convolution("c1", "input", 2_000_000_000), new Convolution("c2", "c1", 2_000_000_000),
        new Flatten("flatten", "c2"), new Dense("logits", "flatten", 5, NONE));
    refused(huge, "node 'flatten' (flatten)", "more than");
    List<Node> wide = List.of(new Input("input"), new Convolution("c1", "input", 2_000_000_000), new Convolution("c2", "c1", 2_000_000_000),
        new GlobalAveragePooling("pool", "c2"), new Dense("logits", "pool", 5, NONE));
    LayerGraph g = new LayerGraph(new ImageShape(2048, 2048, 1), wide, Initializer.HE_UNIFORM);
    assertThat(g.layers()).allSatisfy(l -> assertThat(l.parameters()).isNotNegative());
    assertThat(g.parameterCount()).isEqualTo(Long.MAX_VALUE);
    assertThat(g.forwardMacs()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void initializersAreNamedAsConfigsWriteThem() {
    assertThat(Initializer.ids()).containsExactly("he-uniform", "he-normal", "glorot-uniform");
    assertThat(Initializer.of("glorot-uniform")).isEqualTo(Initializer.GLOROT_UNIFORM);
    assertThatThrownBy(() -> Initializer.of("zeros")).hasMessageContaining("zeros").hasMessageContaining("he-uniform");
  }
}
