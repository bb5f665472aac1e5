package org.dsdl.api.measure;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.run.Checkpoint;

/**
 * Collects one probe's measurements at one checkpoint, filling in the probe name and checkpoint.
 *
 * <pre>{@code
 * Measurements out = new Measurements(context.name(), snapshot.checkpoint());
 * out.scalar("sparsity", layer, fraction);
 * return out.list();
 * }</pre>
 *
 * <p>{@code NaN} is a value that does not exist: not reached (an event that never happened, e.g.
 * a class whose recall never stays above the threshold), or undefined (e.g. a correlation of a
 * constant unit). Never write 0 or -1 for these. The built-in visualizers draw NaN as a gap in a
 * curve or grey in a heat map, and an event's NaN as "not reached". JSON has no such numbers, so
 * every non-finite number, a scalar's value or an element of a vector, matrix or graph, is written
 * in {@code metrics.jsonl} as the JSON string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"} (e.g.
 * {@code "value":[79.0,"NaN"]}); {@code metrics.csv} writes {@code NaN}, {@code Infinity},
 * {@code -Infinity}.
 */
public final class Measurements {
  private final String probe;
  private final Checkpoint checkpoint;
  private final List<Measurement> collected = new ArrayList<>();

  /** Starts an empty collection for {@code probe} at {@code checkpoint}. */
  public Measurements(String probe, Checkpoint checkpoint) {
    this.probe = probe;
    this.checkpoint = checkpoint;
  }

  private MeasurementKey key(String metric, String layer) {
    return new MeasurementKey(probe, metric, layer, checkpoint);
  }

  /** Adds a scalar; {@code layer} may be null. */
  public Measurements scalar(String metric, String layer, double value) {
    collected.add(new ScalarMeasurement(key(metric, layer), value));
    return this;
  }

  /** Adds a labelled vector; {@code layer} may be null. */
  public Measurements vector(String metric, String layer, List<String> labels, double[] values) {
    collected.add(new VectorMeasurement(key(metric, layer), labels, values));
    return this;
  }

  /** Adds a labelled matrix; {@code layer} may be null. */
  public Measurements matrix(String metric, String layer, List<String> rows, List<String> columns, double[][] values) {
    collected.add(new MatrixMeasurement(key(metric, layer), rows, columns, values));
    return this;
  }

  /** Adds a graph; {@code layer} may be null. */
  public Measurements graph(String metric, String layer, List<GraphMeasurement.Node> nodes, List<GraphMeasurement.Edge> edges) {
    collected.add(new GraphMeasurement(key(metric, layer), nodes, edges));
    return this;
  }

  /** Everything added so far, as an immutable list. */
  public List<Measurement> list() {
    return List.copyOf(collected);
  }
}
