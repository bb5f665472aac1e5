package org.dsdl.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep: a condition at a seed.
 *
 * @param name the run's name: its directory under {@code runs/} and its experiment's {@code name}
 * @param condition the condition's label, shared by its runs at every seed (the name without the seed)
 * @param conditionName the named condition it belongs to, or null when the sweep has none
 * @param settings every key the run sets over the base, in order (the condition's, then the grid's), with its value
 * @param seed the experiment's seed
 */
public record SweepRun(String name, String condition, String conditionName, Map<String, JsonNode> settings, long seed) {
  /** Copies the settings, keeping their order. */
  public SweepRun {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }
}
