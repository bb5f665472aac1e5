package org.dsdl.visualizers.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunRecord;

/**
 * A run's scalar measurements as series: per probe and metric, per layer (empty for whole-network
 * metrics), the points (checkpoint, value) in recorded order. Shared by the visualizers that draw.
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

  /** Groups the run's scalars. */
  public Scalars(RunRecord run) {
    for (Measurement m : run.measurements()) {
      if (m instanceof ScalarMeasurement s) {
        series.computeIfAbsent(s.key().probe() + "/" + s.key().metric(), k -> new LinkedHashMap<>())
            .computeIfAbsent(s.key().layer() == null ? "" : s.key().layer(), k -> new ArrayList<>())
            .add(new Point(s.key().checkpoint(), s.value()));
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

  /**
   * Whether a metric names an event: a step written once at the end of a run (e.g.
   * {@code settling_step}), drawn on the events timeline rather than as a curve.
   */
  public static boolean isEventMetric(String metric) {
    return metric.endsWith("_step");
  }

  /** Whether {@code probe/metric} is an event: an event metric with one point per series. */
  public boolean isEvent(String probeSlashMetric) {
    return isEventMetric(probeSlashMetric) && of(probeSlashMetric).values().stream().allMatch(p -> p.size() == 1);
  }
}
