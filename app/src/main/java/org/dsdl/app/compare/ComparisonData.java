package org.dsdl.app.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.measure.VectorMeasurement;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.viz.MetricGuide;
import org.dsdl.app.render.GuideFields;
import org.dsdl.app.rundir.Json;
import org.dsdl.app.sweep.findings.SweepFindings;

/**
 * The comparison page's data: per run its facts and findings ({@code findings.json}, where the run
 * has one), every scalar metric of every run as a line per run (x = training step, with its
 * {@code _ci_low}/{@code _ci_high} band), held-out recall per class, and the resolved configs
 * flattened to dotted keys with the keys whose values differ marked. Values go in as recorded.
 */
final class ComparisonData {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ComparisonData() {}

  static ObjectNode build(List<RunRecord> runs, List<String> labels) throws IOException {
    ObjectNode root = F.objectNode();
    ArrayNode rs = root.putArray("runs");
    for (int i = 0; i < runs.size(); i++) {
      RunRecord r = runs.get(i);
      ObjectNode o = rs.addObject().put("label", labels.get(i)).put("name", r.info().name()).put("seed", r.info().seed())
          .put("status", r.info().status().name()).put("checkpoints", r.info().checkpoints().size())
          .put("lastStep", r.info().checkpoints().isEmpty() ? 0 : r.info().checkpoints().get(r.info().checkpoints().size() - 1).step())
          .put("parameters", r.info().parameterCount());
      r.info().classNames().forEach(o.putArray("classes")::add);
      r.info().timings().ifPresent(t -> o.put("seconds", t.total()));
      findings(o, r.directory());
    }
    // per metric key (probe, metric, layer): a line per run
    Map<String, ObjectNode> metrics = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      RunRecord r = runs.get(i);
      for (Measurement m : r.measurements()) {
        if (r.info().metrics().isEvent(m.key())) {
          continue;
        }
        if (m instanceof ScalarMeasurement s) {
          point(metrics, runs.size(), i, m.key().probe(), m.key().metric(), m.key().layer(), s.key().checkpoint().step(), s.value(), description(r, m));
        } else if (m instanceof VectorMeasurement v && m.key().layer() == null && m.key().metric().equals("test_recall")) {
          for (int c = 0; c < v.labels().size(); c++) {
            point(metrics, runs.size(), i, m.key().probe(), "test_recall", "class " + v.labels().get(c), v.key().checkpoint().step(), v.values()[c],
                description(r, m));
          }
        }
      }
    }
    root.putArray("metrics").addAll(metrics.values());
    root.set("config", configs(runs));
    return root;
  }

  private static String description(RunRecord r, Measurement m) {
    return r.info().metrics().of(m.key().probe(), m.key().metric()).map(org.dsdl.api.probe.MetricSpec::description).orElse("");
  }

  private static void point(Map<String, ObjectNode> metrics, int n, int run, String probe, String metric, String layer, long step, double value,
      String about) {
    String key = probe + "\u0000" + metric + "\u0000" + (layer == null ? "" : layer);
    ObjectNode o = metrics.computeIfAbsent(key, k -> {
      ObjectNode h = F.objectNode().put("probe", probe).put("metric", metric).put("about", about);
      // the unit, range and caption the run report gives the metric
      GuideFields.put(h, MetricGuide.of(metric, about));
      if (layer != null) {
        h.put("layer", layer);
      }
      ArrayNode lines = h.putArray("runs");
      for (int i = 0; i < n; i++) {
        lines.addNull();
      }
      return h;
    });
    ArrayNode lines = (ArrayNode) o.get("runs");
    if (lines.get(run).isNull()) {
      ObjectNode line = F.objectNode();
      line.putArray("x");
      line.putArray("y");
      lines.set(run, line);
    }
    ObjectNode line = (ObjectNode) lines.get(run);
    ((ArrayNode) line.get("x")).add(step);
    ((ArrayNode) line.get("y")).add(Double.isFinite(value) ? F.numberNode(value) : F.nullNode());
  }

  /** The run's findings.json entries (verdict, statement, uncertainty), or a note why there are none. */
  private static void findings(ObjectNode o, Path dir) {
    Path file = dir.resolve(SweepFindings.RUN_FILE);
    if (!Files.isRegularFile(file)) {
      o.put("findingsNote", "no " + SweepFindings.RUN_FILE + " in this run (render it with: dsdl report " + dir + " --visualizers findings)");
      return;
    }
    try {
      ArrayNode out = o.putArray("findings");
      for (JsonNode f : Json.LINES.readTree(file.toFile()).path("findings")) {
        out.addObject().put("verdict", f.path("verdict").asText()).put("statement", f.path("statement").asText())
            .put("uncertainty", f.path("uncertainty").asText(""));
      }
    } catch (IOException e) {
      o.remove("findings");
      o.put("findingsNote", "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Every leaf of the runs' resolved configs as a dotted key, a value per run (null where a run lacks it), and whether they differ. */
  private static ArrayNode configs(List<RunRecord> runs) throws IOException {
    List<Map<String, String>> flat = new ArrayList<>();
    TreeMap<String, Boolean> keys = new TreeMap<>();
    for (RunRecord r : runs) {
      Map<String, String> leaves = new LinkedHashMap<>();
      if (r.info().resolvedConfig().isPresent()) {
        flatten("", Json.LINES.readTree(r.info().resolvedConfig().get()), leaves);
      }
      leaves.keySet().forEach(k -> keys.put(k, true));
      flat.add(leaves);
    }
    ArrayNode out = F.arrayNode();
    for (String key : keys.keySet()) {
      ObjectNode row = out.addObject().put("key", key);
      ArrayNode values = row.putArray("values");
      boolean differs = false;
      for (Map<String, String> leaves : flat) {
        String v = leaves.get(key);
        values.add(v);
        differs |= !java.util.Objects.equals(v, flat.get(0).get(key));
      }
      row.put("differs", differs);
    }
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
    } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(prefix.isEmpty() ? "(config)" : prefix, node.isTextual() ? node.asText() : node.toString());
    }
  }
}
