package org.dsdl.api.architecture;

import java.util.List;
import java.util.Objects;

/**
 * One node of a {@link LayerGraph}: a name unique in its graph, the nodes it reads, and its
 * attributes. Spatial values are {@code [height, width, channels]}, the others {@code [units]}.
 *
 * <p>Convolution, pooling, dense, global average pooling and add nodes are the <em>layers</em>
 * probes see, by the node's name. Batch norm and dropout nodes belong to the layer they follow:
 * their parameters count towards it and the layer's captured values are theirs, so a layer named
 * {@code block1_conv1} followed by batch norm and ReLU is captured after both. Input and flatten
 * nodes are not layers.
 */
public sealed interface Node {

  /** The node's name: unique in its graph; layers are captured by it. */
  String name();

  /** The names of the nodes whose output this node reads, in order; none for the input. */
  List<String> inputs();

  /** A short lower-case name of the node's kind for messages, e.g. {@code convolution}. */
  String kind();

  /**
   * The graph's input: one exemplar of the data's shape. Exactly one, the first node.
   *
   * @param name the node's name
   */
  record Input(String name) implements Node {
    /** Checks the name. */
    public Input {
      checkName(name);
    }

    @Override
    public List<String> inputs() {
      return List.of();
    }

    @Override
    public String kind() {
      return "input";
    }
  }

  /**
   * A 2-D convolution with bias, zero-padded to keep {@code ceil(size / stride)} positions, then its
   * activation. Kernels are {@code [kernelSize, kernelSize, inChannels, filters]}.
   *
   * @param name the node's name
   * @param input the spatial node it reads
   * @param filters output channels, at least 1
   * @param kernelSize the window's height and width, at least 1
   * @param stride the step between windows, at least 1
   * @param activation applied after the bias
   */
  record Convolution(String name, String input, int filters, int kernelSize, int stride, Activation activation) implements Node {
    /** Checks the attributes. */
    public Convolution {
      checkName(name);
      positive(name, "filters", filters);
      positive(name, "kernelSize", kernelSize);
      positive(name, "stride", stride);
      Objects.requireNonNull(activation, "activation");
    }

    /** A 3×3, stride-1 convolution followed by ReLU. */
    public Convolution(String name, String input, int filters) {
      this(name, input, filters, 3, 1, Activation.RELU);
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public String kind() {
      return "convolution";
    }
  }

  /**
   * Max-pooling over {@code size × size} windows every {@code stride} positions, without padding:
   * {@code floor((in - size) / stride) + 1} positions.
   *
   * @param name the node's name
   * @param input the spatial node it reads
   * @param size the window's height and width, at least 1
   * @param stride the step between windows, at least 1
   */
  record Pooling(String name, String input, int size, int stride) implements Node {
    /** Checks the attributes. */
    public Pooling {
      checkName(name);
      positive(name, "size", size);
      positive(name, "stride", stride);
    }

    /** 2×2 windows, stride 2: halves height and width. */
    public Pooling(String name, String input) {
      this(name, input, 2, 2);
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public String kind() {
      return "pooling";
    }
  }

  /**
   * A fully connected layer with bias, then its activation. It reads a vector: put a {@link
   * Flatten} or {@link GlobalAveragePooling} after spatial nodes. The graph's last node is a dense
   * node without activation, one unit per class: the logits.
   *
   * @param name the node's name
   * @param input the vector node it reads
   * @param units output width, at least 1
   * @param activation applied after the bias
   */
  record Dense(String name, String input, int units, Activation activation) implements Node {
    /** Checks the attributes. */
    public Dense {
      checkName(name);
      positive(name, "units", units);
      Objects.requireNonNull(activation, "activation");
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public String kind() {
      return "dense";
    }
  }

  /**
   * Batch normalisation per channel (over batch and space): batch statistics while training and
   * moving averages (momentum 0.99, epsilon 0.001) otherwise, a learned scale and shift per
   * channel, then its activation. Belongs to the layer it follows.
   *
   * @param name the node's name
   * @param input the node it normalises: a layer, or a batch norm or dropout node of one
   * @param activation applied after the shift
   */
  record BatchNorm(String name, String input, Activation activation) implements Node {
    /** Checks the attributes. */
    public BatchNorm {
      checkName(name);
      Objects.requireNonNull(activation, "activation");
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public String kind() {
      return "batch norm";
    }
  }

  /**
   * Inverted dropout while training (units kept with probability {@code 1 - rate}, scaled by
   * {@code 1 / (1 - rate)}); the identity otherwise. Belongs to the layer it follows.
   *
   * @param name the node's name
   * @param input the node it drops units of: a layer, or a batch norm or dropout node of one
   * @param rate in [0, 1)
   */
  record Dropout(String name, String input, double rate) implements Node {
    /** Checks the attributes. */
    public Dropout {
      checkName(name);
      if (!(rate >= 0 && rate < 1)) {
        throw new IllegalArgumentException("node '" + name + "' (dropout): rate must be in [0, 1), got " + rate);
      }
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public String kind() {
      return "dropout";
    }
  }

  /**
   * The mean of each channel over height and width: {@code [h, w, c]} becomes {@code [c]}.
   *
   * @param name the node's name
   * @param input the spatial node it reads
   */
  record GlobalAveragePooling(String name, String input) implements Node {
    /** Checks the name. */
    public GlobalAveragePooling {
      checkName(name);
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public String kind() {
      return "global average pooling";
    }
  }

  /**
   * {@code [h, w, c]} read as one vector of {@code h·w·c} values (row-major, channels last).
   *
   * @param name the node's name
   * @param input the spatial node it reads
   */
  record Flatten(String name, String input) implements Node {
    /** Checks the name. */
    public Flatten {
      checkName(name);
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public String kind() {
      return "flatten";
    }
  }

  /**
   * The element-wise sum of two or more spatial nodes of equal shape (a residual connection), then
   * its activation.
   *
   * @param name the node's name
   * @param inputs the nodes it sums, at least two
   * @param activation applied after the sum
   */
  record Add(String name, List<String> inputs, Activation activation) implements Node {
    /** Checks the attributes and copies the inputs. */
    public Add {
      checkName(name);
      inputs = List.copyOf(inputs);
      if (inputs.size() < 2) {
        throw new IllegalArgumentException("node '" + name + "' (add): needs at least two inputs, got " + inputs);
      }
      Objects.requireNonNull(activation, "activation");
    }

    @Override
    public String kind() {
      return "add";
    }
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a node has a blank name");
    }
  }

  private static void positive(String node, String attribute, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("node '" + node + "': " + attribute + " must be at least 1, got " + value);
    }
  }
}
