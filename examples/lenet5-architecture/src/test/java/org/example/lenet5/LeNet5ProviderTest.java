package org.example.lenet5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.plugin.NoParameters;
import org.junit.jupiter.api.Test;

class LeNet5ProviderTest {
  final LeNet5Provider provider = new LeNet5Provider();

  @Test
  void countsParametersByHandFor32x32x1AndFiveClasses() {
    LayerGraph g = provider.graph(NoParameters.INSTANCE, new ImageShape(32, 32, 1), 5);
    // same padding: 32x32x6, pooled 16x16x6, 16x16x16, pooled 8x8x16 = 1024 values
    long conv1 = 5 * 5 * 1 * 6 + 6; // 156
    long conv2 = 5 * 5 * 6 * 16 + 16; // 2,416
    long fc1 = 8 * 8 * 16 * 120 + 120; // 123,000
    long fc2 = 120 * 84 + 84; // 10,164
    long logits = 84 * 5 + 5; // 425
    assertEquals(156, conv1);
    assertEquals(2416, conv2);
    assertEquals(136_161, conv1 + conv2 + fc1 + fc2 + logits);
    assertEquals(136_161, g.parameterCount());
    assertEquals(List.of(8, 8, 16), g.shape("pool2"));
    assertEquals(List.of(1024), g.shape("flatten"));
    assertEquals(List.of("conv1", "pool1", "conv2", "pool2", "fc1", "fc2", "logits"), g.layers().stream().map(LayerInfo::name).toList());
    assertEquals(List.of(156L, 0L, 2416L, 0L, 123_000L, 10_164L, 425L), g.layers().stream().map(LayerInfo::parameters).toList());
  }

  @Test
  void refusesAnInputTooSmallForTwoPoolingStages() {
    assertThrows(IllegalArgumentException.class, () -> provider.graph(NoParameters.INSTANCE, new ImageShape(3, 3, 1), 5));
  }
}
