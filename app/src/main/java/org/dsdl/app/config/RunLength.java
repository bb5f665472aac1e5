package org.dsdl.app.config;

/** How long a run trains: a number of epochs ({@code training.epochs}) or a step budget ({@code training.steps}). */
public sealed interface RunLength {
  /**
   * Whole passes over the training split.
   *
   * @param epochs how many
   */
  record Epochs(int epochs) implements RunLength {}

  /**
   * A number of optimisation steps, whatever an epoch's length.
   *
   * @param steps how many
   */
  record Steps(long steps) implements RunLength {}
}
