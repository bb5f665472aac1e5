package org.dsdl.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.SafeName;

/**
 * Expands a {@link SweepSpec} into its runs: every named condition (or the base alone) × every
 * combination of the grid's values (the first key varying slowest) × every seed, in that order.
 *
 * <p>A run is named after what it varies: the condition's name, then {@code KEY-VALUE} per grid key
 * (the key's last part, or the whole key where two grid keys end alike; the value with characters
 * other than letters, digits, '.' and '-' replaced by '_'), then {@code seed-N}, joined by '_', e.g.
 * {@code noisy_trainPerClass-50_seed-1}. A sweep without conditions and grid names its runs
 * {@code base_seed-N}. The name is the run's directory under {@code runs/} and its experiment's
 * {@code name}, so it must be a safe name; two runs with one name are refused.
 */
public final class SweepExpansion {
  /** The most runs a sweep may expand to. */
  public static final int MAX_RUNS = 10_000;

  private SweepExpansion() {}

  /** The runs of {@code spec}; {@code where} names the sweep in errors. */
  public static List<SweepRun> expand(SweepSpec spec, String where) {
    long count = (long) Math.max(1, spec.conditions().size()) * spec.seeds().size();
    for (List<JsonNode> values : spec.grid().values()) {
      count *= values.size();
      if (count > MAX_RUNS) {
        break;
      }
    }
    if (count > MAX_RUNS) {
      throw DsdlException.badInput(String.format(java.util.Locale.ROOT, "%s: the sweep expands to more than %,d runs (conditions × grid × seeds);"
          + " a sweep may have at most %,d", where, MAX_RUNS, MAX_RUNS));
    }
    Map<String, String> shortKeys = shortKeys(spec.grid().keySet());
    List<SweepSpec.Condition> conditions = spec.conditions().isEmpty()
        ? Collections.singletonList(null) : spec.conditions();
    List<SweepRun> runs = new ArrayList<>();
    Map<String, SweepRun> byName = new HashMap<>();
    for (SweepSpec.Condition c : conditions) {
      for (Map<String, JsonNode> point : combinations(spec.grid())) {
        List<String> parts = new ArrayList<>();
        Map<String, JsonNode> settings = new LinkedHashMap<>();
        if (c != null) {
          parts.add(c.name());
          settings.putAll(c.set());
        }
        point.forEach((k, v) -> parts.add(shortKeys.get(k) + "-" + valueName(v)));
        settings.putAll(point);
        String label = parts.isEmpty() ? "base" : String.join("_", parts);
        for (long seed : spec.seeds()) {
          String name = label + "_seed-" + seed;
          if (!SafeName.isSafe(name)) {
            throw DsdlException.badInput(where + ": run name '" + org.dsdl.app.config.Printable.of(name, 80) + "' is not allowed; a run's name is "
                + SafeName.RULE + " (give conditions shorter names, or vary fewer keys by the grid)");
          }
          SweepRun run = new SweepRun(name, label, c == null ? null : c.name(), settings, seed);
          SweepRun before = byName.putIfAbsent(name, run);
          if (before != null) {
            throw DsdlException.badInput(where + ": two runs would be named '" + name + "' (settings " + settingsText(before)
                + " and " + settingsText(run) + "); values that differ only in characters other than letters, digits, '.' and '-'"
                + " name runs alike: make them differ in a name's characters");
          }
          runs.add(run);
        }
      }
    }
    return List.copyOf(runs);
  }

  /** Each grid key's part of a run name: its last segment, or the whole key where another grid key ends alike. */
  static Map<String, String> shortKeys(Iterable<String> keys) {
    Map<String, Integer> lastCount = new HashMap<>();
    for (String k : keys) {
      lastCount.merge(last(k), 1, Integer::sum);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : keys) {
      out.put(k, lastCount.get(last(k)) > 1 ? k : last(k));
    }
    return out;
  }

  private static String last(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  /** A value as part of a run name. */
  static String valueName(JsonNode v) {
    String text = v.isValueNode() ? v.asText() : v.toString();
    String safe = text.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^[_.]+|[_.]+$", "");
    return safe.isEmpty() ? "_" : safe;
  }

  private static String settingsText(SweepRun run) {
    StringBuilder sb = new StringBuilder("{");
    run.settings().forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ").append(v));
    return org.dsdl.app.config.Printable.of(sb.append("} seed ").append(run.seed()).toString(), 200);
  }

  /** Every combination of the grid's values, the first key varying slowest; one empty combination for an empty grid. */
  private static List<Map<String, JsonNode>> combinations(Map<String, List<JsonNode>> grid) {
    List<Map<String, JsonNode>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<JsonNode>> e : grid.entrySet()) {
      List<Map<String, JsonNode>> next = new ArrayList<>();
      for (Map<String, JsonNode> partial : out) {
        for (JsonNode v : e.getValue()) {
          Map<String, JsonNode> m = new LinkedHashMap<>(partial);
          m.put(e.getKey(), v);
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }
}
