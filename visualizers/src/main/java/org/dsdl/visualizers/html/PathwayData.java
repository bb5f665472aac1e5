package org.dsdl.visualizers.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.visualizers.pathway.AttributionGraphs;
import org.dsdl.visualizers.pathway.ClassPathway;

/**
 * The report's "Class pathways" data: for each probe that wrote class attribution graphs, the
 * layers once, and per class and kept checkpoint only what the drawing shows — the pathway's units
 * per layer (index, share, preferred class, selectivity) and its links as flat
 * {@code [source position, target position, influence]} triples per layer pair, to 3 significant
 * digits, and per layer pair the largest link influence of all frames (edge widths are relative to it). The whole graphs (every unit and kept edge, about 1.3 MB per checkpoint on the default
 * model) stay in metrics.jsonl. When all frames would carry more than {@link #NUMBER_BUDGET}
 * numbers, each class keeps {@code maxFrames} checkpoints, evenly spaced, first and last always.
 */
final class PathwayData {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Numbers above which the pathways are thinned to maxFrames checkpoints. */
  static final int NUMBER_BUDGET = 60_000;

  private PathwayData() {}

  static ArrayNode of(List<AttributionGraphs> all, Map<Integer, Integer> position, int maxFrames) {
    ArrayNode out = F.arrayNode();
    for (AttributionGraphs graphs : all) {
      List<List<ClassPathway>> byClass = new ArrayList<>();
      List<List<GraphMeasurement>> frames = new ArrayList<>();
      long numbers = 0;
      for (Map.Entry<Integer, List<GraphMeasurement>> e : graphs.byClass().entrySet()) {
        List<ClassPathway> ps = new ArrayList<>();
        for (GraphMeasurement g : e.getValue()) {
          ClassPathway p = graphs.pathway(g, e.getKey());
          ps.add(p);
          numbers += 3L * p.links().size() + 4L * p.columns().stream().mapToInt(c -> c.units().size()).sum();
        }
        byClass.add(ps);
        frames.add(e.getValue());
      }
      ClassPathway first = byClass.get(0).get(0);
      ObjectNode o = out.addObject().put("probe", graphs.probe()).put("units", ClassPathway.UNITS_PER_LAYER);
      ArrayNode layers = o.putArray("layers");
      ArrayNode widths = o.putArray("widths");
      first.columns().forEach(c -> {
        layers.add(c.layer());
        widths.add(c.width());
      });
      double[] maxInfluence = ClassPathway.maxInfluence(byClass.stream().flatMap(List::stream).toList());
      ArrayNode classes = o.putArray("classes");
      int k = 0;
      for (Map.Entry<Integer, List<GraphMeasurement>> e : graphs.byClass().entrySet()) {
        List<ClassPathway> ps = byClass.get(k);
        List<GraphMeasurement> gs = frames.get(k++);
        List<Integer> kept = kept(ps.size(), numbers > NUMBER_BUDGET ? maxFrames : Integer.MAX_VALUE);
        ObjectNode c = classes.addObject().put("k", e.getKey()).put("frames", ps.size());
        ArrayNode ck = c.putArray("ck");
        ArrayNode f = c.putArray("f");
        for (int i : kept) {
          ck.add(position.get(gs.get(i).key().checkpoint().index()));
          f.add(frame(ps.get(i)));
        }
      }
      ArrayNode max = o.putArray("maxInfluence");
      for (double m : maxInfluence) {
        max.add(number(m));
      }
    }
    return out;
  }

  /** Indices of the frames kept: all, or {@code max} evenly spaced with the first and last. */
  static List<Integer> kept(int frames, int max) {
    List<Integer> out = new ArrayList<>();
    if (frames <= max) {
      for (int i = 0; i < frames; i++) {
        out.add(i);
      }
      return out;
    }
    for (int k = 0; k < max; k++) {
      int i = (int) Math.round((double) k * (frames - 1) / (max - 1));
      if (out.isEmpty() || out.get(out.size() - 1) != i) {
        out.add(i);
      }
    }
    return out;
  }

  private static ObjectNode frame(ClassPathway p) {
    ObjectNode f = F.objectNode();
    ArrayNode u = f.putArray("u");
    ArrayNode s = f.putArray("s");
    ArrayNode pc = f.putArray("p");
    ArrayNode q = f.putArray("q");
    for (ClassPathway.Column c : p.columns()) {
      ArrayNode ui = u.addArray();
      ArrayNode si = s.addArray();
      ArrayNode pi = pc.addArray();
      ArrayNode qi = q.addArray();
      for (ClassPathway.Unit unit : c.units()) {
        ui.add(unit.index());
        si.add(number(unit.share()));
        pi.add(unit.preferredClass());
        qi.add(number(unit.selectivity()));
      }
    }
    ArrayNode e = f.putArray("e");
    List<ArrayNode> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < p.columns().size(); i++) {
      pairs.add(e.addArray());
    }
    for (ClassPathway.Link l : p.links()) {
      pairs.get(l.column()).add(l.source()).add(l.target()).add(number(l.influence()));
    }
    return f;
  }

  /** 3 significant digits; null for NaN. */
  private static JsonNode number(double v) {
    return Double.isFinite(v) ? F.numberNode(ReportData.round(v, 3)) : F.nullNode();
  }
}
