package org.dsdl.api.probe;

import java.util.Objects;
import org.dsdl.api.measure.MeasurementKind;

/**
 * A metric a probe declares it records: its name (as in {@link org.dsdl.api.measure.MeasurementKey#metric()}),
 * its kind, its role over training, whether it is recorded per layer, and what it means. Declared by
 * {@link ProbeProvider#metrics()}, stored in the run's {@code run.json}, shown by {@code dsdl describe}
 * and used by visualizers: an {@link MetricRole#EVENT} goes on the events timeline.
 *
 * <pre>{@code
 * MetricSpec.series("mean_coupling", MeasurementKind.SCALAR, "mean |r| over pairs of live units").forEachLayer()
 * MetricSpec.event("coupling_onset_step", MeasurementKind.SCALAR, "first step whose mean_coupling departs from the start").forEachLayer()
 * }</pre>
 *
 * @param name the metric's name, non-blank
 * @param kind the kind of measurement recorded under that name
 * @param role what the metric means over training
 * @param perLayer whether it is recorded once per layer (with the layer in its key) rather than for the whole network
 * @param description what it measures, one line (may be empty)
 */
public record MetricSpec(String name, MeasurementKind kind, MetricRole role, boolean perLayer, String description) {
  /**
   * Validates, naming the metric.
   *
   * @throws IllegalArgumentException for a blank name, or an event that is not a scalar or a vector (an event is a step)
   */
  public MetricSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind of metric " + name);
    Objects.requireNonNull(role, "role of metric " + name);
    Objects.requireNonNull(description, "description of metric " + name);
    if (name.isBlank()) {
      throw new IllegalArgumentException("a metric's name must not be blank");
    }
    if (role == MetricRole.EVENT && kind != MeasurementKind.SCALAR && kind != MeasurementKind.VECTOR) {
      throw new IllegalArgumentException("metric " + name + ": an event is a training step, so a scalar or a vector (a step per label), not a "
          + kind.id());
    }
  }

  /** A whole-network {@link MetricRole#SERIES} metric; {@link #forEachLayer()} makes it per layer. */
  public static MetricSpec series(String name, MeasurementKind kind, String description) {
    return new MetricSpec(name, kind, MetricRole.SERIES, false, description);
  }

  /** A whole-network {@link MetricRole#EVENT} metric; {@link #forEachLayer()} makes it per layer. */
  public static MetricSpec event(String name, MeasurementKind kind, String description) {
    return new MetricSpec(name, kind, MetricRole.EVENT, false, description);
  }

  /** A whole-network {@link MetricRole#SUMMARY} metric; {@link #forEachLayer()} makes it per layer. */
  public static MetricSpec summary(String name, MeasurementKind kind, String description) {
    return new MetricSpec(name, kind, MetricRole.SUMMARY, false, description);
  }

  /** This metric, recorded once per layer. */
  public MetricSpec forEachLayer() {
    return new MetricSpec(name, kind, role, true, description);
  }

  /** One line for {@code dsdl describe}: {@code name (kind[, per layer][, event|summary]): description}. */
  public String line() {
    String head = name + " (" + kind.id() + (perLayer ? ", per layer" : "") + (role == MetricRole.SERIES ? "" : ", " + role.name().toLowerCase(java.util.Locale.ROOT)) + ")";
    return description.isEmpty() ? head : head + ": " + description;
  }
}
