package org.dsdl.probes.graph;

import java.util.function.ToIntFunction;
import org.jgrapht.Graph;

/**
 * Newman's (2003) assortativity coefficient for a categorical vertex attribute on an undirected
 * graph: r = (Σ_i e_ii − Σ_i a_i²) / (1 − Σ_i a_i²), e_ij the fraction of edge ends joining
 * category i to category j (each edge counted in both directions) and a_i = Σ_j e_ij. 1 when every
 * edge joins equal categories, 0 when edges ignore them; NaN without edges or when every edge end
 * has the same category (0/0).
 */
final class Assortativity {
  private Assortativity() {}

  static <V, E> double of(Graph<V, E> g, ToIntFunction<V> category, int categories) {
    double[][] e = new double[categories][categories];
    int m = g.edgeSet().size();
    if (m == 0) {
      return Double.NaN;
    }
    for (E edge : g.edgeSet()) {
      int a = category.applyAsInt(g.getEdgeSource(edge));
      int b = category.applyAsInt(g.getEdgeTarget(edge));
      e[a][b] += 0.5 / m;
      e[b][a] += 0.5 / m;
    }
    double trace = 0;
    double squares = 0;
    for (int i = 0; i < categories; i++) {
      trace += e[i][i];
      double a = 0;
      for (int j = 0; j < categories; j++) {
        a += e[i][j];
      }
      squares += a * a;
    }
    return squares >= 1 ? Double.NaN : (trace - squares) / (1 - squares);
  }
}
