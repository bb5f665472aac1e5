package org.dsdl.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsdl.api.plugin.PluginKind;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.Printable;
import org.dsdl.app.plugin.PluginDescriptor;
import org.dsdl.app.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dsdl describe NAME}: a plugin's or model preset's parameters, defaults and outputs. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show a plugin's (or model preset's) parameters, defaults and outputs.")
public final class DescribeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "a plugin or model preset name, as `dsdl list` shows")
  String name;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin
  PluginOptions plugins = new PluginOptions();

  private final PluginRegistry registry;
  private final PluginCatalog catalog;

  /** Creates the command. */
  @Inject
  DescribeCommand(PluginRegistry registry, PluginCatalog catalog) {
    this.registry = registry;
    this.catalog = catalog;
  }

  @Override
  public Integer call() {
    plugins.load(registry);
    List<ObjectNode> found = new ArrayList<>();
    for (PluginDescriptor d : registry.named(name)) {
      found.add(catalog.plugin(d));
    }
    for (PluginDescriptor a : registry.all(PluginKind.ARCHITECTURE)) {
      PluginCatalog.presets(a).stream().filter(p -> p.name().equals(name)).forEach(p -> found.add(catalog.model(a, p)));
    }
    if (found.isEmpty()) {
      registry.whySkipped(name).ifPresent(why -> {
        throw DsdlException.badInput(why);
      });
      List<String> all = new ArrayList<>();
      catalog.all().fields().forEachRemaining(e -> e.getValue().forEach(n -> {
        if (n.has("name")) {
          all.add(n.get("name").asText());
        }
      }));
      throw DsdlException.badInput("nothing is named '" + name + "'; known names: " + String.join(", ", all) + registry.unloadedJars());
    }
    PrintWriter out = spec.commandLine().getOut();
    for (ObjectNode o : found) {
      out.printf("%s (%s) — %s%n", Printable.of(o.get("name").asText()), o.get("kind").asText(), Printable.of(o.get("description").asText()));
      if (o.has("origin")) {
        out.printf("  origin: %s, version %s%n", o.get("origin").asText(), o.get("version").asText());
      }
      if (o.has("sizeNote")) {
        out.printf("  size: %s%n", Printable.of(o.get("sizeNote").asText()));
      }
      if (o.has("parameterCount")) {
        out.printf(o.get("kind").asText().equals("model") ? "  " : "  with its default parameters: ");
        out.printf("input %s, %d classes, %,d parameters; per sample %,d FLOPs forward, %,d training (3x forward)%n", o.get("input").asText(),
            o.get("classes").asInt(), o.get("parameterCount").asLong(), o.get("forwardFlopsPerSample").asLong(),
            o.get("trainingFlopsPerSample").asLong());
      }
      JsonNode params = o.get("parameters");
      out.println(params.isEmpty() ? "  parameters: none" : "  parameters:");
      List<String[]> rows = new ArrayList<>();
      for (JsonNode p : params) {
        rows.add(new String[] {p.get("name").asText(), p.get("type").asText(), "default " + p.get("default"), p.path("description").asText()});
      }
      printAligned(out, rows);
      if (o.has("outputs")) {
        out.println(o.get("outputs").isEmpty() ? "  metrics: none declared (drawn by the kind of what it records)" : "  metrics:");
        o.get("outputs").forEach(x -> out.println("    " + x.asText()));
      }
      if (o.has("layers")) {
        out.println("  layers:");
        List<String[]> layers = new ArrayList<>();
        o.get("layers").forEach(l -> layers.add(new String[] {l.get("name").asText(), l.get("kind").asText(), l.get("shape").asText(),
            String.format(java.util.Locale.ROOT, "%,d", l.get("parameters").asLong())}));
        printAligned(out, layers);
      }
    }
    out.flush();
    return 0;
  }

  /** Prints rows indented by four spaces, each column as wide as its widest cell, the last one unpadded. */
  static void printAligned(PrintWriter out, List<String[]> rows) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < r.length - 1; c++) {
        width[c] = Math.max(width[c], Printable.of(r[c]).length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("   ");
      for (int c = 0; c < r.length; c++) {
        String cell = Printable.of(r[c]);
        line.append(' ').append(cell);
        if (c < r.length - 1) {
          line.append(" ".repeat(width[c] - cell.length()));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
