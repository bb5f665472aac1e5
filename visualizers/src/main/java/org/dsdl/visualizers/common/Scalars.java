package org.dsdl.visualizers.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunRecord;

/**
 * A run's scalar measurements as series: per probe and metric, per layer (empty for whole-network
 * metrics), the points (checkpoint, value) in recorded order, and which of them are events. Shared by
 * the visualizers that draw.
 */
public final class Scalars {
  /**
   * One point of a series.
   *
   * @param checkpoint when
   * @param value what
   */
  public record Point(Checkpoint checkpoint, double value) {}

  private final Map<String, Map<String, List<Point>>> series = new LinkedHashMap<>();
  private final Set<String> events = new HashSet<>();

  /** Groups the run's scalars, noting which are events (as their probes declared them, {@link org.dsdl.api.run.DeclaredMetrics#role}). */
  public Scalars(RunRecord run) {
    for (Measurement m : run.measurements()) {
      if (m instanceof ScalarMeasurement s) {
        String key = s.key().probe() + "/" + s.key().metric();
        series.computeIfAbsent(key, k -> new LinkedHashMap<>())
            .computeIfAbsent(s.key().layer() == null ? "" : s.key().layer(), k -> new ArrayList<>())
            .add(new Point(s.key().checkpoint(), s.value()));
        if (run.info().metrics().isEvent(s.key())) {
          events.add(key);
        }
      }
    }
  }

  /** The metrics, as {@code probe/metric}, in the order first recorded. */
  public List<String> metrics() {
    return List.copyOf(series.keySet());
  }

  /** The series of one metric by layer ({@code ""} = whole network). */
  public Map<String, List<Point>> of(String probeSlashMetric) {
    return series.getOrDefault(probeSlashMetric, Map.of());
  }

  /** Whether {@code probe/metric} is an event: declared one, with one point per series (a step recorded once). */
  public boolean isEvent(String probeSlashMetric) {
    return events.contains(probeSlashMetric) && of(probeSlashMetric).values().stream().allMatch(p -> p.size() == 1);
  }
}
