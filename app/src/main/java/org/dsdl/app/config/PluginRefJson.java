package org.dsdl.app.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Reads and writes {@link PluginRef} in its two spellings. */
final class PluginRefJson {
  private PluginRefJson() {}

  static final class Deserializer extends JsonDeserializer<PluginRef> {
    @Override
    public PluginRef deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return new PluginRef(p.getText(), null, JsonNodeFactory.instance.objectNode());
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return (PluginRef) ctxt.handleUnexpectedToken(PluginRef.class, p.currentToken(), p,
            "a plugin is written as NAME or as {type: NAME, ...parameters}");
      }
      ObjectNode node = p.readValueAsTree();
      JsonNode type = node.remove("type");
      if (type == null || !type.isTextual()) {
        return (PluginRef) ctxt.handleUnexpectedToken(PluginRef.class, JsonToken.START_OBJECT, p,
            "a plugin written as an object needs 'type: NAME'");
      }
      JsonNode alias = node.remove("name");
      return new PluginRef(type.asText(), alias == null ? null : alias.asText(), node);
    }
  }

  static final class Serializer extends JsonSerializer<PluginRef> {
    @Override
    public void serialize(PluginRef ref, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("type", ref.type());
      if (ref.alias() != null) {
        node.put("name", ref.alias());
      }
      node.setAll(ref.parameters());
      gen.writeTree(node);
    }
  }
}
