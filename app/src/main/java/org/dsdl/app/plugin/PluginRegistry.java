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
import java.util.Set;
import java.util.stream.Collectors;
import org.dsdl.api.architecture.ArchitectureProvider;
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
 * discovery of the others: it is logged and listed in {@link #problems()}, and a config that asks
 * for it is told why it is missing. Two plugins of one kind with one name are an error naming both
 * jars.
 */
@Singleton
public final class PluginRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
  private static final Map<PluginKind, Class<?>> SERVICES = Map.of(
      PluginKind.DATASET, DatasetProvider.class,
      PluginKind.ARCHITECTURE, ArchitectureProvider.class,
      PluginKind.ENGINE, EngineProvider.class,
      PluginKind.PROBE, ProbeProvider.class,
      PluginKind.VISUALIZER, VisualizerProvider.class);

  private final Map<PluginKind, Map<String, PluginDescriptor>> plugins = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final java.util.Set<Path> loadedDirectories = new java.util.HashSet<>();
  /** Plugins found but skipped, by {@code KIND:name}: why. */
  private final Map<String, String> unusable = new LinkedHashMap<>();
  /** Jars of plugin folders that could not be loaded: {@code jar J in FOLDER could not be loaded: REASON}. */
  private final List<String> jarFailures = new ArrayList<>();

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
      } catch (ServiceConfigurationError | LinkageError e) {
        problem("a " + kind.name().toLowerCase(Locale.ROOT) + " plugin could not be loaded: " + e.getMessage());
        continue;
      }
      add(kind, (PluginProvider<?>) provider, null);
    }
  }

  private void problem(String message) {
    LOG.warn(message);
    problems.add(message);
  }

  /**
   * Adds a provider unless it is broken: one that cannot say its name, description or default
   * parameters, or whose parameter record the binder cannot reach, is skipped and named. A provider from a
   * layer dsdl defined ({@code controller}, else null) has its parameter packages opened first.
   */
  private void add(PluginKind kind, PluginProvider<?> provider, ModuleLayer.Controller controller) {
    String name;
    Class<?> parameters;
    try {
      name = provider.name();
      provider.description(); // `dsdl list` shows it: a provider that cannot is left out here, not there
      parameters = ParameterBinder.parametersType(provider);
    } catch (RuntimeException | LinkageError e) {
      problem(provider.getClass().getName() + " (" + location(provider.getClass()) + ") failed to report its name, description or default parameters: " + e);
      return;
    }
    if (name == null || name.isBlank()) {
      problem(provider.getClass().getName() + " has a blank name; ignored");
      return;
    }
    if (parameters == null) {
      problem("plugin '" + name + "' (" + location(provider.getClass()) + "): defaultParameters() must return a record, got null");
      return;
    }
    if (controller != null) {
      ParameterAccess.open(parameters, controller);
    }
    var closed = ParameterAccess.problem(parameters);
    if (closed.isPresent()) {
      String message = "plugin '" + name + "' (" + location(provider.getClass()) + "): " + closed.get();
      unusable.put(kind + ":" + name, message);
      problem(message);
      return;
    }
    PluginDescriptor d = new PluginDescriptor(kind, name, provider, origin(provider.getClass()), version(provider.getClass()));
    PluginDescriptor previous = plugins.get(kind).putIfAbsent(name, d);
    if (previous != null) {
      throw DsdlException.badInput("two " + kind.name().toLowerCase(Locale.ROOT) + " plugins are named '" + name + "': "
          + where(previous) + " and " + where(d) + "; remove one");
    }
  }

  /** For messages: a plugin's origin, with the jar for a built-in one. */
  private static String where(PluginDescriptor d) {
    String jar = location(d.provider().getClass());
    return d.origin().equals(jar) ? jar : d.origin() + " (" + jar + ")";
  }

  /**
   * Loads every jar in {@code dir} as a module layer over dsdl's own (on the class path, through a
   * class loader over dsdl's: see {@link #addOnClassPath}) (named modules as they
   * declare themselves; plain jars as automatic modules, their {@code META-INF/services} as
   * {@code provides}) and adds the datasets, architectures, engines, probes and visualizers they provide. A folder
   * already loaded is skipped. A copy of one of dsdl's own modules is ignored (the plugins bind to
   * dsdl's). A jar that cannot be resolved (alone, if the whole folder cannot) and a provider that
   * throws when created are skipped and listed in {@link #problems()}, naming the jar or class, and
   * the jar is named again if a config asks for a plugin that is not there; a name that is already
   * taken is an error naming both origins.
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
    if (!PluginRegistry.class.getModule().isNamed()) {
      return addOnClassPath(abs, jars);
    }
    Map<String, Path> modules = new LinkedHashMap<>(); // module name -> jar, in the folder's order
    for (Path jar : jars) {
      String module;
      try {
        module = ModuleFinder.of(jar).findAll().iterator().next().descriptor().name();
      } catch (RuntimeException e) {
        failed(jar, e);
        continue;
      }
      var own = ownLayer().configuration().findModule(module);
      if (own.isPresent() && module.startsWith("org.dsdl.")) {
        problem("plugin jar " + jar + " is a copy of dsdl's own module " + module + " ("
            + own.get().reference().location().map(PluginRegistry::path).orElse("built-in") + "); ignored: remove it from the plugin folder");
      } else if (modules.containsKey(module)) {
        problem("plugin jars " + modules.get(module) + " and " + jar + " are both module " + module + "; " + jar.getFileName()
            + " ignored: remove one");
      } else {
        modules.put(module, jar);
      }
    }
    List<Path> loaded = new ArrayList<>();
    if (modules.isEmpty()) {
      return loaded;
    }
    ModuleLayer.Controller together = layerOrNull(modules.values(), modules.keySet());
    if (together != null) {
      discover(together);
      loaded.addAll(modules.values());
    } else {
      // find the jars that cannot be resolved, each with the rest of the folder to draw on, and load the others
      Map<String, Path> good = new LinkedHashMap<>();
      modules.forEach((module, jar) -> {
        try {
          ownLayer().configuration().resolve(ModuleFinder.of(modules.values().toArray(Path[]::new)), ModuleFinder.of(), Set.of(module));
          good.put(module, jar);
        } catch (RuntimeException e) {
          failed(jar, e);
        }
      });
      together = good.isEmpty() ? null : layerOrNull(good.values(), good.keySet());
      if (together != null) {
        discover(together);
        loaded.addAll(good.values());
      } else {
        good.forEach((module, jar) -> { // they clash with one another: a layer each
          ModuleLayer.Controller alone;
          try {
            alone = layer(good.values(), Set.of(module));
          } catch (RuntimeException e) {
            failed(jar, e);
            return;
          }
          discover(alone);
          loaded.add(jar);
        });
      }
    }
    LOG.debug("loaded plugin jars {}", loaded);
    return loaded;
  }

  /**
   * dsdl runs on the class path (the Spark launcher, the {@code spark-submit} jar): no module layer
   * can be defined over it, so the folder's jars get one class loader over dsdl's, and each jar's
   * providers are read as a module would declare them ({@code provides} in its module-info, or its
   * {@code META-INF/services} files for a plain jar) and created as {@link ServiceLoader} would.
   */
  private List<Path> addOnClassPath(Path dir, List<Path> jars) {
    java.net.URL[] urls = new java.net.URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (java.net.MalformedURLException e) {
        throw DsdlException.badInput("plugin jar '" + jars.get(i) + "' has no usable path: " + e.getMessage(), e);
      }
    }
    // open for the life of the process: the plugins' classes load from it whenever they are used
    ClassLoader loader = new java.net.URLClassLoader("dsdl-plugins:" + dir, urls, PluginRegistry.class.getClassLoader());
    List<Path> loaded = new ArrayList<>();
    for (Path jar : jars) {
      java.lang.module.ModuleDescriptor module;
      try {
        module = ModuleFinder.of(jar).findAll().iterator().next().descriptor();
      } catch (RuntimeException e) {
        failed(jar, e);
        continue;
      }
      if (module.name().startsWith("org.dsdl.")) {
        problem("plugin jar " + jar + " is a copy of dsdl's own module " + module.name() + "; ignored: remove it from the plugin folder");
        continue;
      }
      loaded.add(jar);
      for (java.lang.module.ModuleDescriptor.Provides provides : module.provides()) {
        for (PluginKind kind : PluginKind.values()) {
          if (!SERVICES.get(kind).getName().equals(provides.service())) {
            continue;
          }
          for (String type : provides.providers()) {
            Object provider;
            try {
              provider = create(loader.loadClass(type));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
              problem("plugin " + type + " (" + jar + ") failed when created: " + (e.getCause() != null ? e.getCause() : e));
              continue;
            }
            if (!SERVICES.get(kind).isInstance(provider)) {
              problem("plugin " + type + " (" + jar + ") is not a " + SERVICES.get(kind).getName() + "; ignored");
              continue;
            }
            add(kind, (PluginProvider<?>) provider, null);
          }
        }
      }
    }
    LOG.debug("loaded plugin jars {} on the class path", loaded);
    return loaded;
  }

  /** A provider as {@link ServiceLoader} creates one: its public static {@code provider()} method, else its public no-argument constructor. */
  private static Object create(Class<?> type) throws ReflectiveOperationException {
    try {
      java.lang.reflect.Method factory = type.getMethod("provider");
      if (java.lang.reflect.Modifier.isStatic(factory.getModifiers())) {
        return factory.invoke(null);
      }
    } catch (NoSuchMethodException e) {
      // no factory method: the constructor
    }
    return type.getConstructor().newInstance();
  }

  private void failed(Path jar, RuntimeException e) {
    String reason = e.getMessage() + (e.getMessage() != null && e.getMessage().contains(" not found") ? "; put the jars it depends on in the same folder" : "");
    jarFailures.add("jar " + jar.getFileName() + " in " + jar.getParent() + " could not be loaded: " + reason);
    problem("plugin jar " + jar + " cannot be loaded: " + reason);
  }

  /** The layer dsdl runs in: the boot layer, or the one its launcher defined (the boot layer on the class path). */
  private static ModuleLayer ownLayer() {
    ModuleLayer own = PluginRegistry.class.getModule().getLayer();
    return own != null ? own : ModuleLayer.boot();
  }

  /**
   * A layer of the modules {@code roots} (and what they require) from {@code jars}, over the layer
   * dsdl runs in, with its controller (to open parameter packages).
   */
  private static ModuleLayer.Controller layer(java.util.Collection<Path> jars, Set<String> roots) {
    ModuleLayer parent = ownLayer();
    Configuration cf = parent.configuration().resolve(ModuleFinder.of(jars.toArray(Path[]::new)), ModuleFinder.of(), roots);
    return ModuleLayer.defineModulesWithOneLoader(cf, List.of(parent), PluginRegistry.class.getClassLoader());
  }

  private static ModuleLayer.Controller layerOrNull(java.util.Collection<Path> jars, Set<String> roots) {
    try {
      return layer(jars, roots);
    } catch (RuntimeException e) {
      LOG.debug("plugin jars {} cannot be loaded together: {}", jars, e.getMessage());
      return null;
    }
  }

  /** Adds the providers whose modules are in the controller's layer itself (not its parents, already known). */
  private void discover(ModuleLayer.Controller controller) {
    ModuleLayer layer = controller.layer();
    for (PluginKind kind : PluginKind.values()) {
      Iterator<? extends ServiceLoader.Provider<?>> it = ServiceLoader.load(layer, SERVICES.get(kind)).stream().iterator();
      while (true) {
        ServiceLoader.Provider<?> p;
        try {
          if (!it.hasNext()) {
            break;
          }
          p = it.next();
        } catch (ServiceConfigurationError | LinkageError e) {
          problem("a " + kind.name().toLowerCase(Locale.ROOT) + " plugin could not be loaded: " + e.getMessage());
          continue;
        }
        if (p.type().getModule().getLayer() != layer) {
          continue;
        }
        Object provider;
        try {
          provider = p.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
          problem("plugin " + p.type().getName() + " (" + location(p.type()) + ") failed when created: "
              + (e.getCause() != null ? e.getCause() : e));
          continue;
        }
        add(kind, (PluginProvider<?>) provider, controller);
      }
    }
  }

  /** {@code built-in} for dsdl's own modules (in dsdl's own layer), else the jar or folder the provider was loaded from. */
  private static String origin(Class<?> type) {
    Module m = type.getModule();
    boolean builtIn = m.isNamed() ? m.getName().startsWith("org.dsdl.") && m.getLayer() == ownLayer() : type.getName().startsWith("org.dsdl.");
    return builtIn ? "built-in" : location(type);
  }

  /** The jar (or folder) a class was loaded from. */
  private static String location(Class<?> type) {
    Module m = type.getModule();
    if (m.isNamed() && m.getLayer() != null) {
      var location = m.getLayer().configuration().findModule(m.getName()).flatMap(r -> r.reference().location());
      if (location.isPresent()) {
        return path(location.get());
      }
    }
    CodeSource cs = type.getProtectionDomain().getCodeSource();
    URL url = cs == null ? null : cs.getLocation();
    return url == null ? "unknown" : url.getPath();
  }

  private static String path(java.net.URI uri) {
    return "file".equals(uri.getScheme()) ? Path.of(uri).normalize().toString() : uri.toString();
  }

  private static String version(Class<?> type) {
    return type.getModule().getDescriptor() != null
        ? type.getModule().getDescriptor().version().map(Object::toString).orElse("unknown")
        : java.util.Optional.ofNullable(type.getPackage().getImplementationVersion()).orElse("unknown");
  }

  /**
   * The plugin of that kind and name. A plugin that was skipped answers with why; an unknown name
   * with the names that exist, and the plugin jars that could not be loaded.
   */
  public PluginDescriptor get(PluginKind kind, String name) {
    PluginDescriptor d = plugins.get(kind).get(name);
    if (d == null) {
      String kindName = kind.name().toLowerCase(Locale.ROOT);
      String why = unusable.get(kind + ":" + name);
      if (why != null) {
        throw DsdlException.badInput(kindName + " '" + name + "' cannot be used: " + why);
      }
      throw DsdlException.badInput("unknown " + kindName + " '" + name + "'; available " + kindName + "s: "
          + (plugins.get(kind).isEmpty() ? "(none)" : String.join(", ", new java.util.TreeSet<>(plugins.get(kind).keySet())))
          + unloadedJars());
    }
    return d;
  }

  /** Why no plugin of any kind is named {@code name} though one was found: it was skipped (see {@link #get}). */
  public java.util.Optional<String> whySkipped(String name) {
    for (PluginKind kind : PluginKind.values()) {
      String why = unusable.get(kind + ":" + name);
      if (why != null) {
        return java.util.Optional.of(kind.name().toLowerCase(Locale.ROOT) + " '" + name + "' cannot be used: " + why);
      }
    }
    return java.util.Optional.empty();
  }

  /** {@code " (jar J in FOLDER could not be loaded: REASON; …)"} for the jars of plugin folders that failed, or empty. */
  public String unloadedJars() {
    return jarFailures.isEmpty() ? "" : " (" + String.join("; ", jarFailures) + ")";
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
