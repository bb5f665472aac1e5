package org.dsdl.probes.stats;

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
import org.dsdl.api.run.Checkpoint;

/**
 * What a probe remembers across checkpoints to derive events at the end: the checkpoints it
 * measured and, per key (a layer, a class), one value per checkpoint (NaN where none was
 * recorded). Small, thread-safe, and encodable for {@code Probe.saveState}.
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

  /** Index of the first checkpoint from which every value is at least {@code threshold} (NaN fails); −1 if none. */
  public static int staysAtLeast(double[] values, double threshold) {
    int from = -1;
    for (int i = values.length - 1; i >= 0; i--) {
      if (!(values[i] >= threshold)) {
        break;
      }
      from = i;
    }
    return from;
  }

  /** Index of the first value farther than {@code tolerance} from {@code base}; −1 if none. */
  public static int firstDeparture(double[] values, double base, double tolerance) {
    for (int i = 0; i < values.length; i++) {
      if (Math.abs(values[i] - base) > tolerance) {
        return i;
      }
    }
    return -1;
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
