package org.dsdl.api.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dsdl.api.measure.MeasurementKey;
import org.dsdl.api.probe.MetricRole;
import org.dsdl.api.probe.MetricSpec;

/**
 * The metrics each probe of a run declared ({@link org.dsdl.api.probe.ProbeProvider#metrics()}),
 * by probe name as in the measurements' keys, as recorded in {@code run.json}; and so the role of
 * every measurement.
 *
 * <p>A run written before dsdl recorded declarations has none ({@link #recorded()} false): for it,
 * and only for it, {@link #role} falls back to the old naming rule, under which a metric whose name
 * ends in {@code _step} is an event.
 *
 * @param recorded whether the run recorded its probes' declarations (false: an older run)
 * @param byProbe the declared metrics by probe name, in the order declared; a probe that declared
 *     none is absent or has an empty list
 */
public record DeclaredMetrics(boolean recorded, Map<String, List<MetricSpec>> byProbe) {
  /** The suffix that made a metric an event in runs written before declarations were recorded. */
  public static final String LEGACY_EVENT_SUFFIX = "_step";

  /** Copies the map and its lists, keeping their order; an unrecorded run declares nothing. */
  public DeclaredMetrics {
    Objects.requireNonNull(byProbe, "byProbe");
    if (!recorded && !byProbe.isEmpty()) {
      throw new IllegalArgumentException("a run that recorded no declarations cannot list declared metrics: " + byProbe.keySet());
    }
    Map<String, List<MetricSpec>> copy = new LinkedHashMap<>();
    byProbe.forEach((probe, specs) -> copy.put(Objects.requireNonNull(probe, "probe"), List.copyOf(specs)));
    byProbe = Collections.unmodifiableMap(copy);
  }

  /** The declarations of a run that recorded them. */
  public static DeclaredMetrics of(Map<String, List<MetricSpec>> byProbe) {
    return new DeclaredMetrics(true, byProbe);
  }

  /** A run written before declarations were recorded: roles follow the old naming rule. */
  public static DeclaredMetrics notRecorded() {
    return new DeclaredMetrics(false, Map.of());
  }

  /** The declaration of {@code probe}'s {@code metric}, if the probe declared it. */
  public Optional<MetricSpec> of(String probe, String metric) {
    return byProbe.getOrDefault(probe, List.of()).stream().filter(s -> s.name().equals(metric)).findFirst();
  }

  /**
   * The role of {@code probe}'s {@code metric}: as declared; {@link MetricRole#SERIES} for a metric
   * its probe did not declare (it is drawn by its kind); in a run that recorded no declarations,
   * {@link MetricRole#EVENT} for a name ending in {@value #LEGACY_EVENT_SUFFIX}, else series.
   */
  public MetricRole role(String probe, String metric) {
    if (!recorded) {
      return metric.endsWith(LEGACY_EVENT_SUFFIX) ? MetricRole.EVENT : MetricRole.SERIES;
    }
    return of(probe, metric).map(MetricSpec::role).orElse(MetricRole.SERIES);
  }

  /** The role of the measurement with this key ({@link #role(String, String)}). */
  public MetricRole role(MeasurementKey key) {
    return role(key.probe(), key.metric());
  }

  /** Whether the measurement with this key is an event. */
  public boolean isEvent(MeasurementKey key) {
    return role(key) == MetricRole.EVENT;
  }
}
