package org.dsdl.architectures.vgg;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.architecture.Activation;
import org.dsdl.api.architecture.ArchitectureProvider;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.architecture.Node;
import org.dsdl.api.architecture.Preset;
import org.dsdl.api.data.ImageShape;

/**
 * VGG-style networks: blocks of 3×3 convolutions (each followed by ReLU) ending in 2×2
 * max-pooling, then fully connected ReLU layers, then a linear {@code logits} layer with one unit per
 * class. Layers are named Keras-style: {@code block1_conv1}, {@code block1_pool}, …, {@code fc1},
 * {@code logits}.
 *
 * <p>The default preset, {@code vgg-1.24m}, has 1,245,085 trainable weights on 32×32×1 input with 5
 * classes: the size of the network in Hanson, Yadav &amp; Hanson, "Dense Sample Deep Learning" (2024).
 */
public final class VggProvider implements ArchitectureProvider<VggParameters> {
  private static final List<Preset<VggParameters>> PRESETS = List.of(
      new Preset<>("vgg-1.24m", "the dense-sample paper's 1.24M-weight VGG: 3 blocks of 2 convolutions (32, 64, 128), dense 440, 128",
          new VggParameters(List.of(List.of(32, 32), List.of(64, 64), List.of(128, 128)), List.of(440, 128))),
      new Preset<>("vgg-tiny", "a small VGG for quick runs and tests: convolutions 8, 16, dense 32",
          new VggParameters(List.of(List.of(8), List.of(16)), List.of(32))),
      new Preset<>("vgg-wide", "twice the default's widths: 3 blocks of 2 convolutions (64, 128, 256), dense 512, 256",
          new VggParameters(List.of(List.of(64, 64), List.of(128, 128), List.of(256, 256)), List.of(512, 256))));

  @Override
  public String name() {
    return "vgg";
  }

  @Override
  public String description() {
    return "VGG-style CNN: 3x3 conv + ReLU blocks with 2x2 max-pooling, dense ReLU layers, linear logits";
  }

  @Override
  public VggParameters defaultParameters() {
    return PRESETS.get(0).parameters();
  }

  @Override
  public List<Preset<VggParameters>> presets() {
    return PRESETS;
  }

  @Override
  public LayerGraph graph(VggParameters p, ImageShape input, int classes) {
    int h = input.height();
    int w = input.width();
    for (int b = 0; b < p.blocks().size(); b++) {
      h /= 2;
      w /= 2;
      if (h < 1 || w < 1) {
        throw new IllegalArgumentException("blocks: pooling after block " + (b + 1) + " shrinks the " + input
            + " input below 1x1; use fewer blocks or a larger input");
      }
    }
    List<Node> nodes = new ArrayList<>();
    String last = "input";
    nodes.add(new Node.Input(last));
    for (int b = 0; b < p.blocks().size(); b++) {
      List<Integer> widths = p.blocks().get(b);
      for (int k = 0; k < widths.size(); k++) {
        String conv = "block" + (b + 1) + "_conv" + (k + 1);
        nodes.add(new Node.Convolution(conv, last, widths.get(k), 3, 1, p.batchNorm() ? Activation.NONE : Activation.RELU));
        last = conv;
        if (p.batchNorm()) {
          nodes.add(new Node.BatchNorm(conv + "_bn", last, Activation.RELU));
          last = conv + "_bn";
        }
      }
      String pool = "block" + (b + 1) + "_pool";
      nodes.add(new Node.Pooling(pool, last));
      last = pool;
    }
    nodes.add(new Node.Flatten("flatten", last));
    last = "flatten";
    for (int i = 0; i < p.dense().size(); i++) {
      String fc = "fc" + (i + 1);
      nodes.add(new Node.Dense(fc, last, p.dense().get(i), Activation.RELU));
      last = fc;
      if (p.dropout() > 0) {
        nodes.add(new Node.Dropout(fc + "_dropout", last, p.dropout()));
        last = fc + "_dropout";
      }
    }
    nodes.add(new Node.Dense("logits", last, classes, Activation.NONE));
    return new LayerGraph(input, nodes, p.initializer());
  }
}
