package org.dsdl.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dsdl list}: every discovered dataset, model, engine, probe and visualizer. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List every discovered dataset, model, engine, probe and visualizer.")
public final class ListCommand implements Callable<Integer> {
  @Option(names = "--json", description = "machine-readable output, with parameters")
  boolean json;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin
  PluginOptions plugins = new PluginOptions();

  private final PluginCatalog catalog;
  private final org.dsdl.app.plugin.PluginRegistry registry;

  /** Creates the command. */
  @Inject
  ListCommand(PluginCatalog catalog, org.dsdl.app.plugin.PluginRegistry registry) {
    this.catalog = catalog;
    this.registry = registry;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    plugins.load(registry);
    JsonNode all = catalog.all();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> section = it.next();
        out.println(section.getKey() + ":");
        for (JsonNode item : section.getValue()) {
          if (item.isTextual()) {
            out.println("  ! " + item.asText());
            continue;
          }
          String origin = !item.has("origin") ? "" : "built-in".equals(item.get("origin").asText()) ? "  [built-in]"
              : "  [" + item.get("origin").asText() + ", version " + item.path("version").asText() + "]";
          out.printf("  %-14s %s%s%n", item.get("name").asText(), item.get("description").asText(), origin);
        }
      }
    }
    out.flush();
    return 0;
  }
}
