package org.dsdl.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
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
  private final ObjectMapper yaml = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

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
    ObjectNode tree = defaults();
    String source = "the built-in experiment";
    if (file != null) {
      source = file.toString();
      merge(tree, readFile(file));
    }
    for (String o : overrides) {
      applyOverride(tree, o);
    }
    Path base = file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
    return new Loaded(bind(tree, source), tree, source, base);
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
    if (!Files.isRegularFile(file)) {
      throw DsdlException.badInput("config file '" + file + "' does not exist or is not a file");
    }
    JsonNode node;
    try {
      node = yaml.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw DsdlException.badInput("config file '" + file + "' is not valid YAML/JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw DsdlException.badInput("cannot read config file '" + file + "': " + e.getMessage(), e);
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      throw DsdlException.badInput("config file '" + file + "' must hold a mapping of keys (name, dataset, model, …), got " + node.getNodeType().toString().toLowerCase());
    }
    return (ObjectNode) node;
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

  private void applyOverride(ObjectNode tree, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw DsdlException.badInput("--set '" + override + "': expected key.path=value, e.g. --set training.epochs=3");
    }
    String path = override.substring(0, eq).trim();
    JsonNode value;
    try {
      String text = override.substring(eq + 1);
      value = text.isEmpty() ? JsonNodeFactory.instance.textNode("") : yaml.readTree(text);
    } catch (JsonProcessingException e) {
      throw DsdlException.badInput("--set " + path + ": value is not valid YAML: " + e.getOriginalMessage());
    }
    String[] keys = path.split("\\.");
    JsonNode node = tree;
    for (int i = 0; i < keys.length - 1; i++) {
      JsonNode next = child(node, keys[i]);
      if (next != null && next.isTextual()) {
        // A plugin written as NAME takes parameters once spelled {type: NAME}.
        next = JsonNodeFactory.instance.objectNode().put("type", next.asText());
        set(node, keys[i], next, path);
      }
      if (next == null || next.isNull()) {
        next = JsonNodeFactory.instance.objectNode();
        set(node, keys[i], next, path);
      }
      if (!next.isContainerNode()) {
        throw DsdlException.badInput("--set " + path + ": '" + keys[i] + "' holds a value, not keys");
      }
      node = next;
    }
    set(node, keys[keys.length - 1], value, path);
  }

  private static JsonNode child(JsonNode node, String key) {
    return node instanceof ArrayNode a && key.matches("\\d+") ? a.get(Integer.parseInt(key)) : node.get(key);
  }

  private static void set(JsonNode node, String key, JsonNode value, String path) {
    if (node instanceof ObjectNode o) {
      if (o.get(key) instanceof ObjectNode existing && value instanceof ObjectNode vo) {
        merge(existing, vo);
      } else {
        o.set(key, value);
      }
    } else if (node instanceof ArrayNode a && key.matches("\\d+") && Integer.parseInt(key) < a.size()) {
      a.set(Integer.parseInt(key), value);
    } else {
      throw DsdlException.badInput("--set " + path + ": no list element '" + key + "'");
    }
  }

  private ExperimentConfig bind(ObjectNode tree, String source) {
    try {
      return yaml.treeToValue(tree, ExperimentConfig.class);
    } catch (JsonProcessingException e) {
      throw DsdlException.badInput(describe(e, source, ""), e);
    }
  }

  /** One line for a binding error: where, what was found, what was expected. */
  public static String describe(JsonProcessingException e, String source, String prefix) {
    String path = prefix + (e instanceof JsonMappingException m ? path(m) : "");
    String where = path.isEmpty() ? "" : " at '" + path + "'";
    if (e instanceof UnrecognizedPropertyException u) {
      String allowed = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "the top level";
      return source + ": unknown key '" + u.getPropertyName() + "' in " + (parent.isEmpty() ? "the top level" : parent) + "; allowed keys: " + allowed;
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return source + where + ": " + v.getCause().getMessage();
    }
    if (e instanceof InvalidFormatException f) {
      return source + where + ": expected " + typeName(f.getTargetType()) + ", got '" + f.getValue() + "'";
    }
    if (e instanceof MismatchedInputException m) {
      return source + where + ": expected " + typeName(m.getTargetType()) + " (" + e.getOriginalMessage().split("\n")[0] + ")";
    }
    return source + where + ": " + e.getOriginalMessage();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class || type == float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
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
