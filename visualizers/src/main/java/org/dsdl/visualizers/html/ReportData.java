package org.dsdl.visualizers.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.api.measure.MatrixMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.measure.VectorMeasurement;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.ProbeFailure;
import org.dsdl.api.run.RunInfo;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.run.Versions;
import org.dsdl.api.viz.MetricGuide;
import org.dsdl.visualizers.pathway.AttributionGraphs;

/**
 * The report's data: the run's facts and every measurement grouped by probe, metric and layer,
 * values over checkpoints as arrays indexed by checkpoint position; scalars to 6 significant
 * digits, vectors, matrices and graphs to 4 (the report shows them as colours; full precision
 * stays in metrics.jsonl). Large
 * matrices keep at most {@code maxFrames} checkpoints, evenly spaced; a matrix whose labels change
 * between checkpoints (e.g. over live units only) carries each frame's labels; a symmetric matrix
 * (equal to its transpose at every kept checkpoint) goes in as its lower triangle ({@code "symmetric": true},
 * row i holding columns 0…i) and the page mirrors it. Graphs keep their node list
 * once and per checkpoint the node attributes and edges as index arrays (a large graph only the attributes
 * its drawing shows, {@link #DRAWN_ATTRIBUTES}), and the largest edge weight of all checkpoints
 * ({@code maxWeight}); class attribution graphs go in as their classes' pathways only ({@link PathwayData}).
 */
final class ReportData {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Matrix groups with more cells than this over all their checkpoints are thinned to maxFrames checkpoints. */
  static final int MATRIX_CELL_BUDGET = 60_000;
  /** Node attribute values (nodes × checkpoints × attributes) above which a graph keeps only {@link #DRAWN_ATTRIBUTES}. */
  static final long GRAPH_ATTRIBUTE_BUDGET = 40_000;
  /** The node attributes the report's graph drawing shows (colour, grey, hover). */
  static final List<String> DRAWN_ATTRIBUTES = List.of("dead", "preferred_class", "selectivity");

  private ReportData() {}

  static ObjectNode build(RunRecord run, int maxFrames) throws IOException {
    ObjectNode root = F.objectNode();
    root.put("name", run.info().name()).put("seed", run.info().seed()).put("status", run.info().status().name())
        .put("dsdlVersion", run.info().dsdlVersion()).put("parameters", run.info().parameterCount());
    root.set("classes", strings(run.info().classNames()));
    root.set("run", facts(run.info()));
    if (run.info().contactSheet().isPresent()) {
      root.put("contactSheet", "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(run.info().contactSheet().get())));
    }
    Map<Integer, Integer> position = new HashMap<>();
    ArrayNode cps = root.putArray("checkpoints");
    for (Checkpoint c : run.info().checkpoints()) {
      position.put(c.index(), cps.size());
      cps.addObject().put("i", c.index()).put("step", c.step()).put("epoch", round(c.epoch(), 4));
    }
    for (Measurement m : run.measurements()) {
      position.computeIfAbsent(m.key().checkpoint().index(), k -> {
        cps.addObject().put("i", k).put("step", m.key().checkpoint().step()).put("epoch", round(m.key().checkpoint().epoch(), 4));
        return cps.size() - 1;
      });
    }
    int n = cps.size();
    Map<String, ObjectNode> scalars = new LinkedHashMap<>();
    Map<String, ObjectNode> vectors = new LinkedHashMap<>();
    Map<String, List<MatrixMeasurement>> matrices = new LinkedHashMap<>();
    Map<String, List<GraphMeasurement>> graphs = new LinkedHashMap<>();
    root.set("findings", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(org.dsdl.visualizers.findings.Findings.of(run)));
    ArrayNode events = root.putArray("events");
    for (Measurement m : run.measurements()) {
      String key = m.key().probe() + "\u0000" + m.key().metric() + "\u0000" + (m.key().layer() == null ? "" : m.key().layer());
      int at = position.get(m.key().checkpoint().index());
      if (run.info().metrics().isEvent(m.key()) && (m instanceof ScalarMeasurement || m instanceof VectorMeasurement)) {
        event(events, m, at);
      } else if (m instanceof ScalarMeasurement s) {
        ObjectNode o = scalars.computeIfAbsent(key, k -> head(m));
        ArrayNode v = o.has("v") ? (ArrayNode) o.get("v") : nulls(o.putArray("v"), n);
        v.set(at, precise(s.value()));
      } else if (m instanceof VectorMeasurement x) {
        ObjectNode o = vectors.computeIfAbsent(key, k -> {
          ObjectNode h = head(m);
          h.set("labels", strings(x.labels()));
          h.putArray("ck");
          h.putArray("v");
          return h;
        });
        ((ArrayNode) o.get("ck")).add(at);
        ((ArrayNode) o.get("v")).add(numbers(x.values()));
      } else if (m instanceof MatrixMeasurement x) {
        matrices.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
      } else if (m instanceof GraphMeasurement g && !AttributionGraphs.is(g)) {
        graphs.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
      }
    }
    root.putArray("scalars").addAll(scalars.values());
    root.set("guides", guides(run, scalars.values(), vectors.values()));
    root.putArray("vectors").addAll(vectors.values());
    ArrayNode ms = root.putArray("matrices");
    for (List<MatrixMeasurement> frames : matrices.values()) {
      ms.add(matrix(frames, position, maxFrames));
    }
    ArrayNode gs = root.putArray("graphs");
    for (List<GraphMeasurement> frames : graphs.values()) {
      gs.add(graph(frames, position));
    }
    root.set("pathways", PathwayData.of(AttributionGraphs.of(run), position, maxFrames));
    return root;
  }

  /** The run's facts for the summary section, under the keys run.json gives them. */
  private static ObjectNode facts(RunInfo info) throws IOException {
    ObjectNode facts = F.objectNode();
    ObjectNode versions = facts.putObject("versions");
    Versions v = info.versions();
    for (String[] kv : new String[][] {{"dsdl", v.dsdl()}, {"engine", v.engine()}, {"java", v.java()}, {"os", v.os()},
        {"cpus", v.cpus() == 0 ? Versions.UNKNOWN : Integer.toString(v.cpus())}, {"cpu", v.cpu()}}) {
      if (!kv[1].equals(Versions.UNKNOWN)) {
        versions.put(kv[0], kv[1]);
      }
    }
    if (info.resolvedConfig().isPresent()) {
      facts.set("config", JSON.readTree(info.resolvedConfig().get()));
    }
    info.dataset().ifPresent(d -> {
      ObjectNode o = facts.putObject("dataset").put("plugin", d.plugin());
      o.set("classes", strings(info.classNames()));
      o.putArray("shape").add(d.shape().height()).add(d.shape().width()).add(d.shape().channels());
      d.trainPerClass().forEach(o.putArray("trainPerClass")::add);
      d.testPerClass().forEach(o.putArray("testPerClass")::add);
      o.put("trainIdsSha256", d.trainIdsSha256()).put("testIdsSha256", d.testIdsSha256()).put("contentSha256", d.contentSha256())
          .put("probeSetSize", d.probeSetSize()).put("probeSetIdsSha256", d.probeSetIdsSha256());
      o.set("provenance", JSON.valueToTree(d.provenance()));
    });
    if (info.model().isPresent() || !info.layers().isEmpty()) {
      ObjectNode o = facts.putObject("model");
      info.model().ifPresent(m -> o.put("spec", m.spec()).put("engine", m.engine()));
      ArrayNode layers = o.putArray("layers");
      for (LayerInfo l : info.layers()) {
        ObjectNode lo = layers.addObject().put("name", l.name()).put("kind", l.kind().name());
        l.outputShape().forEach(lo.putArray("outputShape")::add);
        lo.put("parameters", l.parameters());
      }
      o.put("parameterCount", info.parameterCount());
      info.model().ifPresent(m -> o.put("forwardMacsPerSample", m.forwardMacsPerSample()).put("forwardFlopsPerSample", m.forwardFlopsPerSample())
          .put("trainingFlopsPerSample", m.trainingFlopsPerSample()));
    }
    info.timings().ifPresent(t -> {
      ObjectNode o = facts.putObject("timings").put("total", t.total()).put("training", t.training())
          .put("trainingSessionCalls", t.trainingSessionCalls()).put("checkpoints", t.checkpoints());
      ObjectNode probes = o.putObject("probes");
      t.probes().forEach(probes::put);
      o.put("visualizers", t.visualizers()).put("trainingSamplesPerSecond", t.trainingSamplesPerSecond());
    });
    info.seeds().ifPresent(s -> facts.putObject("seeds").put("dataset", s.dataset()).put("init", s.init()).put("shuffle", s.shuffle())
        .put("sampling", s.sampling()).put("probes", s.probes()));
    info.error().ifPresent(e -> facts.put("error", e));
    ArrayNode failures = facts.putArray("probeFailures");
    for (ProbeFailure f : info.probeFailures()) {
      failures.addObject().put("probe", f.probe()).put("checkpoint", f.checkpoint()).put("error", f.error());
    }
    return facts;
  }

  /** How each drawn metric is shown: unit, the values it can take, what a rising line means ({@link MetricGuide}). */
  private static ObjectNode guides(RunRecord run, java.util.Collection<ObjectNode> scalars, java.util.Collection<ObjectNode> vectors) {
    ObjectNode out = F.objectNode();
    for (java.util.Collection<ObjectNode> group : List.of(scalars, vectors)) {
      for (ObjectNode o : group) {
        String probe = o.get("probe").asText();
        String metric = o.get("metric").asText();
        String key = probe + "/" + metric;
        if (out.has(key)) {
          continue;
        }
        String description = run.info().metrics().of(probe, metric).map(org.dsdl.api.probe.MetricSpec::description)
            .orElseGet(() -> run.info().metrics().of(probe, metric.replaceAll("_c\\d+$", "_c<k>")).map(org.dsdl.api.probe.MetricSpec::description).orElse(""));
        MetricGuide g = group == vectors && o.has("layer") ? MetricGuide.ofUnits(metric, description) : MetricGuide.of(metric, description);
        ObjectNode n = out.putObject(key).put("unit", g.unit()).put("rising", g.rising()).put("about", description);
        n.set("lower", number(g.lower()));
        n.set("upper", number(g.upper()));
      }
    }
    return out;
  }

  private static void event(ArrayNode events, Measurement m, int at) {
    if (m instanceof ScalarMeasurement s) {
      events.addObject().put("probe", m.key().probe()).put("metric", m.key().metric())
          .put("label", m.key().layer() == null ? "" : m.key().layer()).set("step", number(s.value()));
    } else if (m instanceof VectorMeasurement v) {
      for (int i = 0; i < v.labels().size(); i++) {
        ObjectNode e = events.addObject().put("probe", m.key().probe()).put("metric", m.key().metric()).put("label", v.labels().get(i));
        if (m.key().layer() != null) {
          e.put("layer", m.key().layer()); // a per-layer vector event (e.g. an onset per class of each layer)
        }
        e.set("step", number(v.values()[i]));
      }
    }
  }

  private static ObjectNode head(Measurement m) {
    ObjectNode o = F.objectNode().put("probe", m.key().probe()).put("metric", m.key().metric());
    if (m.key().layer() != null) {
      o.put("layer", m.key().layer());
    }
    return o;
  }

  private static ObjectNode matrix(List<MatrixMeasurement> frames, Map<Integer, Integer> position, int maxFrames) {
    MatrixMeasurement first = frames.get(0);
    long cells = (long) first.values().length * first.columnLabels().size();
    List<MatrixMeasurement> kept = frames;
    if (cells * frames.size() > MATRIX_CELL_BUDGET && frames.size() > maxFrames) {
      kept = new ArrayList<>();
      for (int k = 0; k < maxFrames; k++) {
        kept.add(frames.get((int) Math.round((double) k * (frames.size() - 1) / (maxFrames - 1))));
      }
    }
    ObjectNode o = head(first);
    o.set("rows", strings(first.rowLabels()));
    o.set("cols", strings(first.columnLabels()));
    o.put("frames", frames.size());
    ArrayNode ck = o.putArray("ck");
    ArrayNode v = o.putArray("v");
    boolean varying = kept.stream().anyMatch(m -> !m.rowLabels().equals(first.rowLabels()) || !m.columnLabels().equals(first.columnLabels()));
    ArrayNode labels = varying ? o.putArray("labels") : null;
    // a symmetric matrix (correlations, similarities, dissimilarities) keeps its lower triangle: about half the numbers
    boolean symmetric = !varying && first.rowLabels().equals(first.columnLabels()) && kept.stream().allMatch(m -> symmetric(m.values()));
    if (symmetric) {
      o.put("symmetric", true);
    }
    for (MatrixMeasurement m : kept) {
      ck.add(position.get(m.key().checkpoint().index()));
      if (labels != null) {
        ArrayNode pair = labels.addArray();
        pair.add(strings(m.rowLabels()));
        pair.add(strings(m.columnLabels()));
      }
      ArrayNode rows = v.addArray();
      double[][] values = m.values();
      for (int i = 0; i < values.length; i++) {
        rows.add(numbers(symmetric ? java.util.Arrays.copyOf(values[i], i + 1) : values[i]));
      }
    }
    return o;
  }

  /** Whether the square matrix equals its transpose exactly (NaN where its mirror is NaN). */
  static boolean symmetric(double[][] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i].length != values.length) {
        return false;
      }
      for (int j = 0; j < i; j++) {
        if (Double.compare(values[i][j], values[j][i]) != 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static ObjectNode graph(List<GraphMeasurement> frames, Map<Integer, Integer> position) {
    GraphMeasurement first = frames.get(0);
    ObjectNode o = head(first);
    Map<String, Integer> index = new HashMap<>();
    ArrayNode ids = o.putArray("ids");
    ArrayNode groups = o.putArray("groups");
    for (GraphMeasurement.Node node : first.nodes()) {
      index.put(node.id(), ids.size());
      ids.add(node.id());
      groups.add(node.group());
    }
    List<String> attributes = first.nodes().isEmpty() ? List.of() : new ArrayList<>(new java.util.TreeSet<>(first.nodes().get(0).attributes().keySet()));
    if ((long) first.nodes().size() * frames.size() * attributes.size() > GRAPH_ATTRIBUTE_BUDGET) {
      attributes.retainAll(DRAWN_ATTRIBUTES); // a large graph keeps what its drawing uses; every attribute stays in metrics.jsonl
    }
    o.set("attributes", strings(attributes));
    ArrayNode ck = o.putArray("ck");
    ArrayNode attrs = o.putArray("attrs");
    ArrayNode edges = o.putArray("edges");
    double maxWeight = 0;
    for (GraphMeasurement g : frames) {
      ck.add(position.get(g.key().checkpoint().index()));
      ArrayNode a = attrs.addArray();
      for (String name : attributes) {
        double[] values = new double[ids.size()];
        java.util.Arrays.fill(values, Double.NaN);
        for (GraphMeasurement.Node node : g.nodes()) {
          Integer i = index.get(node.id());
          if (i != null) {
            values[i] = node.attributes().getOrDefault(name, Double.NaN);
          }
        }
        a.add(numbers(values));
      }
      ArrayNode e = edges.addArray();
      for (GraphMeasurement.Edge edge : g.edges()) {
        Integer s = index.get(edge.source());
        Integer t = index.get(edge.target());
        if (s != null && t != null) {
          e.add(s).add(t).add(number(edge.weight()));
          maxWeight = Math.max(maxWeight, Math.abs(e.get(e.size() - 1).asDouble()));
        }
      }
    }
    o.put("maxWeight", maxWeight); // over all checkpoints: edge widths and the threshold slider are relative to it
    return o;
  }

  private static ArrayNode nulls(ArrayNode a, int n) {
    for (int i = 0; i < n; i++) {
      a.addNull();
    }
    return a;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  private static ArrayNode numbers(double[] values) {
    ArrayNode a = F.arrayNode();
    for (double v : values) {
      a.add(number(v));
    }
    return a;
  }

  /** A number to 4 significant digits (integers exact); null for NaN and infinities (JSON has none). */
  static JsonNode number(double v) {
    return number(v, 4);
  }

  /** A scalar for hover read-outs: 6 significant digits. */
  static JsonNode precise(double v) {
    return number(v, 6);
  }

  private static JsonNode number(double v, int digits) {
    if (!Double.isFinite(v)) {
      return F.nullNode();
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return F.numberNode((long) v);
    }
    return F.numberNode(round(v, digits));
  }

  static double round(double v, int digits) {
    return v == 0 || !Double.isFinite(v) ? v : new BigDecimal(v).round(new MathContext(digits)).doubleValue();
  }
}
