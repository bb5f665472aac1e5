package org.dsdl.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dsdl.app.DsdlException;

/**
 * Reads a config (YAML or JSON) over the built-in defaults, applies {@code --set key=value}
 * overrides and binds the result to {@link ExperimentConfig}. Every error names the key, where it
 * came from and what was expected.
 */
public final class ConfigLoader {
  private static final String DEFAULTS = "/org/dsdl/app/default-experiment.yaml";
  private final YamlReader reader = new YamlReader();
  private final ObjectMapper yaml = reader.mapper();

  /** Creates a loader. */
  @Inject
  public ConfigLoader() {}

  /**
   * A loaded config: the bound record, the resolved tree it came from, where it came from, and the
   * folder its relative plugin paths are relative to.
   */
  public record Loaded(ExperimentConfig config, ObjectNode tree, String source, Path baseDirectory) {}

  /** {@code loaded} with these plugin folders (absolute) added to its {@code plugins}. */
  public Loaded withPlugins(Loaded loaded, List<Path> folders) {
    if (folders.isEmpty()) {
      return loaded;
    }
    ObjectNode copy = loaded.tree().deepCopy();
    com.fasterxml.jackson.databind.node.ArrayNode list = copy.withArray("plugins");
    folders.forEach(f -> list.add(f.toAbsolutePath().normalize().toString()));
    return new Loaded(bind(copy, loaded.source()), copy, loaded.source(), loaded.baseDirectory());
  }

  /**
   * Loads the experiment.
   *
   * @param file the user's config, or null for the built-in experiment
   * @param overrides {@code key.path=value} strings; values are parsed as YAML
   */
  public Loaded load(Path file, List<String> overrides) {
    List<Override> parsed = new ArrayList<>();
    for (String o : overrides) {
      parsed.add(override(o));
    }
    return load(file == null ? null : readFile(file), file == null ? "the built-in experiment" : file.toString(),
        file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent(), parsed);
  }

  /**
   * Loads the experiment a tree gives (e.g. a sweep's base), merged over the built-in defaults,
   * with {@code overrides} applied in order.
   *
   * @param user the user's config tree, or null for the built-in experiment
   * @param source how errors name where the tree came from, e.g. the file's name
   * @param baseDirectory the folder the config's relative plugin paths are relative to
   */
  public Loaded load(ObjectNode user, String source, Path baseDirectory, List<Override> overrides) {
    ObjectNode tree = defaults();
    if (user != null) {
      merge(tree, user.deepCopy());
    }
    List<SetKey> set = new ArrayList<>();
    for (Override o : overrides) {
      set.add(apply(tree, o));
    }
    for (Alternative a : Alternative.values()) {
      if (a.given(user, overrides, a.key) && !a.given(user, overrides, a.replaces) && tree.get(a.section) instanceof ObjectNode section) {
        section.putNull(a.replaces); // the default's value gives way to the user's alternative
      }
    }
    return new Loaded(bind(tree, source, set), tree, source, baseDirectory);
  }

  /**
   * Keys that are alternatives to a key the defaults give: a config giving one of them replaces the
   * default's value of the other; a config giving both is refused when bound.
   */
  private enum Alternative {
    STEPS("training", "steps", "epochs"),
    EVERY("checkpoints", "every", "perEpoch");

    final String section;
    final String key;
    final String replaces;

    Alternative(String section, String key, String replaces) {
      this.section = section;
      this.key = key;
      this.replaces = replaces;
    }

    /** Whether the user's tree and overrides, applied in order, leave {@code section.name} set to something other than null. */
    boolean given(ObjectNode user, List<Override> overrides, String name) {
      boolean given = user != null && given(user.path(section).path(name));
      for (Override o : overrides) {
        if (o.path().equals(section + "." + name)) {
          given = given(o.value());
        } else if (o.path().equals(section)) {
          given = o.value().isObject() ? (o.value().has(name) ? given(o.value().get(name)) : given) : false;
        }
      }
      return given;
    }

    private static boolean given(JsonNode n) {
      return !n.isMissingNode() && !n.isNull();
    }
  }

  /** Binds a complete config tree (e.g. the resolved config in a run.json), merged over the current defaults. */
  public Loaded fromTree(ObjectNode tree, String source) {
    ObjectNode merged = defaults();
    merge(merged, tree.deepCopy());
    return new Loaded(bind(merged, source), merged, source, Path.of("").toAbsolutePath());
  }

  private ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      return (ObjectNode) yaml.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in defaults " + DEFAULTS, e);
    }
  }

  private ObjectNode readFile(Path file) {
    JsonNode node = readDocument(file, "config file");
    if (node == null || node.isMissingNode() || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      throw DsdlException.badInput("config file '" + file + "' must hold a mapping of keys (name, dataset, model, …), got " + node.getNodeType().toString().toLowerCase());
    }
    return (ObjectNode) node;
  }

  /** Reads a config file's tree (the user's keys, not merged over the defaults); an empty file is an empty mapping. */
  public ObjectNode read(Path file) {
    return readFile(file);
  }

  /**
   * Reads a YAML or JSON file with the config's reading rules (no key twice, no aliases, bounded
   * nesting); {@code what} names the kind of file in errors, e.g. {@code sweep file}.
   *
   * @return the tree, or null for an empty document
   */
  public JsonNode readDocument(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw DsdlException.badInput(what + " '" + file + "' does not exist or is not a file");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw DsdlException.badInput("cannot read " + what + " '" + file + "': " + e.getMessage(), e);
    }
    return reader.read(text, what + " '" + file + "'");
  }

  /** Deep-merges {@code over} into {@code base}: objects merge key by key, anything else replaces. */
  static void merge(ObjectNode base, ObjectNode over) {
    for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = base.get(e.getKey());
      if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
        merge(eo, vo);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  /**
   * One key set over a config: by {@code --set key=value}, or by a sweep's grid or condition.
   *
   * @param path the key's dotted path, e.g. {@code training.epochs} or {@code probes.1.layers}
   * @param value the value
   * @param origin how errors about its value name it, e.g. {@code --set training.epochs=3}
   * @param label how errors about its path name it, e.g. {@code --set training.epochs}
   */
  public record Override(String path, JsonNode value, String origin, String label) {}

  /**
   * A key set over the config, for naming it in errors.
   *
   * @param path the key path as binding errors write it, e.g. {@code probes[1].layers}
   * @param origin how errors name the override, e.g. {@code --set training.epochs=3}
   */
  private record SetKey(String path, String origin) {
    /** Whether the value at {@code at} came from this override. */
    boolean covers(String at) {
      return at.equals(path) || at.startsWith(path + ".") || at.startsWith(path + "[");
    }

    /** Whether this override set a key inside {@code at}. */
    boolean inside(String at) {
      return at.isEmpty() || path.startsWith(at + ".") || path.startsWith(at + "[");
    }
  }

  /** Parses a {@code --set key.path=value} argument; the value is read as YAML. */
  public Override override(String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw DsdlException.badInput("--set '" + override + "': expected key.path=value, e.g. --set training.epochs=3");
    }
    String path = override.substring(0, eq).trim();
    String text = override.substring(eq + 1);
    JsonNode value = text.isEmpty() ? JsonNodeFactory.instance.textNode("") : reader.read(text, "--set " + path + ": the value");
    if (value == null || value.isMissingNode()) {
      value = JsonNodeFactory.instance.nullNode();
    }
    return new Override(path, value, "--set " + override, "--set " + path);
  }

  private static SetKey apply(ObjectNode tree, Override o) {
    String path = o.path();
    JsonNode value = o.value().deepCopy();
    String[] keys = path.split("\\.");
    JsonNode node = tree;
    for (int i = 0; i < keys.length - 1; i++) {
      JsonNode next = child(node, keys[i]);
      if (next != null && next.isTextual()) {
        // A plugin written as NAME takes parameters once spelled {type: NAME}.
        next = JsonNodeFactory.instance.objectNode().put("type", next.asText());
        set(node, keys[i], next, o.label());
      }
      if (next == null || next.isNull()) {
        next = JsonNodeFactory.instance.objectNode();
        set(node, keys[i], next, o.label());
      }
      if (!next.isContainerNode()) {
        throw DsdlException.badInput(o.label() + ": '" + keys[i] + "' holds a value, not keys");
      }
      node = next;
    }
    set(node, keys[keys.length - 1], value, o.label());
    return new SetKey(path.replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]"), o.origin());
  }

  private static JsonNode child(JsonNode node, String key) {
    return node instanceof ArrayNode a && key.matches("\\d+") ? a.get(Integer.parseInt(key)) : node.get(key);
  }

  private static void set(JsonNode node, String key, JsonNode value, String label) {
    if (node instanceof ObjectNode o) {
      if (o.get(key) instanceof ObjectNode existing && value instanceof ObjectNode vo) {
        merge(existing, vo);
      } else {
        o.set(key, value);
      }
    } else if (node instanceof ArrayNode a && key.matches("\\d+") && Integer.parseInt(key) < a.size()) {
      a.set(Integer.parseInt(key), value);
    } else {
      throw DsdlException.badInput(label + ": no list element '" + key + "'");
    }
  }

  private ExperimentConfig bind(ObjectNode tree, String source) {
    return bind(tree, source, List.of());
  }

  private ExperimentConfig bind(ObjectNode tree, String source, List<SetKey> set) {
    try {
      return yaml.treeToValue(tree, ExperimentConfig.class);
    } catch (JsonProcessingException e) {
      String at = e instanceof JsonMappingException m ? path(m) : "";
      throw DsdlException.badInput(describe(e, sourceOf(at, source, set), "", tree), e);
    }
  }

  /** Where the value at {@code at} came from: the last {@code --set} of it, else the config (with any {@code --set} inside it). */
  private static String sourceOf(String at, String source, List<SetKey> set) {
    for (int i = set.size() - 1; i >= 0; i--) {
      if (set.get(i).covers(at)) {
        return set.get(i).origin();
      }
    }
    List<String> inside = set.stream().filter(k -> k.inside(at)).map(SetKey::origin).toList();
    return inside.isEmpty() ? source : source + " with " + String.join(", ", inside);
  }

  /** One line for a binding error: where, what was expected (the value found is not known here). */
  public static String describe(JsonProcessingException e, String source, String prefix) {
    return describe(e, source, prefix, null);
  }

  /**
   * One line for a binding error: where, what was expected and what was found, in the config's
   * terms rather than Jackson's.
   *
   * @param tree the tree that was being bound, to quote the value found; may be null
   */
  public static String describe(JsonProcessingException e, String source, String prefix, JsonNode tree) {
    String path = prefix + (e instanceof JsonMappingException m ? path(m) : "");
    String where = path.isEmpty() ? "" : " at '" + path + "'";
    JsonNode found = tree != null && e instanceof JsonMappingException m ? at(tree, m) : null;
    String got = found == null ? "" : ", got " + found(found);
    if (e instanceof UnrecognizedPropertyException u) {
      String allowed = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "the top level";
      return source + ": unknown key '" + u.getPropertyName() + "' in " + (parent.isEmpty() ? "the top level" : parent) + "; allowed keys: " + allowed;
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return source + unlessNamed(where, path, v.getCause().getMessage()) + ": " + v.getCause().getMessage();
    }
    if (e.getCause() instanceof IllegalArgumentException a) { // a value type's own words (ApiValues, Schedule)
      return source + unlessNamed(where, path, a.getMessage()) + ": " + a.getMessage();
    }
    if (e.getCause() instanceof InputCoercionException c) {
      return source + where + ": expected " + typeName(c.getTargetType()) + " from " + min(c.getTargetType()) + " to "
          + max(c.getTargetType()) + got;
    }
    if (e instanceof InvalidFormatException f) {
      return source + where + ": expected " + typeName(f.getTargetType()) + (got.isEmpty() ? ", got '" + f.getValue() + "'" : got);
    }
    if (e instanceof MismatchedInputException m) {
      if (m.getTargetType() == PluginRef.class) { // PluginRefJson's own words
        return source + where + ": " + firstLine(e.getOriginalMessage()) + (found != null && found.isObject() ? "" : got);
      }
      return source + where + ": expected " + typeName(m.getTargetType()) + got;
    }
    return source + where + ": " + firstLine(e.getOriginalMessage());
  }

  /** {@code where}, unless the message already starts by naming the key ({@code "training.schedule must be …"}). */
  private static String unlessNamed(String where, String path, String message) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    return message != null && !path.isEmpty() && (message.startsWith(path + " ") || message.startsWith(key + " ")) ? "" : where;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.split("\n")[0];
  }

  /** The node at an error's path in {@code tree}, or null. */
  private static JsonNode at(JsonNode tree, JsonMappingException e) {
    JsonNode node = tree;
    for (JsonMappingException.Reference r : e.getPath()) {
      if (node == null) {
        return null;
      }
      node = r.getFieldName() != null ? node.get(r.getFieldName()) : r.getIndex() >= 0 ? node.get(r.getIndex()) : null;
    }
    return node;
  }

  /** A value as a config writer would name it. */
  private static String found(JsonNode n) {
    if (n.isNull() || n.isMissingNode()) {
      return "null";
    }
    if (n.isTextual()) {
      String t = n.asText();
      return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isObject()) {
      return "a mapping (keys: values)";
    }
    return n.toString();
  }

  private static String min(Class<?> type) {
    return type == long.class || type == Long.class ? String.format(Locale.ROOT, "%,d", Long.MIN_VALUE) : String.format(Locale.ROOT, "%,d", Integer.MIN_VALUE);
  }

  private static String max(Class<?> type) {
    return type == long.class || type == Long.class ? String.format(Locale.ROOT, "%,d", Long.MAX_VALUE) : String.format(Locale.ROOT, "%,d", Integer.MAX_VALUE);
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == PluginRef.class) {
      return "a plugin, written as NAME or {type: NAME, …parameters}";
    }
    if (type.isRecord() || type == ObjectNode.class || Map.class.isAssignableFrom(type)) {
      return "a mapping (keys: values)";
    }
    return "a " + type.getSimpleName();
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
