package org.dsdl.architectures.resnet;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.architecture.Activation;
import org.dsdl.api.architecture.ArchitectureProvider;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.architecture.Node;
import org.dsdl.api.data.ImageShape;

/**
 * A small residual network (He et al., 2016) for small images: a 3×3 stem convolution, then stages
 * of residual blocks, each two 3×3 convolutions whose output is added to the block's input (through
 * a 1×1 convolution where the width or the size changes), then global average pooling and the
 * logits. The first block of every stage after the first has stride 2.
 *
 * <p>Layers: {@code stem}, {@code stageS_blockB_conv1}, {@code stageS_blockB_conv2}, {@code
 * stageS_blockB_shortcut} (projections only), {@code stageS_blockB_add}, {@code pool}, {@code logits}.
 */
public final class ResNetMiniProvider implements ArchitectureProvider<ResNetMiniParameters> {

  @Override
  public String name() {
    return "resnet-mini";
  }

  @Override
  public String description() {
    return "small ResNet: 3x3 stem, stages of residual blocks (two 3x3 convs + identity or 1x1 shortcut, added), global average pooling, logits";
  }

  @Override
  public ResNetMiniParameters defaultParameters() {
    return ResNetMiniParameters.defaults();
  }

  @Override
  public LayerGraph graph(ResNetMiniParameters p, ImageShape input, int classes) {
    List<Node> nodes = new ArrayList<>();
    nodes.add(new Node.Input("input"));
    String last = conv(nodes, p, "stem", "input", p.widths().get(0), 3, 1, Activation.RELU);
    int channels = p.widths().get(0);
    for (int s = 0; s < p.widths().size(); s++) {
      int width = p.widths().get(s);
      for (int b = 0; b < p.blocksPerStage(); b++) {
        String block = "stage" + (s + 1) + "_block" + (b + 1);
        int stride = s > 0 && b == 0 ? 2 : 1;
        String c1 = conv(nodes, p, block + "_conv1", last, width, 3, stride, Activation.RELU);
        String c2 = conv(nodes, p, block + "_conv2", c1, width, 3, 1, Activation.NONE);
        String shortcut = stride == 1 && channels == width ? last : conv(nodes, p, block + "_shortcut", last, width, 1, stride, Activation.NONE);
        nodes.add(new Node.Add(block + "_add", List.of(c2, shortcut), Activation.RELU));
        last = block + "_add";
        channels = width;
      }
    }
    nodes.add(new Node.GlobalAveragePooling("pool", last));
    nodes.add(new Node.Dense("logits", "pool", classes, Activation.NONE));
    return new LayerGraph(input, nodes, p.initializer());
  }

  /** A convolution, with batch norm if asked (the activation then after the batch norm); returns the node to read. */
  private static String conv(List<Node> nodes, ResNetMiniParameters p, String name, String input, int filters, int size, int stride,
      Activation activation) {
    nodes.add(new Node.Convolution(name, input, filters, size, stride, p.batchNorm() ? Activation.NONE : activation));
    if (!p.batchNorm()) {
      return name;
    }
    nodes.add(new Node.BatchNorm(name + "_bn", name, activation));
    return name + "_bn";
  }
}
