package org.dsdl.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dsdl.app.config.Printable;
import org.dsdl.app.rundir.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last lines {@code dsdl run} prints: the findings the {@code findings} visualizer wrote to
 * {@code findings.json}, the stated ones and then a count of those not distinguishable from their
 * control. Called only when the run's manifest lists the file among its visualizers' outputs.
 */
final class FindingsLines {
  private static final Logger LOG = LoggerFactory.getLogger(FindingsLines.class);
  static final String FILE = "findings.json";

  private FindingsLines() {}

  static void print(Path runDir, PrintWriter out) {
    Path file = runDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return;
    }
    JsonNode findings;
    try {
      findings = Json.LINES.readTree(file.toFile()).path("findings");
    } catch (IOException e) {
      LOG.warn("cannot read {}: {}", file, e.getMessage());
      return;
    }
    if (findings.isEmpty()) {
      out.println("findings (" + file + "): none (no built-in event or null was measured)");
      return;
    }
    int rest = 0;
    out.println("findings (" + file + "):");
    for (JsonNode f : findings) {
      if ("NOT_DISTINGUISHABLE".equals(f.path("verdict").asText())) {
        rest++;
      } else {
        out.println("  - " + Printable.of(f.path("statement").asText()));
      }
    }
    if (rest > 0) {
      out.println("  (" + rest + " more not distinguishable from control; see " + FILE + ")");
    }
  }
}
