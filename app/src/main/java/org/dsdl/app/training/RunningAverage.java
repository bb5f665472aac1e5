package org.dsdl.app.training;

/**
 * An exponential moving average with the start-up bias removed (as Adam corrects its moments):
 * after one value it is that value, not a tenth of it, so the progress bar's loss and accuracy
 * mean what they say from the first step.
 */
final class RunningAverage {
  private final double decay;
  private double biased;
  private double weight;
  private long count;

  RunningAverage(double decay) {
    this.decay = decay;
  }

  void add(double value) {
    biased = decay * biased + (1 - decay) * value;
    weight = decay * weight + (1 - decay);
    count++;
  }

  /** The average of the values so far, recent ones weighted more; NaN before the first. */
  double value() {
    return count == 0 ? Double.NaN : biased / weight;
  }

  long count() {
    return count;
  }
}
