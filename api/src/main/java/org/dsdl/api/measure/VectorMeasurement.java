package org.dsdl.api.measure;

import java.util.List;

/**
 * Numbers with a label each, e.g. per class or per unit.
 *
 * @param key identity
 * @param labels one label per value
 * @param values the numbers; shared, read-only
 */
public record VectorMeasurement(MeasurementKey key, List<String> labels, double[] values) implements Measurement {
  /** Checks that labels and values agree. */
  public VectorMeasurement {
    labels = List.copyOf(labels);
    if (labels.size() != values.length) {
      throw new IllegalArgumentException(key.metric() + ": " + labels.size() + " labels for " + values.length + " values");
    }
  }

  @Override
  public String kind() {
    return "vector";
  }
}
