package org.dsdl.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.model.Model;
import org.dsdl.api.model.OptimizerSpec;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graph with residual connections (add nodes, strided and 1x1 convolutions, global pooling) compiles, trains and captures. */
class ResNetGraphTest {
  private static final ImageShape GRAY = new ImageShape(16, 16, 1);
  private final TensorFlowEngine engine = new TensorFlowEngine(TensorFlowParameters.defaults());
  @TempDir
  Path dir;

  /** Two classes: a bright left or right half. */
  private static Split halves(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] px = new float[n * GRAY.size()];
    int[] labels = new int[n];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      ids[i] = i;
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          boolean bright = labels[i] == 0 ? x < 8 : x >= 8;
          px[i * GRAY.size() + y * 16 + x] = (float) ((bright ? 0.7 : 0.2) + 0.1 * r.nextGaussian());
        }
      }
    }
    return new Split(GRAY, px, labels, ids);
  }

  @Test
  void aResidualGraphCompilesTrainsAndCaptures() throws Exception {
    LayerGraph graph = Graphs.resnet(GRAY, 2, List.of(4, 8), 1, true);
    Split train = halves(32, 1);
    List<String> layers = List.of("stem", "stage1_block1_add", "stage2_block1_shortcut", "stage2_block1_add", "pool", "logits");
    CaptureRequest request = new CaptureRequest(layers, true);
    try (Model m = engine.build(graph, OptimizerSpec.adam(1e-2), 3); Model again = engine.build(graph, OptimizerSpec.adam(1e-2), 3)) {
      assertThat(m.parameterCount()).isEqualTo(graph.parameterCount());
      double first = 0;
      double last = 0;
      for (int s = 0; s < 15; s++) {
        double loss = m.trainStep(train.images(), train.labels(), train.size(), 1e-2).loss();
        assertThat(again.trainStep(train.images(), train.labels(), train.size(), 1e-2).loss()).as("step %d", s).isEqualTo(loss);
        first = s == 0 ? loss : first;
        last = loss;
      }
      assertThat(last).isLessThan(first);
      Capture c = m.capture(train, request);
      assertThat(c.layers()).containsOnlyKeys(layers);
      assertThat(c.layers().get("stage2_block1_add").layer().kind()).isEqualTo(LayerKind.ADD);
      assertThat(c.layers().get("stage2_block1_add").activations().cols()).isEqualTo(8);
      assertThat(c.layers().get("stage2_block1_add").wholeMaps()).isPresent();
      assertThat(c.layers().get("stage2_block1_add").layerWeights()).isEmpty();
      assertThat(c.layers().get("stage2_block1_shortcut").weights().kernelShape()).containsExactly(1, 1, 4, 8);
      assertThat(c.layers().get("pool").activations().cols()).isEqualTo(8);
      // ReLU after each add: no negative activations
      for (float v : c.layers().get("stage1_block1_add").wholeMaps().orElseThrow().data()) {
        assertThat(v).isGreaterThanOrEqualTo(0f);
      }
      Path state = dir.resolve("state.bin");
      m.saveState(state);
      again.restoreState(state);
      assertThat(again.capture(train, request).logits()).isEqualTo(c.logits());
    }
  }
}
