package org.dsdl.app.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dsdl.api.plugin.Param;
import org.dsdl.api.plugin.PluginProvider;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.config.StrictBinding;

/**
 * Binds the keys a config gives a plugin onto the plugin's parameter record: the defaults come
 * from the provider, the user's keys replace them, unknown keys are errors naming the allowed ones,
 * values are never converted into another kind ({@link StrictBinding}), and the record's own
 * validation runs.
 */
public final class ParameterBinder {
  private final ObjectMapper mapper = StrictBinding.configure(JsonMapper.builder()).build();

  /** Creates a binder. */
  @Inject
  public ParameterBinder() {}

  /** A bound parameter record and the full parameter tree (defaults filled in) for the manifest. */
  public record Bound(Record parameters, ObjectNode resolved) {}

  /**
   * Binds {@code given} for {@code plugin}.
   *
   * @param where how the config refers to this plugin, e.g. {@code probes[1] (rsa)}
   */
  public Bound bind(PluginDescriptor plugin, ObjectNode given, String where) {
    return bind(plugin, plugin.provider().defaultParameters(), given, where);
  }

  /**
   * Binds {@code given} over {@code base} (e.g. a preset) instead of the provider's defaults.
   *
   * @param base a record of the plugin's parameter type
   * @param where how the config refers to this plugin, e.g. {@code model (vgg)}
   */
  public Bound bind(PluginDescriptor plugin, Record base, ObjectNode given, String where) {
    PluginProvider<?> provider = plugin.provider();
    ObjectNode tree = mapper.valueToTree(base);
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!tree.has(e.getKey())) {
        List<String> allowed = new ArrayList<>();
        tree.fieldNames().forEachRemaining(allowed::add);
        throw DsdlException.badInput(where + ": unknown parameter '" + e.getKey() + "' for " + plugin.kind().name().toLowerCase()
            + " '" + plugin.name() + "'; allowed: " + (allowed.isEmpty() ? "(none: it takes no parameters)" : String.join(", ", allowed)));
      }
      tree.set(e.getKey(), e.getValue());
    }
    try {
      return new Bound(mapper.treeToValue(tree, parametersType(provider)), tree);
    } catch (JsonProcessingException e) {
      throw DsdlException.badInput(ConfigLoader.describe(e, where, "", tree), e);
    }
  }

  /**
   * The record type a provider's parameters are bound to: the class of its default parameters (a
   * record class is final, so it is the provider's type parameter itself); null if it has none.
   */
  static Class<? extends Record> parametersType(PluginProvider<?> provider) {
    Record defaults = provider.defaultParameters();
    return defaults == null ? null : defaults.getClass();
  }

  /** The provider's default parameters as a tree. */
  public ObjectNode defaultsOf(PluginProvider<?> provider) {
    return mapper.valueToTree(provider.defaultParameters());
  }

  /** One documented parameter. */
  public record ParameterDoc(String name, String type, JsonNode defaultValue, String description) {}

  /** Every parameter of a plugin with its type, default and {@link Param} description. */
  public List<ParameterDoc> document(PluginProvider<?> provider) {
    return document(provider, provider.defaultParameters());
  }

  /** Every parameter of a plugin with its type, its value in {@code base} (e.g. a preset) as default, and its description. */
  public List<ParameterDoc> document(PluginProvider<?> provider, Record base) {
    ObjectNode defaults = mapper.valueToTree(base);
    List<ParameterDoc> docs = new ArrayList<>();
    RecordComponent[] components = parametersType(provider).getRecordComponents();
    for (RecordComponent c : components) {
      Param p = c.getAnnotation(Param.class);
      docs.add(new ParameterDoc(c.getName(), c.getGenericType().getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", ""),
          defaults.get(c.getName()), p == null ? "" : p.value()));
    }
    return docs;
  }
}
