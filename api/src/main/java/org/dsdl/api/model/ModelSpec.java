package org.dsdl.api.model;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.data.ImageShape;

/**
 * A VGG-style network: blocks of 3×3 convolutions (each followed by ReLU) ending in 2×2
 * max-pooling, then fully connected ReLU layers, then a linear {@code logits} layer with one unit
 * per class (softmax lives in the loss).
 *
 * <p>Layers are named Keras-style: {@code block1_conv1}, {@code block1_pool}, …, {@code fc1},
 * {@code fc2}, {@code logits}.
 *
 * @param name a label for the manifest, e.g. the preset it came from
 * @param input the input image shape
 * @param classes number of output classes, at least 2
 * @param convBlocks the output channels of each convolution, grouped by block
 * @param dense the widths of the fully connected hidden layers
 * @param batchNorm batch normalisation after every convolution, before its ReLU (adds a scale
 *     and a shift per channel, and moving statistics used at evaluation)
 * @param dropout fraction of each hidden dense layer's units dropped during training, in [0, 1)
 * @param initializer initial kernel values: {@code he-uniform}, {@code he-normal} or {@code glorot-uniform}
 */
public record ModelSpec(
    String name, ImageShape input, int classes, List<List<Integer>> convBlocks, List<Integer> dense,
    boolean batchNorm, double dropout, String initializer) {

  /** The initializers an engine must offer. */
  public static final List<String> INITIALIZERS = List.of("he-uniform", "he-normal", "glorot-uniform");

  /** A plain VGG: no batch norm, no dropout, He-uniform initial weights. */
  public ModelSpec(String name, ImageShape input, int classes, List<List<Integer>> convBlocks, List<Integer> dense) {
    this(name, input, classes, convBlocks, dense, false, 0, "he-uniform");
  }

  /** Validates the spec: positive widths, at least two classes, pooling never below 1×1. */
  public ModelSpec {
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("model.dropout must be in [0, 1), got " + dropout);
    }
    if (!INITIALIZERS.contains(initializer)) {
      throw new IllegalArgumentException("model.initializer must be one of " + INITIALIZERS + ", got '" + initializer + "'");
    }
    convBlocks = convBlocks.stream().map(List::copyOf).toList();
    dense = List.copyOf(dense);
    if (classes < 2) {
      throw new IllegalArgumentException("model.classes must be at least 2, got " + classes);
    }
    for (int b = 0; b < convBlocks.size(); b++) {
      if (convBlocks.get(b).isEmpty()) {
        throw new IllegalArgumentException("model.blocks[" + b + "] has no convolution");
      }
      for (int w : convBlocks.get(b)) {
        if (w < 1) {
          throw new IllegalArgumentException("model.blocks[" + b + "] has width " + w + "; widths must be ≥ 1");
        }
      }
    }
    for (int i = 0; i < dense.size(); i++) {
      if (dense.get(i) < 1) {
        throw new IllegalArgumentException("model.dense[" + i + "] is " + dense.get(i) + "; widths must be ≥ 1");
      }
    }
    int h = input.height();
    int w = input.width();
    for (int b = 0; b < convBlocks.size(); b++) {
      h /= 2;
      w /= 2;
      if (h < 1 || w < 1) {
        throw new IllegalArgumentException(
            "model.blocks: pooling after block " + (b + 1) + " shrinks the " + input
                + " input below 1x1; use fewer blocks or a larger input");
      }
    }
  }

  /** The same architecture for another input shape and class count. */
  public ModelSpec withData(ImageShape newInput, int newClasses) {
    return new ModelSpec(name, newInput, newClasses, convBlocks, dense, batchNorm, dropout, initializer);
  }

  /** Every layer in order, with output shape and trainable parameter count, computed from the spec. */
  public List<LayerInfo> layers() {
    List<LayerInfo> out = new ArrayList<>();
    int h = input.height();
    int w = input.width();
    int c = input.channels();
    for (int b = 0; b < convBlocks.size(); b++) {
      List<Integer> widths = convBlocks.get(b);
      for (int k = 0; k < widths.size(); k++) {
        int co = widths.get(k);
        long params = sum(product(9L * c, co), co + (batchNorm ? 2L * co : 0));
        out.add(new LayerInfo("block" + (b + 1) + "_conv" + (k + 1), LayerKind.CONV, List.of(h, w, co), params));
        c = co;
      }
      h /= 2;
      w /= 2;
      out.add(new LayerInfo("block" + (b + 1) + "_pool", LayerKind.POOL, List.of(h, w, c), 0));
    }
    long in = (long) h * w * c;
    for (int i = 0; i < dense.size(); i++) {
      int o = dense.get(i);
      out.add(new LayerInfo("fc" + (i + 1), LayerKind.DENSE, List.of(o), sum(product(in, o), o)));
      in = o;
    }
    out.add(new LayerInfo("logits", LayerKind.LOGITS, List.of(classes), sum(product(in, classes), classes)));
    return List.copyOf(out);
  }

  /**
   * Total trainable parameters (weights and biases); {@link Long#MAX_VALUE} for a spec too large to
   * count in a long (counts saturate rather than wrap, so a bound on them holds).
   */
  public long parameterCount() {
    return layers().stream().mapToLong(LayerInfo::parameters).reduce(0, ModelSpec::sum);
  }

  private static long product(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return high == 0 && low >= 0 ? low : Long.MAX_VALUE; // operands are never negative
  }

  private static long sum(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r; // operands are never negative
  }

  /** Floating-point operations of one forward pass of one sample: two per multiply-accumulate. */
  public long forwardFlops() {
    return 2 * forwardMacs();
  }

  /**
   * Floating-point operations of one training step per sample: ≈ 3 × forward (the forward pass,
   * and the backward pass for inputs and for weights).
   */
  public long trainingFlops() {
    return 3 * forwardFlops();
  }

  /** Multiply-accumulate operations for one forward pass of one sample. */
  public long forwardMacs() {
    long macs = 0;
    int c = input.channels();
    for (LayerInfo l : layers()) {
      List<Integer> s = l.outputShape();
      switch (l.kind()) {
        case CONV -> {
          macs += (long) s.get(0) * s.get(1) * s.get(2) * 9L * c;
          c = s.get(2);
        }
        case DENSE, LOGITS -> macs += l.parameters() - s.get(0);
        case POOL -> { }
      }
    }
    return macs;
  }
}
