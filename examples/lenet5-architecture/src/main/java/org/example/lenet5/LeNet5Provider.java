package org.example.lenet5;

import java.util.List;
import org.dsdl.api.architecture.Activation;
import org.dsdl.api.architecture.ArchitectureProvider;
import org.dsdl.api.architecture.Initializer;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.architecture.Node;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.WithoutParameters;

/**
 * LeNet-5 (LeCun et al., 1998) as a dsdl architecture: two 5×5 convolutions of 6 and 16 filters,
 * each followed by 2×2 max-pooling, then dense layers of 120 and 84 units and the logits.
 *
 * <p>The layer graph's convolutions keep their input's size (zero padding) and its nonlinearity is
 * ReLU, so unlike the original (no padding, tanh, average pooling) a 32×32 input reaches the dense
 * layers as 8×8×16 = 1,024 values. It takes no parameters: the whole plugin is this class and a
 * {@code provides} line in {@code module-info.java}.
 *
 * <p>Layers: {@code conv1}, {@code pool1}, {@code conv2}, {@code pool2}, {@code fc1}, {@code fc2},
 * {@code logits}.
 */
public final class LeNet5Provider implements ArchitectureProvider<NoParameters>, WithoutParameters {

  @Override
  public String name() {
    return "lenet5";
  }

  @Override
  public String description() {
    return "LeNet-5: conv 6@5x5, pool, conv 16@5x5, pool, dense 120, dense 84, logits (ReLU, same padding)";
  }

  @Override
  public LayerGraph graph(NoParameters parameters, ImageShape input, int classes) {
    return new LayerGraph(input, List.of(
        new Node.Input("input"),
        new Node.Convolution("conv1", "input", 6, 5, 1, Activation.RELU),
        new Node.Pooling("pool1", "conv1"),
        new Node.Convolution("conv2", "pool1", 16, 5, 1, Activation.RELU),
        new Node.Pooling("pool2", "conv2"),
        new Node.Flatten("flatten", "pool2"),
        new Node.Dense("fc1", "flatten", 120, Activation.RELU),
        new Node.Dense("fc2", "fc1", 84, Activation.RELU),
        new Node.Dense("logits", "fc2", classes, Activation.NONE)), Initializer.HE_UNIFORM);
  }
}
