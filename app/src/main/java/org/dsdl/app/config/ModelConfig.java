package org.dsdl.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The architecture: {@code {type: NAME, preset: PRESET, ...parameters}}. {@code type} names an
 * architecture plugin ({@code vgg} unless a preset of another one is named); {@code preset} one of
 * its presets (its default preset, if any, when absent); the other keys replace single parameters
 * of the preset and are bound against the plugin's parameter record. A key set to null is absent.
 *
 * @param type the architecture's name, or null
 * @param preset a preset name, or null
 * @param parameters the other keys the user wrote
 */
public record ModelConfig(String type, String preset, ObjectNode parameters) {
  /** Reads {@code {type, preset, ...parameters}}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ModelConfig of(ObjectNode node) {
    ObjectNode parameters = JsonNodeFactory.instance.objectNode();
    String type = null;
    String preset = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v == null || v.isNull()) {
        continue;
      }
      switch (e.getKey()) {
        case "type", "preset" -> {
          if (!v.isTextual()) {
            throw new IllegalArgumentException("model." + e.getKey() + " must be a name, got " + v);
          }
          if (e.getKey().equals("type")) {
            type = v.asText();
          } else {
            preset = v.asText();
          }
        }
        default -> parameters.set(e.getKey(), v);
      }
    }
    return new ModelConfig(type, preset, parameters);
  }

  /** Copies the parameters. */
  public ModelConfig {
    parameters = parameters == null ? JsonNodeFactory.instance.objectNode() : parameters.deepCopy();
  }

  /** The config tree: type and preset (where given), then the parameters. */
  @JsonValue
  public ObjectNode tree() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (type != null) {
      o.put("type", type);
    }
    if (preset != null) {
      o.put("preset", preset);
    }
    o.setAll(parameters.deepCopy());
    return o;
  }
}
