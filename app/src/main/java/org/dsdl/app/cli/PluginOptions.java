package org.dsdl.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsdl.app.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/** {@code --plugins DIR} (a picocli mixin): folders of plugin jars to load beside the built-in plugins. */
public final class PluginOptions {
  @Option(names = "--plugins", paramLabel = "DIR",
      description = "load every jar in DIR as plugins (datasets, engines, probes, visualizers) beside the built-in ones (repeatable)")
  List<Path> directories = new ArrayList<>();

  /** Loads the folders into {@code registry}. */
  void load(PluginRegistry registry) {
    directories.forEach(registry::addDirectory);
  }

  /** The folders, absolute. */
  List<Path> absolute() {
    return directories.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }
}
