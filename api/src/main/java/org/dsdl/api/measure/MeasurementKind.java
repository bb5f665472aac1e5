package org.dsdl.api.measure;

import java.util.Locale;

/** The four kinds of {@link Measurement}, as a value: what a probe declares it records. */
public enum MeasurementKind {
  /** A {@link ScalarMeasurement}. */
  SCALAR,
  /** A {@link VectorMeasurement}. */
  VECTOR,
  /** A {@link MatrixMeasurement}. */
  MATRIX,
  /** A {@link GraphMeasurement}. */
  GRAPH;

  /** The kind's name as written in {@code metrics.jsonl} and by {@link Measurement#kind()}: {@code scalar}, {@code vector}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of {@code m}. */
  public static MeasurementKind of(Measurement m) {
    if (m instanceof ScalarMeasurement) {
      return SCALAR;
    }
    if (m instanceof VectorMeasurement) {
      return VECTOR;
    }
    if (m instanceof MatrixMeasurement) {
      return MATRIX;
    }
    return GRAPH;
  }

  /**
   * The kind whose {@link #id()} is {@code id}.
   *
   * @throws IllegalArgumentException naming the kinds, for any other string
   */
  public static MeasurementKind ofId(String id) {
    for (MeasurementKind k : values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("measurement kind must be one of [scalar, vector, matrix, graph], got '" + id + "'");
  }
}
