package org.dsdl.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.config.Printable;
import org.dsdl.app.config.SafeName;

/**
 * Reads a sweep file into a {@link SweepSpec}, refusing in one line, naming the key and what is
 * allowed, anything that does not describe a study: unknown keys, a missing base, a seed list with
 * repeats or a count out of range, an empty grid or a grid key without values, a key that is not
 * a config path or that the sweep itself sets ({@code seed}, {@code name}), conditions without a
 * name or with a name twice, a key both in the grid and in a condition. Whether each key exists in
 * the experiment is checked when the runs are planned ({@link SweepPlanner}).
 *
 * <pre>
 * name: density            # optional; default: the file's name
 * base: dense-sample.yaml  # an experiment config: a path relative to this file, or a mapping
 * seeds: 3                 # seeds 1, 2, 3; or a list: [7, 8, 9]
 * grid:                    # every combination of these values
 *   dataset.trainPerClass: [50, 100]
 * conditions:              # and/or named override sets
 *   - {name: noisy, set: {dataset.noise: 0.4}}
 * </pre>
 */
public final class SweepFile {
  /** The keys a sweep file may hold. */
  public static final List<String> KEYS = List.of("name", "base", "seeds", "grid", "conditions");
  /** The keys a condition may hold. */
  public static final List<String> CONDITION_KEYS = List.of("name", "set");
  /** The most seeds a count may ask for. */
  public static final int MAX_SEEDS = 1_000;
  private static final Pattern KEY_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\.([A-Za-z][A-Za-z0-9_-]*|[0-9]+))*");
  private static final List<String> SWEEP_KEYS = List.of("seed", "name");

  private SweepFile() {}

  /** Whether a config tree is a sweep file rather than an experiment config: a mapping with a top-level {@code base} key. */
  public static boolean isSweep(JsonNode tree) {
    return tree != null && tree.isObject() && tree.has("base");
  }

  /** Reads and checks {@code file}. */
  public static SweepSpec read(Path file, ConfigLoader loader) {
    JsonNode tree = loader.readDocument(file, "sweep file");
    String where = "sweep file '" + file + "'";
    if (!isSweep(tree)) {
      throw DsdlException.badInput(where + ": a sweep file is a mapping with a 'base' key (the experiment the runs start from); keys: "
          + String.join(", ", KEYS));
    }
    Path dir = file.toAbsolutePath().getParent();
    JsonNode base = tree.get("base");
    ObjectNode baseTree;
    String baseSource;
    Path baseDir;
    if (base.isTextual()) {
      Path baseFile = dir.resolve(base.asText()).normalize();
      baseTree = loader.read(baseFile);
      baseSource = baseFile.toString();
      baseDir = baseFile.getParent();
    } else if (base.isObject()) {
      baseTree = (ObjectNode) base;
      baseSource = file + " (base)";
      baseDir = dir;
    } else {
      throw DsdlException.badInput(where + " at 'base': expected an experiment config: a path relative to the sweep file, or a mapping"
          + " (keys: name, dataset, model, …), got " + kind(base));
    }
    String name = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    return parse(tree, where, SafeName.isSafe(name) ? name : "sweep", baseTree, baseSource, baseDir);
  }

  /** A spec as {@code sweep.json} stores it ({@link #toTree}), for {@code --resume}. */
  public static SweepSpec fromStored(JsonNode tree, String where) {
    if (!tree.path("base").isObject() || !tree.path("baseDirectory").isTextual()) {
      throw DsdlException.badInput(where + ": the stored sweep has no base mapping and baseDirectory");
    }
    ObjectNode stored = tree.deepCopy();
    stored.remove("baseSource");
    stored.remove("baseDirectory");
    return parse(stored, where, "sweep", (ObjectNode) tree.get("base"), tree.path("baseSource").asText(where),
        Path.of(tree.get("baseDirectory").asText()));
  }

  /** The spec as {@code sweep.json} stores it: the base inlined, the seeds listed. */
  public static ObjectNode toTree(SweepSpec spec) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode t = f.objectNode();
    t.put("name", spec.name());
    t.set("base", spec.base().deepCopy());
    t.put("baseSource", spec.baseSource());
    t.put("baseDirectory", spec.baseDirectory().toString());
    spec.seeds().forEach(t.putArray("seeds")::add);
    if (!spec.grid().isEmpty()) {
      ObjectNode g = t.putObject("grid");
      spec.grid().forEach((k, v) -> v.forEach(g.putArray(k)::add));
    }
    if (!spec.conditions().isEmpty()) {
      var cs = t.putArray("conditions");
      for (SweepSpec.Condition c : spec.conditions()) {
        ObjectNode o = cs.addObject().put("name", c.name());
        ObjectNode set = o.putObject("set");
        c.set().forEach(set::set);
      }
    }
    return t;
  }

  private static SweepSpec parse(JsonNode tree, String where, String defaultName, ObjectNode base, String baseSource, Path baseDir) {
    for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw DsdlException.badInput(where + ": unknown key '" + Printable.of(key, 60) + "' in the top level; allowed keys: " + String.join(", ", KEYS));
      }
    }
    String name = defaultName;
    if (tree.has("name")) {
      JsonNode n = tree.get("name");
      if (!n.isTextual() || !SafeName.isSafe(n.asText())) {
        throw DsdlException.badInput(where + " at 'name': the sweep's name must be " + SafeName.RULE + ", got " + kind(n));
      }
      name = n.asText();
    }
    List<Long> seeds = seeds(tree.get("seeds"), where);
    Map<String, List<JsonNode>> grid = grid(tree.get("grid"), where);
    List<SweepSpec.Condition> conditions = conditions(tree.get("conditions"), where);
    for (SweepSpec.Condition c : conditions) {
      for (String key : c.set().keySet()) {
        if (grid.containsKey(key)) {
          throw DsdlException.badInput(where + ": '" + key + "' is both a grid key and set by condition '" + c.name()
              + "'; a key is varied by the grid or by conditions, not both");
        }
      }
    }
    return new SweepSpec(name, base, baseSource, baseDir, seeds, grid, conditions);
  }

  private static List<Long> seeds(JsonNode node, String where) {
    if (node == null) {
      throw DsdlException.badInput(where + ": 'seeds' is missing; give a count (seeds 1, 2, …) or a list of whole numbers,"
          + " e.g. seeds: 3 or seeds: [7, 8, 9]");
    }
    if (node.isIntegralNumber()) {
      if (!node.canConvertToInt() || node.asInt() < 1 || node.asInt() > MAX_SEEDS) {
        throw DsdlException.badInput(where + " at 'seeds': a count of seeds must be between 1 and " + MAX_SEEDS + " (seeds 1, 2, …), got " + node);
      }
      List<Long> out = new ArrayList<>();
      for (long s = 1; s <= node.asInt(); s++) {
        out.add(s);
      }
      return out;
    }
    if (!node.isArray() || node.isEmpty()) {
      throw DsdlException.badInput(where + " at 'seeds': expected a count (seeds 1, 2, …) or a non-empty list of whole numbers, got " + kind(node));
    }
    Set<Long> seen = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode s = node.get(i);
      if (!s.isIntegralNumber() || !s.canConvertToLong()) {
        throw DsdlException.badInput(where + " at 'seeds[" + i + "]': expected a whole number, got " + kind(s));
      }
      if (!seen.add(s.asLong())) {
        throw DsdlException.badInput(where + " at 'seeds[" + i + "]': seed " + s.asLong() + " is listed twice; each seed may appear once");
      }
    }
    return List.copyOf(seen);
  }

  private static Map<String, List<JsonNode>> grid(JsonNode node, String where) {
    Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
    if (node == null) {
      return grid;
    }
    if (!node.isObject()) {
      throw DsdlException.badInput(where + " at 'grid': expected a mapping of config keys to lists of values, e.g."
          + " {dataset.trainPerClass: [50, 100]}, got " + kind(node));
    }
    if (node.isEmpty()) {
      throw DsdlException.badInput(where + " at 'grid': the grid is empty; give each varied key its list of values,"
          + " e.g. {dataset.trainPerClass: [50, 100]}, or leave 'grid' out");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = checkKey(e.getKey(), where + " at 'grid'");
      JsonNode values = e.getValue();
      if (!values.isArray() || values.isEmpty()) {
        throw DsdlException.badInput(where + " at 'grid." + key + "': expected a non-empty list of the values the key takes, got "
            + kind(values));
      }
      List<JsonNode> list = new ArrayList<>();
      Set<JsonNode> seen = new java.util.HashSet<>();
      for (JsonNode v : values) {
        if (!seen.add(v)) {
          throw DsdlException.badInput(where + " at 'grid." + key + "': the value " + Printable.of(v.toString(), 60)
              + " is listed twice; each value may appear once");
        }
        list.add(v);
      }
      grid.put(key, list);
    }
    return grid;
  }

  private static List<SweepSpec.Condition> conditions(JsonNode node, String where) {
    List<SweepSpec.Condition> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!node.isArray() || node.isEmpty()) {
      throw DsdlException.badInput(where + " at 'conditions': expected a non-empty list of {name: NAME, set: {key: value, …}}, got " + kind(node));
    }
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode c = node.get(i);
      String at = where + " at 'conditions[" + i + "]'";
      if (!c.isObject()) {
        throw DsdlException.badInput(at + ": expected {name: NAME, set: {key: value, …}}, got " + kind(c));
      }
      for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!CONDITION_KEYS.contains(key)) {
          throw DsdlException.badInput(at + ": unknown key '" + Printable.of(key, 60) + "'; allowed keys: " + String.join(", ", CONDITION_KEYS));
        }
      }
      JsonNode n = c.get("name");
      if (n == null || !n.isTextual() || !SafeName.isSafe(n.asText())) {
        throw DsdlException.badInput(at + " at 'name': a condition's name must be " + SafeName.RULE + ", got "
            + (n == null ? "none" : kind(n)));
      }
      if (!names.add(n.asText())) {
        throw DsdlException.badInput(at + ": the condition name '" + n.asText() + "' is used twice; each condition needs its own name");
      }
      Map<String, JsonNode> set = new LinkedHashMap<>();
      JsonNode s = c.get("set");
      if (s != null && !s.isObject()) {
        throw DsdlException.badInput(at + " at 'set': expected a mapping of config keys to values, e.g. {dataset.noise: 0.4}, got " + kind(s));
      }
      if (s != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          set.put(checkKey(e.getKey(), at + " at 'set'"), e.getValue());
        }
      }
      out.add(new SweepSpec.Condition(n.asText(), set));
    }
    return out;
  }

  private static String checkKey(String key, String where) {
    if (SWEEP_KEYS.contains(key)) {
      throw DsdlException.badInput(where + ": '" + key + "' is set by the sweep itself (" + ("seed".equals(key)
          ? "list the seeds under 'seeds'" : "each run is named after its condition and seed") + ")");
    }
    if (!KEY_PATH.matcher(key).matches()) {
      throw DsdlException.badInput(where + ": '" + Printable.of(key, 60) + "' is not a config key; a key is a dotted path such as"
          + " dataset.trainPerClass or training.optimizer.learningRate");
    }
    return key;
  }

  /** A value as a config writer would name it. */
  static String kind(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "null";
    }
    if (n.isTextual()) {
      return "the string \"" + Printable.of(n.asText(), 40) + "\"";
    }
    if (n.isArray()) {
      return n.isEmpty() ? "an empty list" : "a list";
    }
    if (n.isObject()) {
      return n.isEmpty() ? "an empty mapping" : "a mapping (keys: values)";
    }
    return n.toString().toLowerCase(Locale.ROOT);
  }
}
