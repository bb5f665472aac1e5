package org.dsdl.api.measure;

import java.util.Objects;
import java.util.Optional;
import org.dsdl.api.run.Checkpoint;

/**
 * Identifies a measurement: which probe measured which metric of which layer at which checkpoint.
 *
 * @param probe the probe's name, e.g. {@code accuracy}
 * @param metric the metric's name, e.g. {@code test_accuracy}
 * @param layer the layer, or {@code null} for whole-network metrics
 * @param checkpoint when
 */
public record MeasurementKey(String probe, String metric, String layer, Checkpoint checkpoint) {
  /** Requires probe, metric and checkpoint. */
  public MeasurementKey {
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /** The layer, if the metric belongs to one. */
  public Optional<String> layerName() {
    return Optional.ofNullable(layer);
  }
}
