package org.dsdl.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.dsdl.api.architecture.ArchitectureProvider;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.architecture.Preset;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.plugin.PluginKind;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.app.plugin.ParameterBinder;
import org.dsdl.app.plugin.PluginDescriptor;
import org.dsdl.app.plugin.PluginRegistry;

/** Describes discovered plugins and the architectures' presets as JSON trees, for {@code list} and {@code describe}. */
final class PluginCatalog {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Map<PluginKind, String> SECTIONS = Map.of(
      PluginKind.DATASET, "datasets", PluginKind.ARCHITECTURE, "architectures", PluginKind.ENGINE, "engines", PluginKind.PROBE, "probes", PluginKind.VISUALIZER, "visualizers");
  private final PluginRegistry registry;
  private final ParameterBinder binder;

  @Inject
  PluginCatalog(PluginRegistry registry, ParameterBinder binder) {
    this.registry = registry;
    this.binder = binder;
  }

  /** The data shape presets are described for: the built-in tokens task's. */
  static final ImageShape PRESET_INPUT = new ImageShape(32, 32, 1);
  /** The class count presets are described for: the built-in tokens task's. */
  static final int PRESET_CLASSES = 5;

  /** Everything: datasets, architectures, models (the architectures' presets), engines, probes, visualizers. */
  ObjectNode all() {
    ObjectNode root = F.objectNode();
    root.set("datasets", section(PluginKind.DATASET));
    root.set("architectures", section(PluginKind.ARCHITECTURE));
    ArrayNode models = root.putArray("models");
    for (PluginDescriptor d : registry.all(PluginKind.ARCHITECTURE)) {
      for (Preset<?> p : presets(d)) {
        models.add(model(d, p));
      }
    }
    for (PluginKind k : new PluginKind[] {PluginKind.ENGINE, PluginKind.PROBE, PluginKind.VISUALIZER}) {
      root.set(SECTIONS.get(k), section(k));
    }
    if (!registry.problems().isEmpty()) {
      ArrayNode problems = root.putArray("problems");
      registry.problems().forEach(problems::add);
    }
    return root;
  }

  private ArrayNode section(PluginKind kind) {
    ArrayNode a = F.arrayNode();
    registry.all(kind).forEach(d -> a.add(plugin(d)));
    return a;
  }

  /** One plugin: name, kind, description, origin, version, parameters (and a probe's declared metrics, as lines and as values). */
  ObjectNode plugin(PluginDescriptor d) {
    ObjectNode o = F.objectNode();
    o.put("name", d.name());
    o.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
    o.put("description", d.description());
    o.put("origin", d.origin());
    o.put("version", d.version());
    ArrayNode params = o.putArray("parameters");
    for (ParameterBinder.ParameterDoc p : binder.document(d.provider())) {
      ObjectNode po = params.addObject();
      po.put("name", p.name());
      po.put("type", p.type());
      po.set("default", p.defaultValue());
      po.put("description", p.description());
    }
    if (d.provider() instanceof ProbeProvider<?> probe) {
      ArrayNode outputs = o.putArray("outputs");
      ArrayNode metrics = o.putArray("metrics");
      for (MetricSpec m : probe.metrics()) {
        outputs.add(m.line());
        metrics.addObject().put("name", m.name()).put("kind", m.kind().id()).put("role", m.role().name().toLowerCase(Locale.ROOT))
            .put("perLayer", m.perLayer()).put("description", m.description());
      }
    }
    if (d.provider() instanceof ArchitectureProvider<?> a) {
      try {
        size(o, graph(a, a.defaultParameters()));
      } catch (IllegalArgumentException e) { // its defaults do not fit the tokens task's data: nothing to size
        o.put("sizeNote", "its default parameters do not fit " + PRESET_INPUT + " and " + PRESET_CLASSES + " classes: " + e.getMessage());
      }
    }
    return o;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static LayerGraph graph(ArchitectureProvider architecture, Record parameters) {
    return architecture.graph(parameters, PRESET_INPUT, PRESET_CLASSES);
  }

  /** The input and class count a graph was built for, its parameter count and FLOPs; {@code layers} is added last by the caller. */
  private static void size(ObjectNode o, LayerGraph graph) {
    o.put("input", PRESET_INPUT.toString());
    o.put("classes", PRESET_CLASSES);
    o.put("parameterCount", graph.parameterCount());
    o.put("forwardMacsPerSample", graph.forwardMacs());
    o.put("forwardFlopsPerSample", graph.forwardFlops());
    o.put("trainingFlopsPerSample", graph.trainingFlops());
    ArrayNode layers = o.putArray("layers");
    for (LayerInfo l : graph.layers()) {
      layers.addObject().put("name", l.name()).put("kind", l.kind().name().toLowerCase(Locale.ROOT))
          .put("shape", l.outputShape().toString()).put("parameters", l.parameters());
    }
  }

  /** The presets of an architecture plugin (none for other plugins). */
  @SuppressWarnings("unchecked")
  static java.util.List<Preset<?>> presets(PluginDescriptor d) {
    return d.provider() instanceof ArchitectureProvider<?> a ? (java.util.List<Preset<?>>) (java.util.List<?>) a.presets() : java.util.List.of();
  }

  /** One preset of an architecture: its parameters, and its layers and size for the tokens task's data. */
  ObjectNode model(PluginDescriptor architecture, Preset<?> preset) {
    LayerGraph graph = graph((ArchitectureProvider<?>) architecture.provider(), preset.parameters());
    ObjectNode o = F.objectNode();
    o.put("name", preset.name());
    o.put("kind", "model");
    o.put("family", architecture.name());
    o.put("description", preset.description());
    ArrayNode params = o.putArray("parameters");
    for (ParameterBinder.ParameterDoc p : binder.document(architecture.provider(), preset.parameters())) {
      ObjectNode po = params.addObject();
      po.put("name", p.name());
      po.put("type", p.type());
      po.set("default", p.defaultValue());
      po.put("description", p.description());
    }
    size(o, graph);
    return o;
  }
}
