package org.dsdl.app.plugin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.dsdl.api.data.DatasetProvider;
import org.dsdl.api.model.EngineProvider;
import org.dsdl.api.plugin.PluginKind;
import org.dsdl.api.plugin.PluginProvider;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.viz.VisualizerProvider;
import org.dsdl.app.DsdlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin found by {@link ServiceLoader}, by kind and name. One broken provider does not stop
 * discovery of the others: it is logged and listed in {@link #problems()}. Two plugins of one kind
 * with one name are an error naming both origins.
 */
@Singleton
public final class PluginRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
  private static final Map<PluginKind, Class<?>> SERVICES = Map.of(
      PluginKind.DATASET, DatasetProvider.class,
      PluginKind.ENGINE, EngineProvider.class,
      PluginKind.PROBE, ProbeProvider.class,
      PluginKind.VISUALIZER, VisualizerProvider.class);

  private final Map<PluginKind, Map<String, PluginDescriptor>> plugins = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final java.util.Set<Path> loadedDirectories = new java.util.HashSet<>();

  /** Discovers the plugins visible to this module (module path, or class path in tests). */
  @Inject
  public PluginRegistry() {
    for (PluginKind kind : PluginKind.values()) {
      plugins.put(kind, new LinkedHashMap<>());
      discover(kind, ServiceLoader.load(SERVICES.get(kind)));
    }
  }

  private void discover(PluginKind kind, ServiceLoader<?> loader) {
    Iterator<?> it = loader.iterator();
    while (true) {
      Object provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
      } catch (ServiceConfigurationError e) {
        String msg = "a " + kind.name().toLowerCase(Locale.ROOT) + " plugin could not be loaded: " + e.getMessage();
        LOG.warn(msg);
        problems.add(msg);
        continue;
      }
      add(kind, (PluginProvider<?>) provider);
    }
  }

  private void add(PluginKind kind, PluginProvider<?> provider) {
    String name;
    try {
      name = provider.name();
      provider.description(); // `dsdl list` shows it: a provider that cannot is left out here, not there
    } catch (RuntimeException e) {
      problems.add(provider.getClass().getName() + " failed to report its name or description: " + e);
      return;
    }
    if (name == null || name.isBlank()) {
      problems.add(provider.getClass().getName() + " has a blank name; ignored");
      return;
    }
    PluginDescriptor d = new PluginDescriptor(kind, name, provider, origin(provider.getClass()), version(provider.getClass()));
    PluginDescriptor previous = plugins.get(kind).putIfAbsent(name, d);
    if (previous != null) {
      throw DsdlException.badInput("two " + kind.name().toLowerCase(Locale.ROOT) + " plugins are named '" + name + "': "
          + previous.origin() + " and " + d.origin() + "; remove one");
    }
  }

  /**
   * Loads every jar in {@code dir} as a module layer over dsdl's own (named modules as they
   * declare themselves; plain jars as automatic modules, their {@code META-INF/services} as
   * {@code provides}) and adds the datasets, engines, probes and visualizers they provide. A folder
   * already loaded is skipped. A jar that cannot be resolved (alone, if the whole folder cannot)
   * and a provider that throws when created are skipped and listed in {@link #problems()}, naming
   * the jar or class; a name that is already taken is an error naming both origins.
   *
   * @return the jars loaded
   */
  public synchronized List<Path> addDirectory(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw DsdlException.badInput("plugin folder '" + dir + "' does not exist or is not a folder");
    }
    if (!loadedDirectories.add(abs)) {
      return List.of();
    }
    List<Path> jars;
    try (var files = Files.list(abs)) {
      jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
    } catch (java.io.IOException e) {
      throw DsdlException.badInput("cannot list plugin folder '" + dir + "': " + e.getMessage(), e);
    }
    if (jars.isEmpty()) {
      LOG.warn("plugin folder {} holds no jars", abs);
      return List.of();
    }
    List<Path> loaded = new ArrayList<>();
    try {
      discover(layer(jars));
      loaded.addAll(jars);
    } catch (RuntimeException together) {
      if (together instanceof DsdlException) {
        throw together;
      }
      for (Path jar : jars) {
        try {
          discover(layer(List.of(jar)));
          loaded.add(jar);
        } catch (DsdlException e) {
          throw e;
        } catch (RuntimeException e) {
          String msg = "plugin jar " + jar + " cannot be loaded: " + e.getMessage();
          LOG.warn(msg);
          problems.add(msg);
        }
      }
    }
    LOG.debug("loaded plugin jars {}", loaded);
    return loaded;
  }

  /** A layer of {@code jars} over the layer dsdl runs in (the boot layer on the class path). */
  private static ModuleLayer layer(List<Path> jars) {
    ModuleLayer parent = PluginRegistry.class.getModule().getLayer() != null ? PluginRegistry.class.getModule().getLayer() : ModuleLayer.boot();
    ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
    java.util.Set<String> roots = new java.util.TreeSet<>();
    finder.findAll().forEach(r -> roots.add(r.descriptor().name()));
    Configuration cf = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
    return parent.defineModulesWithOneLoader(cf, PluginRegistry.class.getClassLoader());
  }

  /** Adds the providers whose modules are in {@code layer} itself (not its parents, already known). */
  private void discover(ModuleLayer layer) {
    for (PluginKind kind : PluginKind.values()) {
      ServiceLoader<?> loader = ServiceLoader.load(layer, SERVICES.get(kind));
      for (ServiceLoader.Provider<?> p : loader.stream().toList()) {
        if (p.type().getModule().getLayer() != layer) {
          continue;
        }
        Object provider;
        try {
          provider = p.get();
        } catch (ServiceConfigurationError | RuntimeException e) {
          String msg = "plugin " + p.type().getName() + " (" + origin(p.type()) + ") failed when created: "
              + (e.getCause() != null ? e.getCause() : e);
          LOG.warn(msg);
          problems.add(msg);
          continue;
        }
        add(kind, (PluginProvider<?>) provider);
      }
    }
  }

  /** {@code built-in} for dsdl's own modules, else the jar or folder the provider was loaded from. */
  private static String origin(Class<?> type) {
    Module m = type.getModule();
    boolean builtIn = m.isNamed() ? m.getName().startsWith("org.dsdl.") : type.getName().startsWith("org.dsdl.");
    if (builtIn) {
      return "built-in";
    }
    CodeSource cs = type.getProtectionDomain().getCodeSource();
    URL url = cs == null ? null : cs.getLocation();
    return url == null ? "unknown" : url.getPath();
  }

  private static String version(Class<?> type) {
    return type.getModule().getDescriptor() != null
        ? type.getModule().getDescriptor().version().map(Object::toString).orElse("unknown")
        : java.util.Optional.ofNullable(type.getPackage().getImplementationVersion()).orElse("unknown");
  }

  /** The plugin of that kind and name; an unknown name answers with the names that exist. */
  public PluginDescriptor get(PluginKind kind, String name) {
    PluginDescriptor d = plugins.get(kind).get(name);
    if (d == null) {
      String kindName = kind.name().toLowerCase(Locale.ROOT);
      throw DsdlException.badInput("unknown " + kindName + " '" + name + "'; available " + kindName + "s: "
          + (plugins.get(kind).isEmpty() ? "(none)" : String.join(", ", new java.util.TreeSet<>(plugins.get(kind).keySet()))));
    }
    return d;
  }

  /** Every plugin of a kind, in discovery order. */
  public List<PluginDescriptor> all(PluginKind kind) {
    return List.copyOf(plugins.get(kind).values());
  }

  /** Every plugin with that name, of any kind. */
  public List<PluginDescriptor> named(String name) {
    return plugins.values().stream().map(m -> m.get(name)).filter(java.util.Objects::nonNull).collect(Collectors.toList());
  }

  /** Providers that could not be loaded, one line each. */
  public List<String> problems() {
    return List.copyOf(problems);
  }
}
