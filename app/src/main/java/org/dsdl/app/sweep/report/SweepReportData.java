package org.dsdl.app.sweep.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dsdl.api.probe.MetricRole;
import org.dsdl.api.viz.MetricGuide;
import org.dsdl.app.render.GuideFields;
import org.dsdl.app.sweep.SweepManifest;
import org.dsdl.app.sweep.SweepRun;
import org.dsdl.app.sweep.findings.FindingAcrossSeeds;
import org.dsdl.app.sweep.findings.FindingKey;
import org.dsdl.app.sweep.results.Csv;
import org.dsdl.app.sweep.results.SeedStatistics;
import org.dsdl.app.sweep.results.SummaryRow;

/**
 * What the sweep report shows, as one JSON tree: the conditions and their runs, the findings
 * across seeds, per series metric × layer × condition the mean, 95% CI and min–max across seeds at
 * each checkpoint, per event the seeds' steps with their statistics, and each series metric's
 * final values per condition.
 *
 * <p>The page stays bounded: the curves carry the scalar metrics declared {@link MetricRole#SERIES}
 * (not their per-run {@code _ci_low}/{@code _ci_high} bootstrap bounds), in the order first
 * recorded, as long as their points (metric × layer × condition × checkpoint) add up to at most
 * {@link #MAX_POINTS}; a metric that would pass it is left out of the curves and named on the page,
 * and it stays in the table of final values (at most {@link #MAX_FINAL_ROWS} metric × layer rows).
 * Numbers carry 6 significant digits.
 */
final class SweepReportData {
  /** The most points the curves carry, over all metrics, layers, conditions and checkpoints. */
  static final int MAX_POINTS = 50_000;
  /** The most rows (metric × layer) of the table of final values. */
  static final int MAX_FINAL_ROWS = 2_000;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final MathContext DIGITS = new MathContext(6);

  private SweepReportData() {}

  /** A scalar series metric. */
  private record Metric(String probe, String metric) {}

  /** One condition's summary of one metric of one layer, by checkpoint. */
  private record Curve(String layer, int condition, TreeMap<Integer, SummaryRow> points) {}

  /** An event row: a layer and a label. */
  private record Subject(String layer, String label) {}

  /**
   * The report's data.
   *
   * @param name the sweep's name
   * @param manifest the sweep's manifest as it stands, or null when there is none
   * @param runs every run, in expansion order
   * @param runDirectories each run's directory, as a path relative to the sweep directory and where it is
   * @param summary the summary across seeds
   * @param findings the findings across seeds
   */
  static ObjectNode build(String name, SweepManifest manifest, List<SweepRun> runs, Map<SweepRun, Path> runDirectories,
      List<SummaryRow> summary, List<FindingAcrossSeeds> findings) {
    ObjectNode root = F.objectNode();
    root.put("name", name);
    if (manifest != null) {
      root.put("runner", manifest.runner());
      root.put("parallel", manifest.parallel());
    }
    Map<String, Integer> conditions = new LinkedHashMap<>();
    runs.forEach(r -> conditions.putIfAbsent(r.condition(), conditions.size()));
    List<String> keys = Csv.settingKeys(runs);
    ArrayNode keyNodes = root.putArray("keys");
    keys.forEach(keyNodes::add);
    root.set("conditions", conditions(runs, keys));
    root.set("runs", runs(runs, conditions, manifest, runDirectories));
    root.set("findings", findings(findings, conditions));
    curves(root, summary, conditions);
    root.set("events", events(summary, conditions));
    return root;
  }

  private static ArrayNode conditions(List<SweepRun> runs, List<String> keys) {
    ArrayNode out = F.arrayNode();
    Map<String, ObjectNode> seen = new LinkedHashMap<>();
    for (SweepRun r : runs) {
      ObjectNode c = seen.get(r.condition());
      if (c == null) {
        c = out.addObject().put("label", r.condition());
        ObjectNode settings = c.putObject("settings");
        for (String k : keys) {
          JsonNode v = r.settings().get(k);
          if (v != null) {
            settings.put(k, v.isTextual() ? v.asText() : v.toString());
          }
        }
        c.put("seeds", 0);
        seen.put(r.condition(), c);
      }
      c.put("seeds", c.get("seeds").asInt() + 1);
    }
    return out;
  }

  private static ArrayNode runs(List<SweepRun> runs, Map<String, Integer> conditions, SweepManifest manifest, Map<SweepRun, Path> dirs) {
    Map<String, SweepManifest.Entry> entries = new HashMap<>();
    if (manifest != null) {
      manifest.runs().forEach(e -> entries.put(e.name(), e));
    }
    ArrayNode out = F.arrayNode();
    for (SweepRun r : runs) {
      ObjectNode n = out.addObject().put("name", r.name()).put("condition", conditions.get(r.condition())).put("seed", r.seed());
      SweepManifest.Entry e = entries.get(r.name());
      n.put("status", e == null || e.status() == null ? "NOT_STARTED" : e.status().name());
      if (e != null && e.exitCode() != null) {
        n.put("exitCode", e.exitCode());
      }
      if (e != null && e.seconds() != null) {
        n.put("seconds", round(e.seconds()));
      }
      if (e != null && e.error() != null) {
        n.put("error", e.error());
      }
      Path dir = dirs.get(r);
      n.put("report", dir != null && Files.isRegularFile(dir.resolve("report.html")));
      n.put("findings", dir != null && Files.isRegularFile(dir.resolve("findings.json")));
    }
    return out;
  }

  /** The findings pivoted: a row per finding, a cell per condition (null where the condition has no such finding). */
  private static ObjectNode findings(List<FindingAcrossSeeds> found, Map<String, Integer> conditions) {
    Map<FindingKey, ObjectNode[]> rows = new LinkedHashMap<>();
    for (FindingAcrossSeeds f : found) {
      ObjectNode cell = F.objectNode().put("n", f.n()).put("held", f.held()).put("emerged", f.emerged())
          .put("present", f.presentAtInitialisation()).put("not", f.notDistinguishable()).put("missing", f.notReported())
          .put("stepN", f.stepN());
      if (f.stepN() > 0) {
        cell.put("median", f.stepMedian()).put("min", f.stepMin()).put("max", f.stepMax());
      }
      rows.computeIfAbsent(f.key(), k -> new ObjectNode[conditions.size()])[conditions.get(f.condition())] = cell;
    }
    List<FindingKey> order = new ArrayList<>(rows.keySet());
    order.sort(Comparator.comparingInt(FindingKey::topicRank)); // stable: subjects in the order first met
    ObjectNode out = F.objectNode();
    ArrayNode list = out.putArray("rows");
    for (FindingKey k : order) {
      ObjectNode row = list.addObject().put("topic", k.topic()).put("topicText", k.topicText()).put("subject", k.subject());
      ArrayNode cells = row.putArray("cells");
      for (ObjectNode c : rows.get(k)) {
        cells.add(c == null ? F.nullNode() : c);
      }
    }
    return out;
  }

  private static boolean curveMetric(SummaryRow s) {
    return s.role() == MetricRole.SERIES && s.checkpoint() != null && s.label() == null && !s.metric().endsWith("_ci_low")
        && !s.metric().endsWith("_ci_high");
  }

  /** {@code steps}, {@code series}, {@code leftOut} and {@code finals}. */
  private static void curves(ObjectNode root, List<SummaryRow> summary, Map<String, Integer> conditions) {
    Map<Metric, Map<String, Map<Integer, Curve>>> metrics = new LinkedHashMap<>();
    List<TreeMap<Integer, Long>> steps = new ArrayList<>();
    conditions.forEach((c, i) -> steps.add(new TreeMap<>()));
    for (SummaryRow s : summary) {
      if (!curveMetric(s)) {
        continue;
      }
      int c = conditions.get(s.condition());
      steps.get(c).putIfAbsent(s.checkpoint(), s.step());
      metrics.computeIfAbsent(new Metric(s.probe(), s.metric()), m -> new LinkedHashMap<>())
          .computeIfAbsent(s.layer(), l -> new LinkedHashMap<>())
          .computeIfAbsent(c, x -> new Curve(s.layer(), x, new TreeMap<>())).points().put(s.checkpoint(), s);
    }
    ArrayNode stepNodes = root.putArray("steps");
    for (TreeMap<Integer, Long> st : steps) {
      ObjectNode o = stepNodes.addObject();
      st.forEach((ck, step) -> o.put(Integer.toString(ck), step));
    }
    ArrayNode series = root.putArray("series");
    ArrayNode leftOut = root.putArray("leftOut");
    ArrayNode finals = root.putArray("finals");
    int points = 0;
    int finalRows = 0;
    for (Map.Entry<Metric, Map<String, Map<Integer, Curve>>> m : metrics.entrySet()) {
      int count = m.getValue().values().stream().flatMap(byCondition -> byCondition.values().stream()).mapToInt(c -> c.points().size()).sum();
      if (points + count <= MAX_POINTS) {
        points += count;
        ObjectNode metric = series.addObject().put("probe", m.getKey().probe()).put("metric", m.getKey().metric());
        // the unit, range and caption a run's report gives the metric
        GuideFields.put(metric, MetricGuide.of(m.getKey().metric(), ""));
        ArrayNode layers = metric.putArray("layers");
        for (Map.Entry<String, Map<Integer, Curve>> l : m.getValue().entrySet()) {
          ObjectNode layer = layers.addObject();
          layer.put("layer", l.getKey());
          ArrayNode lines = layer.putArray("lines");
          for (Curve c : l.getValue().values()) {
            lines.add(line(c));
          }
        }
      } else {
        leftOut.add(m.getKey().probe() + " · " + m.getKey().metric());
      }
      for (Map.Entry<String, Map<Integer, Curve>> l : m.getValue().entrySet()) {
        if (finalRows++ >= MAX_FINAL_ROWS) {
          break;
        }
        ObjectNode row = finals.addObject().put("probe", m.getKey().probe()).put("metric", m.getKey().metric());
        row.put("layer", l.getKey());
        ArrayNode cells = row.putArray("cells");
        for (int c = 0; c < conditions.size(); c++) {
          Curve curve = l.getValue().get(c);
          cells.add(curve == null ? F.nullNode() : finalValue(curve.points().lastEntry().getValue()));
        }
      }
    }
    root.put("finalRowsLeftOut", Math.max(0, finalRows - MAX_FINAL_ROWS));
  }

  private static ObjectNode line(Curve c) {
    ObjectNode o = F.objectNode().put("condition", c.condition());
    ArrayNode ck = o.putArray("c");
    ArrayNode mean = o.putArray("m");
    ArrayNode lo = o.putArray("lo");
    ArrayNode hi = o.putArray("hi");
    ArrayNode min = o.putArray("mn");
    ArrayNode max = o.putArray("mx");
    ArrayNode n = o.putArray("n");
    for (Map.Entry<Integer, SummaryRow> p : c.points().entrySet()) {
      SeedStatistics s = p.getValue().stats();
      double[] range = range(p.getValue().values());
      ck.add(p.getKey());
      add(mean, s.mean());
      add(lo, s.ciLow());
      add(hi, s.ciHigh());
      add(min, range[0]);
      add(max, range[1]);
      n.add(s.n());
    }
    return o;
  }

  private static ObjectNode finalValue(SummaryRow s) {
    SeedStatistics st = s.stats();
    ObjectNode o = F.objectNode().put("step", s.step()).put("n", st.n()).put("missing", st.missing());
    put(o, "m", st.mean());
    put(o, "sd", st.sd());
    put(o, "lo", st.ciLow());
    put(o, "hi", st.ciHigh());
    return o;
  }

  /** Per event metric (in the order first recorded): a row per layer and label, a cell per condition with every seed's step. */
  private static ArrayNode events(List<SummaryRow> summary, Map<String, Integer> conditions) {
    Map<Metric, Map<Subject, SummaryRow[]>> events = new LinkedHashMap<>();
    for (SummaryRow s : summary) {
      if (s.role() == MetricRole.EVENT) {
        events.computeIfAbsent(new Metric(s.probe(), s.metric()), m -> new LinkedHashMap<>())
            .computeIfAbsent(new Subject(s.layer(), s.label()), x -> new SummaryRow[conditions.size()])[conditions.get(s.condition())] = s;
      }
    }
    ArrayNode out = F.arrayNode();
    events.forEach((m, subjects) -> {
      ObjectNode e = out.addObject().put("probe", m.probe()).put("metric", m.metric());
      ArrayNode rows = e.putArray("rows");
      subjects.forEach((subject, cells) -> {
        ObjectNode row = rows.addObject();
        row.put("layer", subject.layer());
        row.put("label", subject.label());
        ArrayNode cellNodes = row.putArray("cells");
        for (SummaryRow s : cells) {
          if (s == null) {
            cellNodes.addNull();
            continue;
          }
          SeedStatistics st = s.stats();
          ObjectNode c = cellNodes.addObject().put("n", st.n()).put("missing", st.missing());
          ArrayNode values = c.putArray("v");
          s.values().forEach(v -> add(values, v));
          double[] range = range(s.values());
          put(c, "m", st.mean());
          put(c, "lo", st.ciLow());
          put(c, "hi", st.ciHigh());
          put(c, "mn", range[0]);
          put(c, "mx", range[1]);
        }
      });
    });
    return out;
  }

  /** The smallest and largest finite value; NaN for none. */
  private static double[] range(List<Double> values) {
    double lo = Double.NaN;
    double hi = Double.NaN;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Double.isNaN(lo) ? v : Math.min(lo, v);
        hi = Double.isNaN(hi) ? v : Math.max(hi, v);
      }
    }
    return new double[] {lo, hi};
  }

  private static void add(ArrayNode a, double v) {
    if (Double.isFinite(v)) {
      a.add(round(v));
    } else {
      a.addNull();
    }
  }

  private static void put(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, round(v));
    } else {
      o.putNull(key);
    }
  }

  /** {@code v} to 6 significant digits. */
  static double round(double v) {
    return v == 0 || !Double.isFinite(v) ? v : new BigDecimal(v).round(DIGITS).doubleValue();
  }
}
