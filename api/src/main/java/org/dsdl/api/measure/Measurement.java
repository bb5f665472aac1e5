package org.dsdl.api.measure;

/**
 * One typed result of a probe at one checkpoint. The kinds are closed so that every visualizer can
 * draw every probe's output, including probes it has never heard of: a scalar as a line over
 * training, a vector as a heat strip, a matrix as a heatmap, a graph as a drawing.
 */
public sealed interface Measurement permits ScalarMeasurement, VectorMeasurement, MatrixMeasurement, GraphMeasurement {

  /** Which probe, metric, layer and checkpoint. */
  MeasurementKey key();

  /** The kind's name as written in {@code metrics.jsonl}: scalar, vector, matrix or graph. */
  String kind();
}
