package org.dsdl.api.probe.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;

/** Small snapshots for the api's own tests (the testkit depends on the api, so it cannot be used here). */
public final class TestSnapshots {
  private TestSnapshots() {}

  /** A layer of that kind holding {@code rows} of activations. */
  public static LayerCapture layer(String name, LayerKind kind, double[][] rows) {
    int d = rows[0].length;
    float[] data = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < d; j++) {
        data[i * d + j] = (float) rows[i][j];
      }
    }
    return new LayerCapture(new LayerInfo(name, kind, List.of(d), 0), new FloatMatrix(rows.length, d, data), null, null);
  }

  /** A snapshot at checkpoint 2 (step 20) of the probe set with these labels, holding {@code layers} in the order given. */
  public static Snapshot of(List<String> classes, int[] labels, LayerCapture... layers) {
    Map<String, LayerCapture> captured = new LinkedHashMap<>();
    for (LayerCapture c : layers) {
      captured.put(c.layer().name(), c);
    }
    long[] ids = new long[labels.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }
    return new Snapshot(new Checkpoint(2, 20, 0.5, 320), classes, labels, ids,
        new FloatMatrix(labels.length, classes.size(), new float[labels.length * classes.size()]), captured, Map.of());
  }
}
