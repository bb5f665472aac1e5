package org.dsdl.api.measure;

/**
 * A single number.
 *
 * @param key identity
 * @param value the number (may be NaN only where the metric is undefined, which probes should avoid)
 */
public record ScalarMeasurement(MeasurementKey key, double value) implements Measurement {
  @Override
  public String kind() {
    return "scalar";
  }
}
