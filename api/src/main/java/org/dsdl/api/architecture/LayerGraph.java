package org.dsdl.api.architecture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;

/**
 * A network in an engine-neutral form: named {@link Node}s in an order where every node comes after
 * the nodes it reads, from one {@link Node.Input} to a {@link Node.Dense} without activation (the
 * logits, one unit per class). Built by an {@link ArchitectureProvider}, compiled by an engine.
 *
 * <p>The constructor checks the whole graph and refuses an invalid one with a message naming the
 * node. Output shapes, parameter counts and FLOPs follow from the graph alone; parameter counts
 * saturate at {@link Long#MAX_VALUE} rather than wrap, so a bound on them holds.
 */
public final class LayerGraph {
  private final ImageShape input;
  private final List<Node> nodes;
  private final Initializer initializer;
  private final Map<String, Node> byName = new HashMap<>();
  private final Map<String, List<Integer>> shapes = new LinkedHashMap<>();
  private final Map<String, String> layerOf = new HashMap<>(); // batch norm / dropout node -> its layer
  private final Map<String, String> captured = new LinkedHashMap<>(); // layer -> node whose output is captured
  private final Map<String, Long> parameters = new HashMap<>(); // per node
  private final List<LayerInfo> layers;

  /**
   * Checks and describes a graph.
   *
   * @param input the shape of one exemplar, the output of the input node
   * @param nodes every node, each after the nodes it reads
   * @param initializer how engines draw initial kernels
   * @throws IllegalArgumentException naming the node, for a graph that cannot be computed
   */
  public LayerGraph(ImageShape input, List<Node> nodes, Initializer initializer) {
    this.input = Objects.requireNonNull(input, "input");
    this.nodes = List.copyOf(nodes);
    this.initializer = Objects.requireNonNull(initializer, "initializer");
    if (this.nodes.isEmpty() || !(this.nodes.get(0) instanceof Node.Input)) {
      throw new IllegalArgumentException("a layer graph starts with its input node; got "
          + (this.nodes.isEmpty() ? "no nodes" : describe(this.nodes.get(0))));
    }
    Map<String, Integer> consumers = new HashMap<>();
    for (Node n : this.nodes) {
      if (byName.containsKey(n.name())) {
        throw new IllegalArgumentException("two nodes are named '" + n.name() + "'; node names must be unique");
      }
      for (String in : n.inputs()) {
        if (!byName.containsKey(in)) {
          throw new IllegalArgumentException(describe(n) + " reads '" + in + "', which is not "
              + (nodes.stream().anyMatch(o -> o.name().equals(in)) ? "before it; a node must come after its inputs" : "a node of the graph"));
        }
        consumers.merge(in, 1, Integer::sum);
      }
      shapes.put(n.name(), shapeOf(n));
      byName.put(n.name(), n);
      parameters.put(n.name(), parametersOf(n));
      if (n instanceof Node.BatchNorm || n instanceof Node.Dropout) {
        String of = n.inputs().get(0);
        String layer = isLayer(byName.get(of)) ? of : layerOf.get(of);
        if (layer == null) {
          throw new IllegalArgumentException(describe(n) + " must follow a layer (convolution, pooling, dense, global average pooling"
              + " or add) or its batch norm or dropout; it follows " + describe(byName.get(of)));
        }
        layerOf.put(n.name(), layer);
        captured.put(layer, n.name());
      } else if (isLayer(n)) {
        captured.put(n.name(), n.name());
      }
    }
    Node last = this.nodes.get(this.nodes.size() - 1);
    if (!(last instanceof Node.Dense d) || d.activation() != Activation.NONE) {
      throw new IllegalArgumentException("the last node, " + describe(last) + ", must be a dense node without activation: the logits");
    }
    if (d.units() < 2) {
      throw new IllegalArgumentException(describe(last) + " is the logits: it needs at least 2 units (classes), got " + d.units());
    }
    for (Node n : this.nodes) {
      if (n != last && !consumers.containsKey(n.name())) {
        throw new IllegalArgumentException(describe(n) + " is not read by any node; only the last node (the logits) may be");
      }
    }
    List<LayerInfo> out = new ArrayList<>();
    for (Map.Entry<String, String> e : captured.entrySet()) {
      Node n = byName.get(e.getKey());
      long p = parameters.get(n.name());
      for (Map.Entry<String, String> m : layerOf.entrySet()) {
        if (m.getValue().equals(n.name())) {
          p = sum(p, parameters.get(m.getKey()));
        }
      }
      out.add(new LayerInfo(n.name(), kindOf(n, n == last), shapes.get(n.name()), p));
    }
    layers = List.copyOf(out);
  }

  private static boolean isLayer(Node n) {
    return n instanceof Node.Convolution || n instanceof Node.Pooling || n instanceof Node.Dense
        || n instanceof Node.GlobalAveragePooling || n instanceof Node.Add;
  }

  private static LayerKind kindOf(Node n, boolean last) {
    if (n instanceof Node.Convolution) {
      return LayerKind.CONV;
    }
    if (n instanceof Node.Pooling) {
      return LayerKind.POOL;
    }
    if (n instanceof Node.Dense) {
      return last ? LayerKind.LOGITS : LayerKind.DENSE;
    }
    if (n instanceof Node.GlobalAveragePooling) {
      return LayerKind.GLOBAL_POOL;
    }
    return LayerKind.ADD;
  }

  private static String describe(Node n) {
    return "node '" + n.name() + "' (" + n.kind() + ")";
  }

  private List<Integer> spatialInput(Node n, String in) {
    List<Integer> s = shapes.get(in);
    if (s.size() != 3) {
      throw new IllegalArgumentException(describe(n) + " needs a spatial input [height, width, channels]; '" + in + "' gives " + s);
    }
    return s;
  }

  private List<Integer> shapeOf(Node n) {
    if (n instanceof Node.Input) {
      if (!shapes.isEmpty()) {
        throw new IllegalArgumentException(describe(n) + ": a graph has one input node, the first");
      }
      return List.of(input.height(), input.width(), input.channels());
    }
    if (n instanceof Node.Convolution c) {
      List<Integer> s = spatialInput(n, c.input());
      return List.of(ceilDiv(s.get(0), c.stride()), ceilDiv(s.get(1), c.stride()), c.filters());
    }
    if (n instanceof Node.Pooling p) {
      List<Integer> s = spatialInput(n, p.input());
      if (s.get(0) < p.size() || s.get(1) < p.size()) {
        throw new IllegalArgumentException(describe(n) + ": its input '" + p.input() + "' is " + s.get(0) + "x" + s.get(1)
            + ", smaller than its " + p.size() + "x" + p.size() + " window; use fewer pooling stages or a larger input");
      }
      return List.of((s.get(0) - p.size()) / p.stride() + 1, (s.get(1) - p.size()) / p.stride() + 1, s.get(2));
    }
    if (n instanceof Node.Dense d) {
      List<Integer> s = shapes.get(d.input());
      if (s.size() != 1) {
        throw new IllegalArgumentException(describe(n) + " needs a vector input; '" + d.input() + "' gives " + s
            + ": put a flatten or global average pooling node between them");
      }
      return List.of(d.units());
    }
    if (n instanceof Node.GlobalAveragePooling g) {
      return List.of(spatialInput(n, g.input()).get(2));
    }
    if (n instanceof Node.Flatten f) {
      List<Integer> s = spatialInput(n, f.input());
      long size = (long) s.get(0) * s.get(1) * s.get(2);
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(describe(n) + ": " + s + " has more than " + Integer.MAX_VALUE + " values");
      }
      return List.of((int) size);
    }
    if (n instanceof Node.Add a) {
      List<Integer> first = spatialInput(n, a.inputs().get(0));
      for (String in : a.inputs()) {
        if (!spatialInput(n, in).equals(first)) {
          throw new IllegalArgumentException(describe(n) + " sums inputs of different shapes: '" + a.inputs().get(0) + "' " + first
              + " and '" + in + "' " + shapes.get(in));
        }
      }
      return first;
    }
    return shapes.get(n.inputs().get(0)); // batch norm, dropout: the shape of what they read
  }

  private long parametersOf(Node n) {
    if (n instanceof Node.Convolution c) {
      long in = shapes.get(c.input()).get(2);
      return sum(product(product((long) c.kernelSize() * c.kernelSize(), in), c.filters()), c.filters());
    }
    if (n instanceof Node.Dense d) {
      long in = shapes.get(d.input()).get(0);
      return sum(product(in, d.units()), d.units());
    }
    if (n instanceof Node.BatchNorm b) {
      List<Integer> s = shapes.get(b.input());
      return 2L * s.get(s.size() - 1);
    }
    return 0;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
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

  /** The shape of one exemplar. */
  public ImageShape input() {
    return input;
  }

  /** Every node, each after the nodes it reads; the first is the input, the last the logits. */
  public List<Node> nodes() {
    return nodes;
  }

  /** How engines draw initial kernels. */
  public Initializer initializer() {
    return initializer;
  }

  /** The node of that name. */
  public java.util.Optional<Node> node(String name) {
    return java.util.Optional.ofNullable(byName.get(name));
  }

  /** The output shape of a node: {@code [height, width, channels]} or {@code [units]}. */
  public List<Integer> shape(String node) {
    List<Integer> s = shapes.get(node);
    if (s == null) {
      throw new java.util.NoSuchElementException("no node '" + node + "'; the graph's nodes are " + shapes.keySet());
    }
    return s;
  }

  /** The width of the logits: the number of classes. */
  public int classes() {
    return ((Node.Dense) nodes.get(nodes.size() - 1)).units();
  }

  /**
   * The layers probes see, in graph order: convolution, pooling, dense (the last one as {@link
   * LayerKind#LOGITS}), global average pooling and add nodes, each with the parameters of its batch
   * norm nodes counted in.
   */
  public List<LayerInfo> layers() {
    return layers;
  }

  /**
   * The node whose output is captured as {@code layer}: the layer's own node, or the last batch norm
   * or dropout node that belongs to it.
   *
   * @throws java.util.NoSuchElementException naming the layers, if {@code layer} is not one
   */
  public String capturedNode(String layer) {
    String node = captured.get(layer);
    if (node == null) {
      throw new java.util.NoSuchElementException("no layer '" + layer + "'; the graph's layers are " + captured.keySet());
    }
    return node;
  }

  /** Total trainable parameters (weights, biases, batch norm scales and shifts). */
  public long parameterCount() {
    return nodes.stream().mapToLong(n -> parameters.get(n.name())).reduce(0, LayerGraph::sum);
  }

  /** Multiply-accumulate operations of one forward pass of one sample, in convolutions and dense nodes. */
  public long forwardMacs() {
    long macs = 0;
    for (Node n : nodes) {
      List<Integer> s = shapes.get(n.name());
      if (n instanceof Node.Convolution c) {
        long in = shapes.get(c.input()).get(2);
        macs = sum(macs, product(product((long) s.get(0) * s.get(1) * s.get(2), (long) c.kernelSize() * c.kernelSize()), in));
      } else if (n instanceof Node.Dense d) {
        macs = sum(macs, product(shapes.get(d.input()).get(0), d.units()));
      }
    }
    return macs;
  }

  /** Floating-point operations of one forward pass of one sample: two per multiply-accumulate. */
  public long forwardFlops() {
    return product(2, forwardMacs());
  }

  /**
   * Floating-point operations of one training step per sample: ≈ 3 × forward (the forward pass,
   * and the backward pass for inputs and for weights).
   */
  public long trainingFlops() {
    return product(3, forwardFlops());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayerGraph g && g.input.equals(input) && g.nodes.equals(nodes) && g.initializer == initializer;
  }

  @Override
  public int hashCode() {
    return Objects.hash(input, nodes, initializer);
  }

  @Override
  public String toString() {
    return "LayerGraph[input=" + input + ", nodes=" + nodes + ", initializer=" + initializer.id() + "]";
  }
}
