package org.dsdl.visualizers.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The run directory's {@code run.json}, for what {@link org.dsdl.api.run.RunInfo} leaves out:
 * the resolved config, versions, dataset and model summaries, timings and checkpoint wall times.
 */
public final class RunJson {
  private final JsonNode root;

  private RunJson(JsonNode root) {
    this.root = root;
  }

  /** Reads {@code dir/run.json}; an empty object if there is none. */
  public static RunJson of(Path dir) throws IOException {
    Path f = dir.resolve("run.json");
    return new RunJson(Files.isRegularFile(f) ? new ObjectMapper().readTree(f.toFile()) : new ObjectMapper().createObjectNode());
  }

  /** The whole document. */
  public JsonNode root() {
    return root;
  }

  /** Seconds from the run's start to each checkpoint, by checkpoint index. */
  public Map<Integer, Double> wallSeconds() {
    Map<Integer, Double> out = new HashMap<>();
    for (JsonNode c : root.path("checkpoints")) {
      out.put(c.path("index").asInt(), c.path("wallSeconds").asDouble());
    }
    return out;
  }
}
