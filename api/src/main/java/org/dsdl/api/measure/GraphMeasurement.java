package org.dsdl.api.measure;

import java.util.List;
import java.util.Map;

/**
 * A weighted graph, e.g. units of consecutive layers joined by their coupling.
 *
 * @param key identity
 * @param nodes the nodes
 * @param edges the edges, between node ids
 */
public record GraphMeasurement(MeasurementKey key, List<Node> nodes, List<Edge> edges) implements Measurement {
  /** Copies the lists. */
  public GraphMeasurement {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  @Override
  public String kind() {
    return "graph";
  }

  /**
   * A node.
   *
   * @param id unique within the graph
   * @param group what the node belongs to, e.g. its layer (used to lay the graph out)
   * @param attributes numeric attributes, e.g. preferred class, selectivity
   */
  public record Node(String id, String group, Map<String, Double> attributes) {
    /** Copies the map. */
    public Node {
      attributes = Map.copyOf(attributes);
    }
  }

  /**
   * An edge.
   *
   * @param source a node id
   * @param target a node id
   * @param weight the edge's strength (what the drawing scales its width by)
   * @param attributes other numeric values of the edge, e.g. a second kind of coupling
   */
  public record Edge(String source, String target, double weight, Map<String, Double> attributes) {
    /** Copies the map. */
    public Edge {
      attributes = Map.copyOf(attributes);
    }

    /** An edge with a weight only. */
    public Edge(String source, String target, double weight) {
      this(source, target, weight, Map.of());
    }
  }
}
