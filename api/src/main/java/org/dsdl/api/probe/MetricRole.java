package org.dsdl.api.probe;

/** What a declared metric means over training, and so how a visualizer shows it. */
public enum MetricRole {
  /**
   * A value at every checkpoint it is measured at (e.g. an accuracy, a correlation matrix): drawn
   * over training by its kind, a scalar as a curve, a vector as a heat strip, a matrix as a heat map.
   */
  SERIES,
  /**
   * The training step at which something happened (e.g. a layer's settling step): a scalar, or a
   * vector with one step per label, recorded once, at the checkpoint it names, or at the last
   * checkpoint with {@code NaN} if it never happened. Drawn on the events timeline, not as a curve.
   */
  EVENT,
  /**
   * A value that describes the run rather than a checkpoint of it (e.g. a bootstrap standard
   * deviation measured on the untrained network, a bound the metric cannot exceed): shown by its
   * kind like a series, but not a learning curve to read trends from.
   */
  SUMMARY
}
