package org.dsdl.visualizers.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics that belong on another metric's chart rather than on their own: a bootstrap interval
 * ({@code M_ci_low}, {@code M_ci_high}), a permutation null ({@code M_null_mean}, {@code M_null_sd},
 * {@code M_p}) and a bootstrap SD ({@code M_bootstrap_sd}) of a metric {@code M} the run also has;
 * and the series that are no chart at all (one value, or the same value throughout), listed in a
 * table instead.
 */
public final class Companions {
  /** The suffixes of a metric's companions. */
  public static final List<String> SUFFIXES = List.of("_ci_low", "_ci_high", "_null_mean", "_null_sd", "_p", "_bootstrap_sd");

  private Companions() {}

  /** The metric ({@code probe/metric}) whose companion {@code key} is, if {@code keys} has it; else null. */
  public static String baseOf(String key, Collection<String> keys) {
    for (String suffix : SUFFIXES) {
      if (key.length() > suffix.length() && key.endsWith(suffix)) {
        String base = key.substring(0, key.length() - suffix.length());
        if (keys.contains(base)) {
          return base;
        }
      }
    }
    return null;
  }

  /** Whether every series has at most one finite value, or the same one throughout. */
  public static boolean flat(Map<String, List<Scalars.Point>> byLayer) {
    for (List<Scalars.Point> points : byLayer.values()) {
      List<Double> finite = points.stream().map(Scalars.Point::value).filter(Double::isFinite).toList();
      if (finite.size() > 1 && finite.stream().anyMatch(v -> !v.equals(finite.get(0)))) {
        return false;
      }
    }
    return true;
  }

  /** A CSV row for a flat series: probe, metric, layer, its value, the steps it was measured at. */
  public static String row(String probeSlashMetric, String layer, List<Scalars.Point> points) {
    String[] pm = probeSlashMetric.split("/", 2);
    List<Long> steps = new ArrayList<>();
    double value = Double.NaN;
    for (Scalars.Point p : points) {
      if (Double.isFinite(p.value())) {
        steps.add(p.checkpoint().step());
        value = p.value();
      }
    }
    String at = steps.isEmpty() ? "" : steps.size() == 1 ? Long.toString(steps.get(0)) : steps.get(0) + "-" + steps.get(steps.size() - 1);
    return String.join(",", quote(pm[0]), quote(pm[1]), quote(layer), Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%s", value), at);
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
