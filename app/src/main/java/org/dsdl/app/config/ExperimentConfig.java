package org.dsdl.app.config;

import java.util.List;

/**
 * A whole experiment as written in a config file (merged over the built-in defaults).
 *
 * @param name a label for the run
 * @param seed the master seed; every random choice derives from it
 * @param dataset the dataset plugin and its parameters
 * @param engine the engine plugin and its parameters
 * @param model the architecture
 * @param training the optimisation schedule
 * @param checkpoints when probes run
 * @param probeSet the held-out exemplars probes look at
 * @param probes the probes to run
 * @param visualizers the visualizers to run at the end
 * @param plugins folders of plugin jars to load (relative to the config file's folder)
 */
public record ExperimentConfig(
    String name,
    long seed,
    PluginRef dataset,
    PluginRef engine,
    ModelConfig model,
    TrainingConfig training,
    CheckpointConfig checkpoints,
    ProbeSetConfig probeSet,
    List<PluginRef> probes,
    List<PluginRef> visualizers,
    List<String> plugins) {

  /** Validates what binding cannot. */
  public ExperimentConfig {
    if (!SafeName.isSafe(name)) {
      throw new IllegalArgumentException("name must be " + SafeName.RULE + ", got '" + Printable.of(name, 80) + "'");
    }
    probes = List.copyOf(probes);
    visualizers = List.copyOf(visualizers);
    plugins = plugins == null ? List.of() : List.copyOf(plugins);
  }
}
