package org.dsdl.app.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dsdl.api.model.ModelPresets;
import org.dsdl.api.model.ModelSpec;
import org.dsdl.api.model.OptimizerSpec;
import org.dsdl.api.plugin.PluginKind;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.config.ExperimentConfig;
import org.dsdl.app.config.ModelConfig;
import org.dsdl.app.config.PluginRef;
import org.dsdl.app.plugin.ParameterBinder;
import org.dsdl.app.plugin.PluginRegistry;

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
    ModelSpec model = model(c.model());
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

  private static ModelSpec model(ModelConfig m) {
    ModelSpec preset = ModelPresets.find(m.preset()).orElseThrow(() -> DsdlException.badInput(
        "model.preset: unknown preset '" + m.preset() + "'; available presets: " + String.join(", ", ModelPresets.names())));
    boolean custom = m.blocks() != null || m.dense() != null || m.batchNorm() != null || m.dropout() != null || m.initializer() != null;
    try {
      return new ModelSpec(custom ? preset.name() + "+custom" : preset.name(), preset.input(), preset.classes(),
          m.blocks() == null ? preset.convBlocks() : m.blocks(), m.dense() == null ? preset.dense() : m.dense(),
          m.batchNorm() == null ? preset.batchNorm() : m.batchNorm(), m.dropout() == null ? preset.dropout() : m.dropout(),
          m.initializer() == null ? preset.initializer() : m.initializer());
    } catch (IllegalArgumentException e) {
      throw DsdlException.badInput(e.getMessage(), e);
    }
  }
}
