package org.dsdl.app.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.api.measure.MatrixMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.MeasurementKey;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.measure.VectorMeasurement;
import org.dsdl.api.run.Checkpoint;

/**
 * One line of {@code metrics.jsonl} per measurement:
 * {@code {"checkpoint","step","epoch","probe","metric","layer","kind","value", …}} with
 * {@code labels} for vectors, {@code rows}/{@code columns} for matrices, and
 * {@code value: {nodes, edges}} for graphs. Non-finite numbers are written as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 */
public final class MeasurementCodec {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private MeasurementCodec() {}

  /** The JSON object for a measurement. */
  public static ObjectNode toJson(Measurement m) {
    MeasurementKey k = m.key();
    ObjectNode o = F.objectNode();
    o.put("checkpoint", k.checkpoint().index());
    o.put("step", k.checkpoint().step());
    o.set("epoch", number(k.checkpoint().epoch()));
    o.put("probe", k.probe());
    o.put("metric", k.metric());
    o.put("layer", k.layer());
    o.put("kind", m.kind());
    if (m instanceof ScalarMeasurement s) {
      o.set("value", number(s.value()));
    } else if (m instanceof VectorMeasurement v) {
      o.set("labels", strings(v.labels()));
      o.set("value", numbers(v.values()));
    } else if (m instanceof MatrixMeasurement x) {
      o.set("rows", strings(x.rowLabels()));
      o.set("columns", strings(x.columnLabels()));
      ArrayNode rows = o.putArray("value");
      for (double[] row : x.values()) {
        rows.add(numbers(row));
      }
    } else if (m instanceof GraphMeasurement g) {
      ObjectNode value = o.putObject("value");
      ArrayNode nodes = value.putArray("nodes");
      for (GraphMeasurement.Node n : g.nodes()) {
        ObjectNode on = nodes.addObject().put("id", n.id()).put("group", n.group());
        ObjectNode attrs = on.putObject("attributes");
        // sorted: the records' maps have no stable order, the file should
        new java.util.TreeMap<>(n.attributes()).forEach((key, val) -> attrs.set(key, number(val)));
      }
      ArrayNode edges = value.putArray("edges");
      for (GraphMeasurement.Edge e : g.edges()) {
        ObjectNode oe = edges.addObject().put("source", e.source()).put("target", e.target());
        oe.set("weight", number(e.weight()));
        if (!e.attributes().isEmpty()) {
          ObjectNode attrs = oe.putObject("attributes");
          new java.util.TreeMap<>(e.attributes()).forEach((key, val) -> attrs.set(key, number(val)));
        }
      }
    }
    return o;
  }

  /**
   * The measurement a JSON object describes.
   *
   * @param checkpoints the run's checkpoints by index (for samples seen); unknown indices are rebuilt from the line
   */
  public static Measurement fromJson(JsonNode o, IntFunction<Checkpoint> checkpoints) {
    int index = o.get("checkpoint").asInt();
    Checkpoint c = checkpoints.apply(index);
    if (c == null) {
      c = new Checkpoint(index, o.get("step").asLong(), toDouble(o.get("epoch")), -1);
    }
    JsonNode layer = o.get("layer");
    MeasurementKey key = new MeasurementKey(o.get("probe").asText(), o.get("metric").asText(),
        layer == null || layer.isNull() ? null : layer.asText(), c);
    String kind = o.get("kind").asText();
    JsonNode value = o.get("value");
    return switch (kind) {
      case "scalar" -> new ScalarMeasurement(key, toDouble(value));
      case "vector" -> new VectorMeasurement(key, textList(o.get("labels")), doubles(value));
      case "matrix" -> {
        double[][] rows = new double[value.size()][];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = doubles(value.get(i));
        }
        yield new MatrixMeasurement(key, textList(o.get("rows")), textList(o.get("columns")), rows);
      }
      case "graph" -> {
        List<GraphMeasurement.Node> nodes = new ArrayList<>();
        for (JsonNode n : value.get("nodes")) {
          Map<String, Double> attrs = new LinkedHashMap<>();
          n.get("attributes").fields().forEachRemaining(e -> attrs.put(e.getKey(), toDouble(e.getValue())));
          nodes.add(new GraphMeasurement.Node(n.get("id").asText(), n.get("group").asText(), attrs));
        }
        List<GraphMeasurement.Edge> edges = new ArrayList<>();
        for (JsonNode e : value.get("edges")) {
          Map<String, Double> attrs = new LinkedHashMap<>();
          if (e.has("attributes")) {
            e.get("attributes").fields().forEachRemaining(a -> attrs.put(a.getKey(), toDouble(a.getValue())));
          }
          edges.add(new GraphMeasurement.Edge(e.get("source").asText(), e.get("target").asText(), toDouble(e.get("weight")), attrs));
        }
        yield new GraphMeasurement(key, nodes, edges);
      }
      default -> throw new IllegalArgumentException("unknown measurement kind '" + kind + "'");
    };
  }

  private static JsonNode number(double v) {
    return Double.isFinite(v) ? F.numberNode(v) : F.textNode(Double.toString(v));
  }

  private static double toDouble(JsonNode n) {
    return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
  }

  private static ArrayNode numbers(double[] values) {
    ArrayNode a = F.arrayNode(values.length);
    for (double v : values) {
      a.add(number(v));
    }
    return a;
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = toDouble(a.get(i));
    }
    return out;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = F.arrayNode(values.size());
    values.forEach(a::add);
    return a;
  }

  private static List<String> textList(JsonNode a) {
    List<String> out = new ArrayList<>(a.size());
    a.forEach(n -> out.add(n.asText()));
    return out;
  }
}
