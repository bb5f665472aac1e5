package org.dsdl.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.model.OptimizerSpec;
import org.dsdl.api.model.TrainingResources;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.FeatureMaps;
import org.dsdl.api.snapshot.LayerCapture;
import org.junit.jupiter.api.Test;

class TensorFlowModelTest {
  private final TensorFlowEngine engine = new TensorFlowEngine(TensorFlowParameters.defaults());
  private final LayerGraph tiny = Graphs.preset("vgg-tiny");

  /** Two classes that differ in which half of the image is bright, plus noise: learnable in a few steps. */
  private static Split halves(int n, long seed) {
    ImageShape shape = new ImageShape(32, 32, 1);
    SplittableRandom r = new SplittableRandom(seed);
    float[] px = new float[n * shape.size()];
    int[] labels = new int[n];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      ids[i] = i;
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          boolean bright = labels[i] == 0 ? y < 16 : y >= 16;
          px[i * 1024 + y * 32 + x] = (float) ((bright ? 0.7 : 0.2) + 0.1 * r.nextGaussian());
        }
      }
    }
    return new Split(shape, px, labels, ids);
  }

  @Test
  void reportsTheCoresItTrainsOnAndWhetherAGpuDoes() {
    int cores = Runtime.getRuntime().availableProcessors();
    TensorFlowParameters d = TensorFlowParameters.defaults();
    TensorFlowParameters one = new TensorFlowParameters(1, 0, d.inferenceBatch(), false, d.gpuMemoryGrowth(), "", false);
    TensorFlowParameters many = new TensorFlowParameters(cores + 7, 0, d.inferenceBatch(), false, d.gpuMemoryGrowth(), "", false);
    TensorFlowParameters deterministic = new TensorFlowParameters(0, 0, d.inferenceBatch(), true, d.gpuMemoryGrowth(), "", false);
    boolean gpu = GpuPlacement.available("");
    try (var a = engine.build(tiny, OptimizerSpec.adam(1e-3), 1);
        var b = new TensorFlowEngine(one).build(tiny, OptimizerSpec.adam(1e-3), 1);
        var c = new TensorFlowEngine(many).build(tiny, OptimizerSpec.adam(1e-3), 1);
        var e = new TensorFlowEngine(deterministic).build(tiny, OptimizerSpec.adam(1e-3), 1)) {
      assertThat(a.trainingResources()).as("0 threads: TensorFlow's default, every core").isEqualTo(new TrainingResources(gpu, cores));
      assertThat(b.trainingResources()).isEqualTo(new TrainingResources(gpu, 1));
      assertThat(c.trainingResources().hostThreads()).isEqualTo(cores);
      assertThat(e.trainingResources().hostThreads()).isEqualTo(1);
    }
    assertThat(GpuPlacement.available("99")).as("a GPU that does not exist, in any build").isFalse();
  }

  @Test
  void allocatesExactlyTheParametersTheSpecCounts() {
    for (String preset : Graphs.presetNames()) {
      LayerGraph spec = Graphs.preset(preset);
      try (TensorFlowModel m = (TensorFlowModel) engine.build(spec, OptimizerSpec.adam(1e-3), 1)) {
        assertThat(m.parameterCount()).as(preset).isEqualTo(spec.parameterCount());
      }
    }
  }

  @Test
  void equalSeedsGiveBitIdenticalInitialWeightsAndOtherSeedsDiffer() {
    Split probe = halves(4, 1);
    CaptureRequest all = new CaptureRequest(List.of("block1_conv1", "fc1", "logits"), false);
    try (var a = engine.build(Graphs.preset("vgg-tiny", probe.shape(), 2), OptimizerSpec.adam(1e-3), 42);
        var b = engine.build(Graphs.preset("vgg-tiny", probe.shape(), 2), OptimizerSpec.adam(1e-3), 42);
        var c = engine.build(Graphs.preset("vgg-tiny", probe.shape(), 2), OptimizerSpec.adam(1e-3), 43)) {
      Capture ca = a.capture(probe, all);
      Capture cb = b.capture(probe, all);
      Capture cc = c.capture(probe, all);
      for (String layer : all.layers()) {
        assertThat(ca.layers().get(layer).weights().kernel()).isEqualTo(cb.layers().get(layer).weights().kernel());
        assertThat(ca.layers().get(layer).weights().kernel()).isNotEqualTo(cc.layers().get(layer).weights().kernel());
      }
      assertThat(ca.logits()).isEqualTo(cb.logits());
    }
  }

  @Test
  void trainingLowersTheLossAndNeverGrowsTheGraph() {
    Split train = halves(64, 2);
    for (OptimizerSpec opt : List.of(OptimizerSpec.adam(1e-3), new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.01, 0.9, 0.9, 0.999, 1e-7))) {
      try (TensorFlowModel m = (TensorFlowModel) engine.build(Graphs.preset("vgg-tiny", train.shape(), 2), opt, 3)) {
        Evaluation before = m.evaluate("train", train);
        int ops = m.operationCount();
        double firstLoss = 0;
        for (int step = 0; step < 40; step++) {
          var r = m.trainStep(train.images(), train.labels(), train.size(), opt.learningRate());
          if (step == 0) {
            firstLoss = r.loss();
            assertThat(r.loss()).as("the step reports the loss before its update").isCloseTo(before.loss(), within(1e-4));
          }
          assertThat(r.engineNanos()).isPositive();
        }
        Evaluation after = m.evaluate("train", train);
        assertThat(after.loss()).as(opt.kind().name()).isLessThan(firstLoss * 0.5);
        assertThat(after.accuracy()).as(opt.kind().name()).isGreaterThan(0.9);
        assertThat(m.operationCount()).isEqualTo(ops);
      }
    }
  }

  @Test
  void trainingIsBitIdenticalForEqualSeedsAndBatches() {
    // Guards the gradient gate: without it an update could race the backward pass that reads the
    // same weights, and two equal runs would drift apart after the first step.
    Split train = halves(32, 6);
    TensorFlowEngine engine = new TensorFlowEngine(TensorFlowParameters.defaults()); // all cores
    CaptureRequest all = new CaptureRequest(List.of("block1_conv1", "block2_conv1", "fc1", "logits"), false);
    LayerGraph spec = Graphs.preset("vgg-1.24m", train.shape(), 2);
    try (var a = engine.build(spec, OptimizerSpec.adam(1e-3), 9); var b = engine.build(spec, OptimizerSpec.adam(1e-3), 9)) {
      for (int step = 0; step < 5; step++) {
        var ra = a.trainStep(train.images(), train.labels(), train.size(), 1e-3);
        var rb = b.trainStep(train.images(), train.labels(), train.size(), 1e-3);
        assertThat(ra.loss()).as("step %d", step).isEqualTo(rb.loss());
      }
      Capture ca = a.capture(train, all);
      Capture cb = b.capture(train, all);
      for (String layer : all.layers()) {
        assertThat(ca.layers().get(layer).weights().kernel()).as(layer).isEqualTo(cb.layers().get(layer).weights().kernel());
      }
    }
  }

  @Test
  void pooledActivationsAreSpatialMeansOfTheWholeMapsAndEvaluationMatchesLogits() {
    Split probe = halves(7, 4);
    try (var m = engine.build(Graphs.preset("vgg-tiny", probe.shape(), 2), OptimizerSpec.adam(1e-3), 5)) {
      Capture c = m.capture(probe, new CaptureRequest(List.of("block2_conv1", "block1_conv1", "fc1"), true));
      assertThat(c.layers().keySet()).containsExactly("block1_conv1", "block2_conv1", "fc1");
      LayerCapture conv = c.layers().get("block2_conv1");
      FeatureMaps maps = conv.wholeMaps().orElseThrow();
      assertThat(maps.height()).isEqualTo(16);
      assertThat(conv.activations().cols()).isEqualTo(16);
      for (int i = 0; i < probe.size(); i++) {
        for (int ch = 0; ch < maps.channels(); ch++) {
          double sum = 0;
          for (int y = 0; y < maps.height(); y++) {
            for (int x = 0; x < maps.width(); x++) {
              sum += maps.get(i, y, x, ch);
            }
          }
          assertThat(conv.activations().get(i, ch)).isCloseTo((float) (sum / 256), within(1e-5f));
        }
      }
      assertThat(c.layers().get("fc1").wholeMaps()).isEmpty();
      assertThat(c.layers().get("fc1").activations().cols()).isEqualTo(32);
      assertThat(conv.weights().kernelShape()).containsExactly(3, 3, 8, 16);
      Evaluation e = m.evaluate("test", probe);
      for (int i = 0; i < probe.size(); i++) {
        assertThat(e.predicted()[i]).isEqualTo(c.logits().argmaxOfRow(i));
      }
    }
  }
}
