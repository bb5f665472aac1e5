package org.dsdl.engine.tensorflow;

import java.util.List;
import org.dsdl.api.architecture.Initializer;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.architecture.Preset;
import org.dsdl.api.data.ImageShape;
import org.dsdl.architectures.resnet.ResNetMiniParameters;
import org.dsdl.architectures.resnet.ResNetMiniProvider;
import org.dsdl.architectures.vgg.VggParameters;
import org.dsdl.architectures.vgg.VggProvider;

/** Layer graphs for engine tests, from the built-in architectures. */
final class Graphs {
  static final ImageShape GRAY32 = new ImageShape(32, 32, 1);
  private static final VggProvider VGG = new VggProvider();

  private Graphs() {}

  static List<String> presetNames() {
    return VGG.presets().stream().map(Preset::name).toList();
  }

  static LayerGraph preset(String name, ImageShape input, int classes) {
    return VGG.graph(VGG.presets().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().parameters(), input, classes);
  }

  static LayerGraph preset(String name) {
    return preset(name, GRAY32, 5);
  }

  static LayerGraph vgg(ImageShape input, int classes, List<List<Integer>> blocks, List<Integer> dense) {
    return VGG.graph(new VggParameters(blocks, dense), input, classes);
  }

  static LayerGraph vgg(ImageShape input, int classes, List<List<Integer>> blocks, List<Integer> dense, boolean batchNorm, double dropout,
      String initializer) {
    return VGG.graph(new VggParameters(blocks, dense, batchNorm, dropout, Initializer.of(initializer)), input, classes);
  }

  static LayerGraph resnet(ImageShape input, int classes, List<Integer> widths, int blocksPerStage, boolean batchNorm) {
    return new ResNetMiniProvider().graph(new ResNetMiniParameters(widths, blocksPerStage, batchNorm, Initializer.HE_UNIFORM), input, classes);
  }
}
