package org.dsdl.visualizers.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunRecord;

/**
 * One probe's class attribution graphs in a run (whole-network graph measurements named
 * {@code attribution_graph_c<k>}, as the {@code class-attribution} probe writes them, whatever
 * the probe is called in the run): per class index, the graphs in checkpoint order.
 *
 * @param probe the probe's name in the run
 * @param lastIsLogits whether the graphs' last layer is the network's logits (from the run's
 *     model layers; without them, whether that layer has one unit per class)
 * @param byClass the graphs per class index, in checkpoint order
 */
public record AttributionGraphs(String probe, boolean lastIsLogits, Map<Integer, List<GraphMeasurement>> byClass) {
  /** Copies the map and its lists. */
  public AttributionGraphs {
    Map<Integer, List<GraphMeasurement>> copy = new LinkedHashMap<>();
    byClass.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byClass = java.util.Collections.unmodifiableMap(copy);
  }

  /** A named still of a filmstrip: which frame (an index into a class's graphs). */
  public record Still(String name, int frame) {}

  /** Whether {@code m} is a class attribution graph. */
  public static boolean is(Measurement m) {
    return m instanceof GraphMeasurement && m.key().layer() == null && ClassPathway.classOf(m.key().metric()).isPresent();
  }

  /** The run's attribution graphs, one entry per probe that wrote them, in the order first recorded. */
  public static List<AttributionGraphs> of(RunRecord run) {
    Map<String, TreeMap<Integer, List<GraphMeasurement>>> found = new LinkedHashMap<>();
    for (Measurement m : run.measurements()) {
      if (is(m)) {
        found.computeIfAbsent(m.key().probe(), k -> new TreeMap<>())
            .computeIfAbsent(ClassPathway.classOf(m.key().metric()).orElseThrow(), k -> new ArrayList<>()).add((GraphMeasurement) m);
      }
    }
    List<AttributionGraphs> out = new ArrayList<>();
    found.forEach((probe, byClass) -> {
      byClass.values().forEach(frames -> frames.sort(java.util.Comparator.comparingInt(g -> g.key().checkpoint().index())));
      GraphMeasurement any = byClass.firstEntry().getValue().get(0);
      out.add(new AttributionGraphs(probe, lastIsLogits(run, any), byClass));
    });
    return out;
  }

  /** Class {@code classIndex}'s pathway through {@code g}, {@link ClassPathway#UNITS_PER_LAYER} units per layer. */
  public ClassPathway pathway(GraphMeasurement g, int classIndex) {
    return ClassPathway.of(g, classIndex, lastIsLogits, ClassPathway.UNITS_PER_LAYER);
  }

  /**
   * The stills the figures show: the first frame, an early one and the last. Early: of the frames
   * strictly between the first and the last, the one whose step is nearest, on a log scale, to the
   * geometric mean of the first non-zero step and the last step — the middle of the report's log
   * step axis, where a dense-early schedule puts the learning transition (the default run: step 64
   * of 3,140, held-out accuracy 0.88). No early still with fewer than three frames.
   */
  public static List<Still> stills(List<Checkpoint> frames) {
    if (frames.isEmpty()) {
      return List.of();
    }
    int last = frames.size() - 1;
    List<Still> out = new ArrayList<>();
    out.add(new Still("first", 0));
    long firstStep = frames.stream().mapToLong(Checkpoint::step).filter(s -> s > 0).min().orElse(1);
    double middle = 0.5 * (Math.log(firstStep) + Math.log(Math.max(firstStep, frames.get(last).step())));
    Optional<Integer> early = Optional.empty();
    double best = Double.POSITIVE_INFINITY;
    for (int i = 1; i < last; i++) {
      double d = Math.abs(Math.log(Math.max(0.5, frames.get(i).step())) - middle);
      if (d < best) {
        best = d;
        early = Optional.of(i);
      }
    }
    early.ifPresent(i -> out.add(new Still("early", i)));
    if (last > 0) {
      out.add(new Still("last", last));
    }
    return List.copyOf(out);
  }

  private static boolean lastIsLogits(RunRecord run, GraphMeasurement g) {
    if (g.nodes().isEmpty()) {
      return false;
    }
    String lastLayer = g.nodes().get(g.nodes().size() - 1).group();
    for (LayerInfo l : run.info().layers()) {
      if (l.name().equals(lastLayer)) {
        return l.kind() == LayerKind.LOGITS;
      }
    }
    long width = g.nodes().stream().filter(n -> n.group().equals(lastLayer)).count();
    return width == run.info().classNames().size();
  }
}
