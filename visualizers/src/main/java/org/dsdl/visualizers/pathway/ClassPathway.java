package org.dsdl.visualizers.pathway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsdl.api.measure.GraphMeasurement;

/**
 * Class c's pathway through its class attribution graph, as the report and the figures draw it:
 * the units from which c's logit draws its kept influence, traced backwards layer by layer.
 *
 * <p>The last layer of the graph is the root: its unit c when it is the logits, else its live
 * units that prefer c (all of them if none does), sharing 1 equally. Going
 * backwards, each unit passes its share on to its kept inputs in proportion to their influence
 * (kept edges are positive), so a layer's shares sum to at most 1: the share of the class's
 * kept influence that runs through each unit. Each layer keeps its {@code unitsPerLayer}
 * largest shares (ties: lower unit index; units with no share are left out), and the links are
 * the kept edges between kept units of consecutive layers.
 *
 * @param classIndex c
 * @param columns the graph's layers in network order (the order their nodes come in)
 * @param links the kept edges between kept units of consecutive columns
 */
public record ClassPathway(int classIndex, List<Column> columns, List<Link> links) {
  /** Units per layer that the report and the figures draw. */
  public static final int UNITS_PER_LAYER = 12;
  private static final Pattern METRIC = Pattern.compile("attribution_graph_c(\\d+)");

  /** Copies the lists. */
  public ClassPathway {
    columns = List.copyOf(columns);
    links = List.copyOf(links);
  }

  /**
   * A kept unit.
   *
   * @param index the unit's index in its layer (its node's position among the layer's nodes)
   * @param share the share of the class's kept influence that runs through it
   * @param preferredClass its preferred class, -1 if dead or not known
   * @param selectivity its selectivity index (NaN if not known)
   */
  public record Unit(int index, double share, int preferredClass, double selectivity) {}

  /**
   * One layer of the pathway.
   *
   * @param layer the layer's name (the nodes' group)
   * @param width how many units the layer has
   * @param units the kept units, largest share first
   */
  public record Column(String layer, int width, List<Unit> units) {
    /** Copies the list. */
    public Column {
      units = List.copyOf(units);
    }
  }

  /**
   * A kept edge between kept units.
   *
   * @param column the source's column; the target is in the next one
   * @param source the source's position in its column's {@code units}
   * @param target the target's position in the next column's {@code units}
   * @param influence the edge's weight: the source's influence on the target for the class
   */
  public record Link(int column, int source, int target, double influence) {}

  /** Per layer pair, the largest link influence among {@code pathways} (0 where none has a link): what edge widths are relative to. */
  public static double[] maxInfluence(java.util.Collection<ClassPathway> pathways) {
    int pairs = pathways.stream().mapToInt(p -> Math.max(0, p.columns().size() - 1)).max().orElse(0);
    double[] max = new double[pairs];
    for (ClassPathway p : pathways) {
      for (Link l : p.links()) {
        max[l.column()] = Math.max(max[l.column()], l.influence());
      }
    }
    return max;
  }

  /** The class index of a class attribution graph's metric name ({@code attribution_graph_c<k>}), or empty for any other metric. */
  public static Optional<Integer> classOf(String metric) {
    Matcher m = METRIC.matcher(metric);
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /**
   * Class {@code classIndex}'s pathway through graph {@code g}, at most {@code unitsPerLayer} units
   * per layer; {@code lastIsLogits}: the graph's last layer is the network's logits (unit c is
   * class c's logit).
   */
  public static ClassPathway of(GraphMeasurement g, int classIndex, boolean lastIsLogits, int unitsPerLayer) {
    if (unitsPerLayer < 1) {
      throw new IllegalArgumentException("unitsPerLayer must be >= 1, got " + unitsPerLayer);
    }
    Map<String, List<GraphMeasurement.Node>> layers = new LinkedHashMap<>();
    Map<String, int[]> where = new HashMap<>(); // node id -> {layer, unit}
    for (GraphMeasurement.Node n : g.nodes()) {
      List<GraphMeasurement.Node> units = layers.computeIfAbsent(n.group(), k -> new ArrayList<>());
      where.put(n.id(), new int[] {new ArrayList<>(layers.keySet()).indexOf(n.group()), units.size()});
      units.add(n);
    }
    List<String> names = new ArrayList<>(layers.keySet());
    int depth = names.size();
    if (depth == 0) {
      return new ClassPathway(classIndex, List.of(), List.of());
    }
    // kept edges into each layer, by target unit: {source unit, weight}
    List<Map<Integer, List<double[]>>> into = new ArrayList<>();
    for (int l = 0; l < depth; l++) {
      into.add(new HashMap<>());
    }
    for (GraphMeasurement.Edge e : g.edges()) {
      int[] s = where.get(e.source());
      int[] t = where.get(e.target());
      if (s != null && t != null && t[0] == s[0] + 1 && e.weight() > 0) {
        into.get(t[0]).computeIfAbsent(t[1], k -> new ArrayList<>()).add(new double[] {s[1], e.weight()});
      }
    }
    double[][] share = new double[depth][];
    for (int l = 0; l < depth; l++) {
      share[l] = new double[layers.get(names.get(l)).size()];
    }
    List<GraphMeasurement.Node> last = layers.get(names.get(depth - 1));
    roots(last, classIndex, lastIsLogits && classIndex < last.size(), share[depth - 1]);
    for (int l = depth - 1; l > 0; l--) {
      for (Map.Entry<Integer, List<double[]>> t : into.get(l).entrySet()) {
        double from = share[l][t.getKey()];
        double total = t.getValue().stream().mapToDouble(x -> x[1]).sum();
        if (from > 0 && total > 0) {
          for (double[] x : t.getValue()) {
            share[l - 1][(int) x[0]] += from * x[1] / total;
          }
        }
      }
    }
    List<Column> columns = new ArrayList<>();
    List<Map<Integer, Integer>> position = new ArrayList<>();
    for (int l = 0; l < depth; l++) {
      List<GraphMeasurement.Node> nodes = layers.get(names.get(l));
      double[] s = share[l];
      List<Integer> kept = new ArrayList<>();
      for (int j = 0; j < s.length; j++) {
        if (s[j] > 0) {
          kept.add(j);
        }
      }
      kept.sort(Comparator.comparingDouble((Integer j) -> -s[j]).thenComparingInt(j -> j));
      kept = kept.subList(0, Math.min(unitsPerLayer, kept.size()));
      Map<Integer, Integer> at = new HashMap<>();
      List<Unit> units = new ArrayList<>();
      for (int j : kept) {
        at.put(j, units.size());
        Map<String, Double> a = nodes.get(j).attributes();
        boolean dead = a.getOrDefault("dead", 0.0) == 1.0;
        double pc = a.getOrDefault("preferred_class", -1.0);
        units.add(new Unit(j, s[j], dead || !(pc >= 0) ? -1 : (int) Math.round(pc), a.getOrDefault("selectivity", Double.NaN)));
      }
      position.add(at);
      columns.add(new Column(names.get(l), nodes.size(), units));
    }
    List<Link> links = new ArrayList<>();
    for (int l = 1; l < depth; l++) {
      Map<Integer, Integer> targets = position.get(l);
      Map<Integer, Integer> sources = position.get(l - 1);
      List<Map.Entry<Integer, List<double[]>>> entries = new ArrayList<>(into.get(l).entrySet());
      entries.sort(Map.Entry.comparingByKey());
      for (Map.Entry<Integer, List<double[]>> t : entries) {
        Integer b = targets.get(t.getKey());
        for (double[] x : t.getValue()) {
          Integer a = sources.get((int) x[0]);
          if (a != null && b != null) {
            links.add(new Link(l - 1, a, b, x[1]));
          }
        }
      }
    }
    return new ClassPathway(classIndex, columns, links);
  }

  private static void roots(List<GraphMeasurement.Node> last, int classIndex, boolean logit, double[] share) {
    List<Integer> roots = new ArrayList<>();
    if (logit) {
      roots.add(classIndex);
    } else {
      for (int j = 0; j < last.size(); j++) {
        if (last.get(j).attributes().getOrDefault("preferred_class", -1.0) == classIndex
            && last.get(j).attributes().getOrDefault("dead", 0.0) != 1.0) {
          roots.add(j);
        }
      }
      if (roots.isEmpty()) {
        for (int j = 0; j < last.size(); j++) {
          roots.add(j);
        }
      }
    }
    for (int j : roots) {
      share[j] = 1.0 / roots.size();
    }
  }
}
