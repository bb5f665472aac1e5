package org.dsdl.probes.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;

/** Builds small snapshots from given activations, for probe tests. */
public final class Snapshots {
  private Snapshots() {}

  /** A snapshot with dense layers holding {@code layers[name] = rows of activations}. */
  public static Snapshot of(List<String> classes, int[] labels, Map<String, double[][]> layers, LayerKind kind) {
    long[] ids = new long[labels.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }
    return of(classes, labels, ids, new Checkpoint(0, 0, 0, 0), layers, kind);
  }

  /** The same, with the probe set's {@code ids}, at {@code checkpoint}. */
  public static Snapshot of(List<String> classes, int[] labels, long[] ids, Checkpoint checkpoint, Map<String, double[][]> layers, LayerKind kind) {
    Map<String, LayerCapture> captures = new LinkedHashMap<>();
    layers.forEach((name, rows) -> {
      int d = rows[0].length;
      float[] data = new float[rows.length * d];
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < d; j++) {
          data[i * d + j] = (float) rows[i][j];
        }
      }
      captures.put(name, new LayerCapture(new LayerInfo(name, kind, List.of(d), 0), new FloatMatrix(rows.length, d, data), null, null));
    });
    return new Snapshot(checkpoint, classes, labels, ids,
        new FloatMatrix(labels.length, classes.size(), new float[labels.length * classes.size()]), captures, Map.of());
  }
}
