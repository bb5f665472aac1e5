package org.dsdl.app.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dsdl.api.plugin.PluginKind;
import org.dsdl.app.DsdlException;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.compare.Comparison;
import org.dsdl.app.plugin.PluginUse;
import org.dsdl.app.render.ReportRenderer;
import org.dsdl.app.plugin.ParameterBinder;
import org.dsdl.app.plugin.PluginRegistry;
import org.dsdl.app.rundir.RunRecordReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dsdl report RUN_DIR}: re-renders a run with visualizers, without training; {@code dsdl
 * report RUN_A RUN_B … --out FILE}: one comparison page of the runs ({@link Comparison}).
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = {"Re-render a finished or interrupted run with visualizers; no training.",
    "With --out FILE: one self-contained page comparing the runs given (findings side by side, every metric a line per run, config differences)."})
public final class ReportCommand implements Callable<Integer> {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportCommand.class);

  @Parameters(index = "0..*", arity = "1..*", paramLabel = "RUN_DIR", description = "a run directory; with --out, one or more to compare")
  List<Path> runDirs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE", description = "write a comparison page of the runs to FILE (e.g. compare.html); an existing FILE"
      + " is replaced only if dsdl report wrote it")
  Path out;

  @picocli.CommandLine.Mixin
  PluginOptions plugins = new PluginOptions();

  @Option(names = "--visualizers", split = ",", paramLabel = "NAME", description = "visualizers to run (default: those of the run's config)")
  List<String> visualizers = new ArrayList<>();

  private final PluginRegistry registry;
  private final ParameterBinder binder;
  private final ReportRenderer renderer;

  /** Creates the command. */
  @Inject
  public ReportCommand(PluginRegistry registry, ParameterBinder binder, ReportRenderer renderer) {
    this.registry = registry;
    this.binder = binder;
    this.renderer = renderer;
  }

  @Override
  public Integer call() {
    if (out != null) {
      return compare();
    }
    if (runDirs.size() > 1) {
      throw DsdlException.badInput("dsdl report re-renders one run; to compare " + runDirs.size() + " runs give --out FILE, e.g. dsdl report "
          + runDirs.get(0) + " " + runDirs.get(1) + " --out compare.html");
    }
    Path runDir = runDirs.get(0);
    var manifest = RunRecordReader.manifest(runDir);
    // the run's own plugin folders first, then any given here
    if (manifest.config() != null) {
      manifest.config().path("plugins").forEach(f -> {
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of(f.asText()))) {
          registry.addDirectory(java.nio.file.Path.of(f.asText()));
        }
      });
    }
    plugins.load(registry);
    // The run's own visualizer settings, by name, so a re-render uses the parameters the run was configured with.
    Map<String, ObjectNode> configured = new LinkedHashMap<>();
    if (manifest.config() != null) {
      manifest.config().path("visualizers").forEach(v -> {
        ObjectNode params = v.isObject() ? ((ObjectNode) v).deepCopy() : JsonNodeFactory.instance.objectNode();
        String type = v.isTextual() ? v.asText() : params.path("type").asText();
        params.remove(List.of("type", "name"));
        configured.put(type, params);
      });
    }
    List<String> names = visualizers.isEmpty() ? new ArrayList<>(configured.keySet()) : visualizers;
    if (names.isEmpty()) {
      throw DsdlException.badInput("no visualizers to run: pass --visualizers NAME[,NAME]");
    }
    List<PluginUse> uses = new ArrayList<>();
    for (String name : names) {
      var plugin = registry.get(PluginKind.VISUALIZER, name);
      var params = configured.getOrDefault(name, JsonNodeFactory.instance.objectNode());
      var bound = binder.bind(plugin, params, "visualizer " + name);
      uses.add(new PluginUse(name, plugin, bound.parameters(), bound.resolved()));
    }
    // under the run's lock: a run still writing this directory is not rendered over
    try (java.nio.channels.FileChannel lock = org.dsdl.app.rundir.RunDirectory.lock(runDir)) {
      return renderer.render(runDir, uses).error() == null ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    } catch (java.io.IOException e) {
      throw DsdlException.badInput("cannot lock " + runDir + ": " + e.getMessage(), e);
    }
  }

  private int compare() {
    if (!visualizers.isEmpty()) {
      throw DsdlException.badInput("--visualizers re-renders one run's own files; --out writes a comparison page of its own: give one or the other");
    }
    Comparison.check(runDirs, out);
    try {
      LOG.info("wrote {}", Comparison.write(runDirs, out));
    } catch (java.io.IOException e) {
      throw DsdlException.badInput("cannot write " + out + ": " + e.getMessage(), e);
    }
    return ExitCodes.OK;
  }
}
