package org.dsdl.api.snapshot;

/**
 * A model's predictions on a set of exemplars, without updating it.
 *
 * <p>Made from the logits by {@link #ofLogits}, the one definition of loss and prediction every
 * evaluation of a run uses (held-out and training subsets alike), whichever pass produced the logits.
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

  /**
   * The evaluation of exemplars whose logits are {@code logits} (one row per exemplar): the mean
   * softmax cross-entropy {@code log Σ_j exp(z_j) − z_label}, computed in double precision with
   * the row's maximum subtracted first, and the argmax of each row (the first one on ties); a loss
   * of 0 for no exemplars.
   *
   * @param split the split's name
   * @param logits {@code [exemplars × classes]}
   * @param labels the true class of each exemplar, in {@code 0..classes-1}
   * @throws IllegalArgumentException if the rows and labels disagree in number or a label is out of range
   */
  public static Evaluation ofLogits(String split, FloatMatrix logits, int[] labels) {
    if (logits.rows() != labels.length) {
      throw new IllegalArgumentException(split + ": " + logits.rows() + " rows of logits but " + labels.length + " labels");
    }
    int n = labels.length;
    int classes = logits.cols();
    float[] z = logits.data();
    int[] predicted = new int[n];
    double lossSum = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(split + ": label " + labels[i] + " of exemplar " + i + " is not a class of " + classes);
      }
      int best = logits.argmaxOfRow(i);
      double max = z[i * classes + best];
      double sum = 0;
      for (int j = 0; j < classes; j++) {
        sum += Math.exp(z[i * classes + j] - max);
      }
      lossSum += Math.log(sum) + max - z[i * classes + labels[i]];
      predicted[i] = best;
    }
    return new Evaluation(split, n == 0 ? 0 : lossSum / n, labels, predicted);
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
