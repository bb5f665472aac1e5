package org.dsdl.app.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plugin chosen by name, with its parameters: written either as {@code NAME} or as
 * {@code {type: NAME, name: ALIAS, ...parameters}}.
 *
 * @param type the plugin's name
 * @param alias the name its measurements are recorded under (defaults to {@code type})
 * @param parameters the parameter keys the user wrote (bound later against the plugin's record)
 */
@JsonDeserialize(using = PluginRefJson.Deserializer.class)
@JsonSerialize(using = PluginRefJson.Serializer.class)
public record PluginRef(String type, String alias, ObjectNode parameters) {
  /** The name to record measurements under. */
  public String displayName() {
    return alias == null ? type : alias;
  }
}
