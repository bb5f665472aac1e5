package org.dsdl.api.probe.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.MeasurementKey;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.run.Checkpoint;

/**
 * What a probe remembers across checkpoints to derive events at the end: the checkpoints it
 * measured and, per key (a layer, a class), one value per checkpoint (NaN where none was
 * recorded). Small, thread-safe, and encodable for {@code Probe.saveState} ({@link KeepsHistory}
 * does that for a probe whose whole state is one history).
 *
 * <p>Events are found in the series ({@link #staysAtLeast}, {@link #firstDeparture}) and written
 * as {@code Probe.finish} asks ({@link #event}):
 *
 * <pre>{@code
 * public List<Measurement> measure(Snapshot snapshot) {
 *   double v = ...;
 *   history.record(snapshot.checkpoint(), layer, v);
 *   ...
 * }
 * public List<Measurement> finish() {
 *   return history.checkpoints().isEmpty() ? List.of()
 *       : List.of(history.event(name, "settling_step", layer, history.staysAtLeast(layer, 0.9)));
 * }
 * }</pre>
 */
public final class History {
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private final Map<String, List<Double>> series = new LinkedHashMap<>();

  /** Records {@code value} under {@code key} at {@code checkpoint} (appended if it is new). */
  public synchronized void record(Checkpoint checkpoint, String key, double value) {
    int at = indexOf(checkpoint);
    List<Double> values = series.computeIfAbsent(key, k -> new ArrayList<>());
    while (values.size() <= at) {
      values.add(Double.NaN);
    }
    values.set(at, value);
  }

  /** Records that {@code checkpoint} was measured, with no value. */
  public synchronized void record(Checkpoint checkpoint) {
    indexOf(checkpoint);
  }

  private int indexOf(Checkpoint checkpoint) {
    if (checkpoints.isEmpty() || checkpoints.get(checkpoints.size() - 1).index() != checkpoint.index()) {
      checkpoints.add(checkpoint);
    }
    return checkpoints.size() - 1;
  }

  /** The checkpoints measured, in order. */
  public synchronized List<Checkpoint> checkpoints() {
    return List.copyOf(checkpoints);
  }

  /** The keys, in the order first recorded. */
  public synchronized List<String> keys() {
    return List.copyOf(series.keySet());
  }

  /** The values of {@code key}, one per checkpoint. */
  public synchronized double[] values(String key) {
    double[] out = new double[checkpoints.size()];
    Arrays.fill(out, Double.NaN);
    List<Double> values = series.getOrDefault(key, List.of());
    for (int i = 0; i < values.size(); i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /**
   * The first checkpoint from which every value of {@code key} is at least {@code threshold}, up
   * to the last checkpoint (a NaN, or a checkpoint without a value, breaks the run); empty if the
   * last value is below it. E.g. an onset: the step from which a class's recall stays above 0.9.
   */
  public synchronized Optional<Checkpoint> staysAtLeast(String key, double threshold) {
    double[] values = values(key);
    int from = -1;
    for (int i = values.length - 1; i >= 0; i--) {
      if (!(values[i] >= threshold)) {
        break;
      }
      from = i;
    }
    return from < 0 ? Optional.empty() : Optional.of(checkpoints.get(from));
  }

  /**
   * The first checkpoint from which {@code holds} is true at every checkpoint up to the last, the
   * predicate taking a checkpoint's index in {@link #checkpoints()}; empty if it is false at the
   * last. The general form of {@link #staysAtLeast}, for onsets with several conditions (e.g. above
   * the untrained network by a margin, and above a control).
   */
  public synchronized Optional<Checkpoint> staysTrue(java.util.function.IntPredicate holds) {
    int from = -1;
    for (int i = checkpoints.size() - 1; i >= 0; i--) {
      if (!holds.test(i)) {
        break;
      }
      from = i;
    }
    return from < 0 ? Optional.empty() : Optional.of(checkpoints.get(from));
  }

  /**
   * The first checkpoint from which every value of {@code key} stays above its value at the first
   * checkpoint (the baseline: the untrained network) by more than {@code margin}, e.g. k standard
   * errors of the baseline (a NaN breaks the run). The first checkpoint itself can never qualify, so
   * an effect already present at the baseline yields no onset rather than an onset at step 0.
   */
  public synchronized Optional<Checkpoint> staysAboveBaseline(String key, double margin) {
    double[] values = values(key);
    if (values.length == 0) {
      return Optional.empty();
    }
    double bound = values[0] + Math.max(0, margin);
    return staysTrue(i -> i < values.length && values[i] > bound);
  }

  /**
   * The first checkpoint at which the value of {@code key} differs from its value at the first
   * checkpoint (the baseline, e.g. the untrained network) by more than {@code tolerance}, e.g.
   * k standard deviations of the baseline; empty if none does, or the baseline is NaN.
   */
  public synchronized Optional<Checkpoint> firstDeparture(String key, double tolerance) {
    double[] values = values(key);
    if (values.length == 0) {
      return Optional.empty();
    }
    double base = values[0];
    for (int i = 0; i < values.length; i++) {
      if (Math.abs(values[i] - base) > tolerance) {
        return Optional.of(checkpoints.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * An event as {@link org.dsdl.api.probe.Probe#finish} records it: the scalar {@code metric}
   * whose value is the step of {@code when}, placed at {@code when}; or, if it never happened,
   * NaN at the last checkpoint.
   *
   * @param probe the name measurements are recorded under
   * @param layer the layer, or null for the whole network
   * @throws IllegalStateException if no checkpoint has been recorded
   */
  public synchronized Measurement event(String probe, String metric, String layer, Optional<Checkpoint> when) {
    if (checkpoints.isEmpty()) {
      throw new IllegalStateException("no checkpoint recorded: an event needs one to be placed at");
    }
    Checkpoint at = when.orElse(checkpoints.get(checkpoints.size() - 1));
    return new ScalarMeasurement(new MeasurementKey(probe, metric, layer, at), when.isPresent() ? at.step() : Double.NaN);
  }

  /** The history as bytes. */
  public synchronized byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(checkpoints.size());
      for (Checkpoint c : checkpoints) {
        out.writeInt(c.index());
        out.writeLong(c.step());
        out.writeDouble(c.epoch());
        out.writeLong(c.samplesSeen());
      }
      out.writeInt(series.size());
      for (Map.Entry<String, List<Double>> e : series.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().size());
        for (double v : e.getValue()) {
          out.writeDouble(v);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Replaces this history with the one {@link #encode} wrote.
   *
   * @throws IllegalArgumentException if the bytes are truncated or inconsistent
   */
  public synchronized void restore(byte[] state) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      int count = in.readInt();
      if (count < 0 || count > state.length) {
        throw new IllegalArgumentException("history claims " + count + " checkpoints");
      }
      List<Checkpoint> cps = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        cps.add(new Checkpoint(in.readInt(), in.readLong(), in.readDouble(), in.readLong()));
      }
      int keys = in.readInt();
      Map<String, List<Double>> read = new LinkedHashMap<>();
      for (int k = 0; k < keys; k++) {
        String key = in.readUTF();
        int n = in.readInt();
        if (n < 0 || n > count) {
          throw new IllegalArgumentException("series '" + key + "' has " + n + " values for " + count + " checkpoints");
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          values.add(in.readDouble());
        }
        read.put(key, values);
      }
      checkpoints.clear();
      checkpoints.addAll(cps);
      series.clear();
      series.putAll(read);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated history: " + e.getMessage(), e);
    }
  }
}
