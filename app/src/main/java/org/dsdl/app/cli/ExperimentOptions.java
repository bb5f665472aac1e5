package org.dsdl.app.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.pipeline.ExperimentPlan;
import org.dsdl.app.pipeline.ExperimentResolver;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command that reads an experiment shares: an optional CONFIG and {@code --set} overrides (a picocli mixin). */
public final class ExperimentOptions {
  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "experiment config, YAML or JSON (default: the built-in experiment)")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key, e.g. --set training.epochs=3 (repeatable)")
  List<String> overrides = new ArrayList<>();

  @picocli.CommandLine.Mixin
  PluginOptions plugins = new PluginOptions();

  private final ConfigLoader loader;
  private final ExperimentResolver resolver;

  /** Created by picocli through Guice. */
  @Inject
  public ExperimentOptions(ConfigLoader loader, ExperimentResolver resolver) {
    this.loader = loader;
    this.resolver = resolver;
  }

  /** The experiment, every plugin and parameter resolved, or one clear error. */
  ExperimentPlan plan() {
    return resolver.resolve(loader.withPlugins(loader.load(config, overrides), plugins.absolute()));
  }

  /** Whether a CONFIG or any {@code --set} was given. */
  boolean given() {
    return config != null || !overrides.isEmpty();
  }
}
