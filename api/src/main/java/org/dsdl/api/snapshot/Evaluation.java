package org.dsdl.api.snapshot;

/**
 * A model's predictions on a set of exemplars, without updating it.
 *
 * @param split which exemplars: {@code "train"} (a fixed, seeded subset of the training split) or {@code "test"} (the held-out split)
 * @param loss mean cross-entropy
 * @param labels true class of each exemplar
 * @param predicted predicted class (argmax of the logits) of each exemplar
 */
public record Evaluation(String split, double loss, int[] labels, int[] predicted) {
  /** Checks the arrays agree. */
  public Evaluation {
    if (labels.length != predicted.length) {
      throw new IllegalArgumentException(labels.length + " labels but " + predicted.length + " predictions");
    }
  }

  /** Fraction predicted correctly; 0 for an empty set. */
  public double accuracy() {
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == predicted[i]) {
        correct++;
      }
    }
    return labels.length == 0 ? 0 : (double) correct / labels.length;
  }
}
