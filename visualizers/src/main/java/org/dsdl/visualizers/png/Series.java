package org.dsdl.visualizers.png;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.visualizers.common.Scalars;

/**
 * One line of a figure with what is drawn on it: its bootstrap band, and intervals at some
 * checkpoints (a permutation null's mean ± 2 SD, the value ± 2 bootstrap SD).
 */
final class Series {
  /**
   * An interval at one step.
   *
   * @param step where
   * @param mid its centre
   * @param low its lower end
   * @param high its upper end
   */
  record Interval(long step, double mid, double low, double high) {}

  final List<Scalars.Point> points;
  final Color colour;
  final Map<Integer, double[]> band = new HashMap<>();
  final List<Interval> intervals = new ArrayList<>();
  private boolean nulls;
  private boolean bootstrap;

  Series(List<Scalars.Point> points, Color colour) {
    this.points = points;
    this.colour = colour;
  }

  private static Map<Integer, Double> byCheckpoint(Map<String, List<Scalars.Point>> metric, String layer) {
    Map<Integer, Double> out = new HashMap<>();
    if (metric != null && metric.containsKey(layer)) {
      metric.get(layer).forEach(p -> out.put(p.checkpoint().index(), p.value()));
    }
    return out;
  }

  void band(Map<String, List<Scalars.Point>> low, Map<String, List<Scalars.Point>> high, String layer) {
    Map<Integer, Double> lo = byCheckpoint(low, layer);
    Map<Integer, Double> hi = byCheckpoint(high, layer);
    lo.forEach((k, v) -> {
      if (hi.containsKey(k) && Double.isFinite(v) && Double.isFinite(hi.get(k))) {
        band.put(k, new double[] {v, hi.get(k)});
      }
    });
  }

  void nulls(Map<String, List<Scalars.Point>> mean, Map<String, List<Scalars.Point>> sd, String layer) {
    Map<Integer, Double> s = byCheckpoint(sd, layer);
    if (mean != null && mean.containsKey(layer)) {
      for (Scalars.Point p : mean.get(layer)) {
        double d = s.getOrDefault(p.checkpoint().index(), 0.0);
        if (Double.isFinite(p.value()) && Double.isFinite(d)) {
          intervals.add(new Interval(p.checkpoint().step(), p.value(), p.value() - 2 * d, p.value() + 2 * d));
          nulls = true;
        }
      }
    }
  }

  void bootstrap(Map<String, List<Scalars.Point>> sd, String layer) {
    Map<Integer, Double> s = byCheckpoint(sd, layer);
    for (Scalars.Point p : points) {
      Double d = s.get(p.checkpoint().index());
      if (d != null && Double.isFinite(d) && Double.isFinite(p.value())) {
        intervals.add(new Interval(p.checkpoint().step(), p.value(), p.value() - 2 * d, p.value() + 2 * d));
        bootstrap = true;
      }
    }
  }

  /** The caption's note on what the bands and bars are, or "". */
  static String notes(Collection<Series> all) {
    List<String> out = new ArrayList<>();
    if (all.stream().anyMatch(s -> !s.band.isEmpty())) {
      out.add("band: 95% bootstrap interval");
    }
    if (all.stream().anyMatch(s -> s.nulls)) {
      out.add("bars: permutation null, mean ± 2 SD");
    }
    if (all.stream().anyMatch(s -> s.bootstrap)) {
      out.add("bar at step 0: ± 2 bootstrap SD");
    }
    return out.isEmpty() ? "" : " " + String.join("; ", out) + ".";
  }
}
