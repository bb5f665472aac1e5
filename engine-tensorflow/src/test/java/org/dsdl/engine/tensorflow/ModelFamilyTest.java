package org.dsdl.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;
import org.dsdl.api.model.Model;
import org.dsdl.api.architecture.Initializer;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.model.OptimizerSpec;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFamilyTest {
  private final TensorFlowEngine engine = new TensorFlowEngine(TensorFlowParameters.defaults());
  private static final ImageShape RGB = new ImageShape(16, 16, 3);
  private static final LayerGraph REGULARISED = Graphs.vgg(RGB, 3, List.of(List.of(8, 8), List.of(16)), List.of(24, 12), true, 0.3, "he-normal");
  private static final CaptureRequest ALL = new CaptureRequest(List.of("block1_conv1", "block2_conv1", "fc1", "fc2", "logits"), false);
  @TempDir
  Path dir;

  /** Three classes told apart by which colour channel is bright: RGB input works end to end. */
  private static Split colours(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] px = new float[n * RGB.size()];
    int[] labels = new int[n];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      ids[i] = i;
      for (int p = 0; p < 256; p++) {
        for (int c = 0; c < 3; c++) {
          px[i * RGB.size() + p * 3 + c] = (float) ((c == labels[i] ? 0.6 : 0.2) + 0.1 * r.nextGaussian());
        }
      }
    }
    return new Split(RGB, px, labels, ids);
  }

  @Test
  void batchNormAddsAScaleAndShiftPerChannelToTheCount() {
    // convs: (3*9+1)*8+16 = 240; (8*9+1)*8+16 = 600; (8*9+1)*16+32 = 1200; dense 4*4*16=256 -> 24: 6168; 24->12: 300; 12->3: 39
    assertThat(REGULARISED.parameterCount()).isEqualTo(240 + 600 + 1200 + 6168 + 300 + 39);
    try (Model m = engine.build(REGULARISED, OptimizerSpec.adam(1e-3), 1)) {
      assertThat(m.parameterCount()).isEqualTo(REGULARISED.parameterCount());
    }
  }

  @Test
  void everyOptimizerTrainsTheRegularisedModelAndEvaluationUsesNoDropout() {
    Split train = colours(48, 1);
    for (OptimizerSpec opt : List.of(OptimizerSpec.adam(3e-3),
        new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.02, 0.9, 0.9, 0.999, 1e-7),
        new OptimizerSpec(OptimizerSpec.Kind.RMSPROP, 1e-3, 0.0, 0.9, 0.999, 1e-7, 0.9, 1e-4))) {
      try (Model m = engine.build(REGULARISED, opt, 2)) {
        double first = m.trainStep(train.images(), train.labels(), train.size(), opt.learningRate()).loss();
        for (int s = 0; s < 60; s++) {
          m.trainStep(train.images(), train.labels(), train.size(), opt.learningRate());
        }
        var after = m.evaluate("train", train);
        assertThat(after.loss()).as(opt.kind().name()).isLessThan(first);
        assertThat(after.accuracy()).as(opt.kind().name()).isGreaterThan(0.9);
        // inference is deterministic: no dropout, moving batch-norm statistics
        assertThat(m.capture(train, ALL).logits()).isEqualTo(m.capture(train, ALL).logits());
      }
    }
  }

  @Test
  void savedStateRestoresExactlyAndTrainingContinuesIdentically() throws Exception {
    Split train = colours(30, 3);
    OptimizerSpec adam = OptimizerSpec.adam(1e-3);
    Path file = dir.resolve("state.bin");
    try (Model a = engine.build(REGULARISED, adam, 5); Model b = engine.build(REGULARISED, adam, 5)) {
      for (int s = 0; s < 7; s++) {
        a.trainStep(train.images(), train.labels(), train.size(), 1e-3);
      }
      a.saveState(file);
      b.restoreState(file);
      Capture ca = a.capture(train, ALL);
      Capture cb = b.capture(train, ALL);
      assertThat(cb.logits()).isEqualTo(ca.logits());
      for (int s = 0; s < 4; s++) {
        // same Adam moments, same step counter (so the same dropout masks), same moving statistics
        assertThat(b.trainStep(train.images(), train.labels(), train.size(), 1e-3).loss())
            .isEqualTo(a.trainStep(train.images(), train.labels(), train.size(), 1e-3).loss());
      }
    }
    try (Model other = engine.build(Graphs.vgg(RGB, 3, List.of(List.of(8)), List.of(24)), adam, 5)) {
      assertThatThrownBy(() -> other.restoreState(file)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining("this model has");
    }
  }

  @Test
  void weightDecayShrinksKernels() {
    Split train = colours(24, 4);
    LayerGraph plain = Graphs.vgg(RGB, 3, List.of(List.of(8)), List.of(16));
    double[] norms = new double[2];
    double[] decays = {0, 0.5};
    for (int k = 0; k < 2; k++) {
      OptimizerSpec sgd = new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.05, 0, 0.9, 0.999, 1e-7, 0.9, decays[k]);
      try (Model m = engine.build(plain, sgd, 6)) {
        for (int s = 0; s < 30; s++) {
          m.trainStep(train.images(), train.labels(), train.size(), 0.05);
        }
        float[] w = m.capture(train, new CaptureRequest(List.of("fc1"), false)).layers().get("fc1").weights().kernel();
        for (float v : w) {
          norms[k] += v * v;
        }
      }
    }
    assertThat(norms[1]).isLessThan(norms[0] * 0.8);
  }

  @Test
  void initializersHaveTheirStatedSpread() {
    int fanIn = 400;
    int fanOut = 100;
    float[] he = new WeightInit(1, Initializer.HE_NORMAL).kernel(40_000, fanIn, fanOut);
    double var = 0;
    for (float v : he) {
      var += v * v;
    }
    assertThat(var / he.length).isCloseTo(2.0 / fanIn, within(0.05 * 2.0 / fanIn));
    float[] glorot = new WeightInit(1, Initializer.GLOROT_UNIFORM).kernel(40_000, fanIn, fanOut);
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    double max = 0;
    for (float v : glorot) {
      max = Math.max(max, Math.abs(v));
    }
    assertThat(max).isLessThanOrEqualTo(limit).isGreaterThan(0.99 * limit);
    assertThat(new WeightInit(1, Initializer.HE_UNIFORM).kernel(10, fanIn, fanOut)).isEqualTo(new WeightInit(1, Initializer.HE_UNIFORM).kernel(10, fanIn, fanOut));
  }
}
