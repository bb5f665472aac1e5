package org.dsdl.api.model;

/**
 * The outcome of one training step.
 *
 * @param loss mean cross-entropy over the batch, before the update
 * @param correct exemplars of the batch classified correctly, before the update
 * @param size exemplars in the batch
 * @param engineNanos time spent inside the engine's own compute call (e.g. TensorFlow's session
 *     run), excluding the Java-side preparation of the batch; lets a trainer report how much of
 *     training time the engine itself takes
 */
public record StepResult(double loss, int correct, int size, long engineNanos) {
  /** Fraction of the batch classified correctly. */
  public double accuracy() {
    return size == 0 ? 0 : (double) correct / size;
  }
}
