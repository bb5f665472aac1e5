package org.dsdl.visualizers.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The report's data in two parts, each written once: what the first screen draws (the findings and the three
 * headline figures: every scalar, the held-out recall, each graph's last checkpoint) and the rest (the other
 * vectors, the matrices, the pathways, the contact sheet, each graph's other checkpoints). The page's script
 * follows the first part and draws the first screen before the browser has parsed the second, which is most
 * of the bytes.
 *
 * @param first the data the page opens with
 * @param more the rest: {@code vectors}, {@code matrices}, {@code pathways}, {@code contactSheet} and, per graph,
 *     {@code attrs} and {@code edges} with {@code null} at the checkpoint the first part has
 */
record ReportParts(ObjectNode first, ObjectNode more) {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Splits {@code all} (as {@link ReportData#build} makes it; taken apart, not copied). */
  static ReportParts of(ObjectNode all) {
    ObjectNode more = F.objectNode();
    ArrayNode kept = F.arrayNode();
    ArrayNode moved = more.putArray("vectors");
    for (JsonNode v : all.withArray("vectors")) {
      (isHeldOutRecall(v) ? kept : moved).add(v);
    }
    all.set("vectors", kept);
    for (String field : new String[] {"matrices", "pathways", "contactSheet"}) {
      JsonNode value = all.remove(field);
      if (value != null) {
        more.set(field, value);
      }
    }
    ArrayNode graphs = more.putArray("graphs");
    for (JsonNode g : all.withArray("graphs")) {
      graphs.add(rest((ObjectNode) g));
    }
    return new ReportParts(all, more);
  }

  /** The held-out recall per class, figure (a)'s lines. */
  private static boolean isHeldOutRecall(JsonNode v) {
    return v.path("metric").asText().equals("test_recall") && !v.has("layer");
  }

  /** Moves every checkpoint but the last of a graph's {@code attrs} and {@code edges} out of it, leaving nulls. */
  private static ObjectNode rest(ObjectNode g) {
    ObjectNode out = F.objectNode();
    for (String field : new String[] {"attrs", "edges"}) {
      ArrayNode frames = (ArrayNode) g.get(field);
      ArrayNode moved = out.putArray(field);
      for (int k = 0; k < frames.size(); k++) {
        if (k == frames.size() - 1) {
          moved.addNull();
        } else {
          moved.add(frames.get(k));
          frames.set(k, F.nullNode());
        }
      }
    }
    return out;
  }
}
