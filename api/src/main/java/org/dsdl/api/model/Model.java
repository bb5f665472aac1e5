package org.dsdl.api.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.architecture.LayerGraph;
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

  /** The graph it was compiled from. */
  LayerGraph graph();

  /** Its layers in order (as {@link LayerGraph#layers()}). */
  default List<LayerInfo> layers() {
    return graph().layers();
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

  /**
   * Mean loss and the predicted class of every exemplar of {@code split}; no update. By default
   * {@link Evaluation#ofLogits} of a {@linkplain CaptureRequest#logitsOnly() logits-only} capture, so
   * that every evaluation has one definition of loss whichever pass made the logits.
   */
  default Evaluation evaluate(String name, Split split) {
    return Evaluation.ofLogits(name, capture(split, CaptureRequest.logitsOnly()).logits(), split.labels());
  }

  /** Activations of the requested layers, the weights and the logits on {@code exemplars}. */
  Capture capture(Split exemplars, CaptureRequest request);

  /**
   * Writes the complete training state (weights and optimizer state) to {@code file}, atomically:
   * after a crash the file is either the previous state or the new one, never half of one.
   */
  void saveState(Path file) throws IOException;

  /**
   * Replaces the training state with one written by {@link #saveState} of a model built from the
   * same graph and optimizer.
   *
   * @throws IllegalArgumentException if the file is corrupt, truncated or from another model;
   *     the message names the file and what does not match, and the model is left unchanged
   */
  void restoreState(Path file) throws IOException;

  /**
   * Benchmark hook: runs {@code steps} training steps on one fixed batch that the engine converts
   * to its own tensors once, so no feeding cost is paid per step — the upper bound of training
   * throughput. The default simply calls {@link #trainStep} repeatedly.
   *
   * @return nanoseconds for all steps
   */
  default long trainRepeatedly(float[] images, int[] labels, int count, double learningRate, int steps) {
    long t0 = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      trainStep(images, labels, count, learningRate);
    }
    return System.nanoTime() - t0;
  }

  /**
   * What this model's training steps occupy: an accelerator, or how many CPU threads. The default
   * claims every core, so a trainer runs nothing beside training unless an engine says it may.
   */
  default TrainingResources trainingResources() {
    return TrainingResources.allCores();
  }

  /** Frees native resources. */
  @Override
  void close();
}
