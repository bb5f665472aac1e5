package org.dsdl.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study as a sweep file describes it: a base experiment, the seeds every condition runs with,
 * and the conditions: a grid (every combination of the listed values of some keys) and/or a list
 * of named override sets. {@link SweepExpansion} turns it into named runs.
 *
 * @param name the sweep's name (the file's name without extension unless it says {@code name:})
 * @param base the base experiment config as the user wrote it (merged over the built-in defaults per run)
 * @param baseSource where the base came from, for messages: the base file, or the sweep file for an inline base
 * @param baseDirectory the folder the base's relative plugin paths are relative to
 * @param seeds the seeds, in order, without repeats
 * @param grid key (a dotted config path) to the values it takes, in file order
 * @param conditions the named override sets, in file order; empty when the sweep has none
 */
public record SweepSpec(String name, ObjectNode base, String baseSource, Path baseDirectory, List<Long> seeds,
    Map<String, List<JsonNode>> grid, List<Condition> conditions) {

  /** Copies the collections, keeping their order. */
  public SweepSpec {
    seeds = List.copyOf(seeds);
    Map<String, List<JsonNode>> g = new LinkedHashMap<>();
    grid.forEach((k, v) -> g.put(k, List.copyOf(v)));
    grid = Collections.unmodifiableMap(g);
    conditions = List.copyOf(conditions);
  }

  /**
   * A named set of overrides.
   *
   * @param name the condition's name, part of its runs' names
   * @param set key (a dotted config path) to value, in file order
   */
  public record Condition(String name, Map<String, JsonNode> set) {
    /** Copies the map, keeping its order. */
    public Condition {
      set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }
  }
}
