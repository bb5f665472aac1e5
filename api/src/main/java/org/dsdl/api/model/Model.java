package org.dsdl.api.model;

import java.util.List;
import org.dsdl.api.data.Split;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Evaluation;

/**
 * A built, trainable network. Not thread-safe: one trainer drives it.
 *
 * <p>Created by {@link Engine#build}; closing it frees native resources.
 */
public interface Model extends AutoCloseable {

  /** The spec it was built from. */
  ModelSpec spec();

  /** Its layers in order (as {@link ModelSpec#layers()}). */
  default List<LayerInfo> layers() {
    return spec().layers();
  }

  /** Trainable parameters actually allocated by the engine. */
  long parameterCount();

  /**
   * One optimisation step on one minibatch.
   *
   * @param images {@code count} images in NHWC order (see {@link Split})
   * @param labels {@code count} class indices
   * @param count exemplars in the batch (the arrays may be longer, for buffer reuse)
   * @param learningRate the learning rate for this step
   * @return loss and correct count on the batch, computed before the update
   */
  StepResult trainStep(float[] images, int[] labels, int count, double learningRate);

  /** Mean loss and the predicted class of every exemplar of {@code split}; no update. */
  Evaluation evaluate(String name, Split split);

  /** Activations of the requested layers, the weights and the logits on {@code exemplars}. */
  Capture capture(Split exemplars, CaptureRequest request);

  /** Frees native resources. */
  @Override
  void close();
}
