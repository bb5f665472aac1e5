package org.dsdl.app.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dsdl.api.architecture.ArchitectureProvider;
import org.dsdl.api.architecture.Preset;
import org.dsdl.api.model.OptimizerSpec;
import org.dsdl.api.plugin.PluginKind;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.config.ExperimentConfig;
import org.dsdl.app.config.ModelConfig;
import org.dsdl.app.config.PluginRef;
import org.dsdl.app.plugin.ParameterBinder;
import org.dsdl.app.plugin.PluginRegistry;
import org.dsdl.app.plugin.PluginUse;
import org.dsdl.app.training.LearningRateSchedule;

/** Turns a loaded config into an {@link ExperimentPlan}, or one clear error. */
public final class ExperimentResolver {
  private final PluginRegistry registry;
  private final ParameterBinder binder;

  /** Creates a resolver over the discovered plugins. */
  @Inject
  public ExperimentResolver(PluginRegistry registry, ParameterBinder binder) {
    this.registry = registry;
    this.binder = binder;
  }

  /** Resolves every plugin and parameter of the config. */
  public ExperimentPlan resolve(ConfigLoader.Loaded loaded) {
    ExperimentConfig c = loaded.config();
    ObjectNode tree = loaded.tree().deepCopy();
    com.fasterxml.jackson.databind.node.ArrayNode folders = tree.putArray("plugins");
    for (String folder : c.plugins()) {
      java.nio.file.Path dir = loaded.baseDirectory().resolve(folder).normalize();
      registry.addDirectory(dir);
      folders.add(dir.toString());
    }
    PluginUse dataset = use(PluginKind.DATASET, c.dataset(), "dataset");
    tree.set("dataset", refTree(dataset));
    PluginUse engine = use(PluginKind.ENGINE, c.engine(), "engine");
    tree.set("engine", refTree(engine));
    List<PluginUse> probes = uses(PluginKind.PROBE, c.probes(), "probes", tree);
    List<PluginUse> visualizers = uses(PluginKind.VISUALIZER, c.visualizers(), "visualizers", tree);
    ModelChoice model = model(c.model());
    tree.set("model", modelTree(model, c.model()));
    OptimizerSpec optimizer;
    try {
      optimizer = c.training().optimizer().toSpec();
    } catch (IllegalArgumentException e) {
      throw DsdlException.badInput(loaded.source() + ": " + e.getMessage(), e);
    }
    new LearningRateSchedule(c.training().schedule(), optimizer.learningRate(), c.training().minLearningRateFactor(), 1,
        Math.max(1, c.training().stepEpochs()), c.training().stepFactor());
    if (c.training().stepEpochs() < 1) {
      throw DsdlException.badInput("training.stepEpochs must be >= 1, got " + c.training().stepEpochs());
    }
    return new ExperimentPlan(c, tree, loaded.source(), dataset, engine, model, optimizer, probes, visualizers);
  }

  private List<PluginUse> uses(PluginKind kind, List<PluginRef> refs, String key, ObjectNode tree) {
    List<PluginUse> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    ArrayNode resolved = tree.putArray(key);
    for (int i = 0; i < refs.size(); i++) {
      PluginUse u = use(kind, refs.get(i), key + "[" + i + "]");
      if (!names.add(u.alias())) {
        throw DsdlException.badInput(key + "[" + i + "]: '" + u.alias() + "' appears twice; give one of them another 'name:'");
      }
      out.add(u);
      resolved.add(refTree(u));
    }
    return out;
  }

  private PluginUse use(PluginKind kind, PluginRef ref, String where) {
    try {
      org.dsdl.app.config.SafeName.check(ref.displayName(), where);
    } catch (IllegalArgumentException e) {
      throw DsdlException.badInput(e.getMessage(), e);
    }
    var plugin = registry.get(kind, ref.type());
    ParameterBinder.Bound bound = binder.bind(plugin, ref.parameters(), where + " (" + ref.type() + ")");
    return new PluginUse(ref.displayName(), plugin, bound.parameters(), bound.resolved());
  }

  private static ObjectNode refTree(PluginUse u) {
    ObjectNode o = u.resolved().objectNode();
    o.put("type", u.plugin().name());
    if (!u.alias().equals(u.plugin().name())) {
      o.put("name", u.alias());
    }
    o.setAll(u.resolved());
    return o;
  }

  /**
   * The architecture: {@code model.type} (else the owner of {@code model.preset}, else {@code vgg}),
   * its preset (else its default parameters), with the other keys replacing single parameters.
   */
  private ModelChoice model(ModelConfig m) {
    String type = m.type();
    if (type == null && m.preset() != null) {
      type = registry.all(PluginKind.ARCHITECTURE).stream()
          .filter(d -> presets(d.provider()).stream().anyMatch(p -> p.name().equals(m.preset())))
          .map(d -> d.name()).findFirst().orElse(DEFAULT_ARCHITECTURE);
    }
    if (type == null) {
      type = DEFAULT_ARCHITECTURE;
    }
    var plugin = registry.get(PluginKind.ARCHITECTURE, type);
    List<Preset<?>> presets = presets(plugin.provider());
    Record base = plugin.provider().defaultParameters();
    String name = presets.isEmpty() ? type : presets.get(0).name();
    if (m.preset() != null) {
      Preset<?> preset = presets.stream().filter(p -> p.name().equals(m.preset())).findFirst().orElseThrow(() -> DsdlException.badInput(
          "model.preset: unknown preset '" + m.preset() + "' of architecture '" + plugin.name() + "'; its presets: "
              + (presets.isEmpty() ? "(none)" : String.join(", ", presets.stream().map(Preset::name).toList()))));
      base = preset.parameters();
      name = preset.name();
    }
    if (!m.parameters().isEmpty()) {
      name += "+custom";
    }
    ParameterBinder.Bound bound = binder.bind(plugin, base, m.parameters(), "model (" + type + ")");
    return new ModelChoice(name, new PluginUse(type, plugin, bound.parameters(), bound.resolved()));
  }

  /** The architecture the built-in experiment uses when a config names none. */
  static final String DEFAULT_ARCHITECTURE = "vgg";

  @SuppressWarnings("unchecked")
  private static List<Preset<?>> presets(org.dsdl.api.plugin.PluginProvider<?> provider) {
    return provider instanceof ArchitectureProvider<?> a ? (List<Preset<?>>) (List<?>) a.presets() : List.of();
  }

  /** The model as run.json records it: the type, the preset if one was named, and the keys the user wrote. */
  private static ObjectNode modelTree(ModelChoice model, ModelConfig m) {
    ObjectNode o = m.tree();
    o.put("type", model.architecture().plugin().name());
    ObjectNode ordered = o.objectNode();
    ordered.set("type", o.get("type"));
    ordered.setAll(o);
    return ordered;
  }
}
