package org.dsdl.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.ModelPresets;
import org.dsdl.api.model.ModelSpec;
import org.dsdl.api.plugin.PluginKind;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.app.plugin.ParameterBinder;
import org.dsdl.app.plugin.PluginDescriptor;
import org.dsdl.app.plugin.PluginRegistry;

/** Describes discovered plugins and model presets as JSON trees, for {@code list} and {@code describe}. */
final class PluginCatalog {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Map<PluginKind, String> SECTIONS = Map.of(
      PluginKind.DATASET, "datasets", PluginKind.ENGINE, "engines", PluginKind.PROBE, "probes", PluginKind.VISUALIZER, "visualizers");
  private final PluginRegistry registry;
  private final ParameterBinder binder;

  @Inject
  PluginCatalog(PluginRegistry registry, ParameterBinder binder) {
    this.registry = registry;
    this.binder = binder;
  }

  /** Everything: datasets, models, engines, probes, visualizers. */
  ObjectNode all() {
    ObjectNode root = F.objectNode();
    root.set("datasets", section(PluginKind.DATASET));
    ArrayNode models = root.putArray("models");
    ModelPresets.names().forEach(n -> models.add(model(ModelPresets.find(n).orElseThrow())));
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

  /** One plugin: name, kind, description, origin, version, parameters (and a probe's outputs). */
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
      probe.outputs().forEach(outputs::add);
    }
    return o;
  }

  /** One model preset of the VGG family. */
  static ObjectNode model(ModelSpec spec) {
    ObjectNode o = F.objectNode();
    o.put("name", spec.name());
    o.put("kind", "model");
    o.put("family", "vgg");
    o.put("description", "VGG-style CNN: 3x3 conv + ReLU blocks with 2x2 max-pooling, dense ReLU layers, linear logits");
    o.put("input", spec.input().toString());
    o.put("classes", spec.classes());
    o.put("parameterCount", spec.parameterCount());
    o.put("forwardMacsPerSample", spec.forwardMacs());
    o.put("forwardFlopsPerSample", spec.forwardFlops());
    o.put("trainingFlopsPerSample", spec.trainingFlops());
    ArrayNode params = o.putArray("parameters");
    params.addObject().put("name", "blocks").put("type", "List<List<Integer>>").put("description", "convolution widths grouped by block")
        .set("default", F.pojoNode(spec.convBlocks()));
    params.addObject().put("name", "dense").put("type", "List<Integer>").put("description", "hidden dense widths")
        .set("default", F.pojoNode(spec.dense()));
    params.addObject().put("name", "batchNorm").put("type", "boolean").put("default", spec.batchNorm())
        .put("description", "batch normalisation after every convolution, before its ReLU");
    params.addObject().put("name", "dropout").put("type", "double").put("default", spec.dropout())
        .put("description", "fraction of hidden dense units dropped while training, [0, 1)");
    params.addObject().put("name", "initializer").put("type", "String").put("default", spec.initializer())
        .put("description", "initial kernels: " + String.join(", ", ModelSpec.INITIALIZERS));
    ArrayNode layers = o.putArray("layers");
    for (LayerInfo l : spec.layers()) {
      layers.addObject().put("name", l.name()).put("kind", l.kind().name().toLowerCase(Locale.ROOT))
          .put("shape", l.outputShape().toString()).put("parameters", l.parameters());
    }
    return o;
  }
}
