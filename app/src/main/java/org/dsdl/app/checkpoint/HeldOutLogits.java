package org.dsdl.app.checkpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.data.Split;
import org.dsdl.api.model.Model;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.FloatMatrix;

/**
 * Where the held-out split's logits come from at a checkpoint, so that each exemplar goes through
 * the network once: the probe set's capture gives the logits of the held-out exemplars it holds,
 * and only the others are run forward again (logits only).
 */
public sealed interface HeldOutLogits {

  /** The held-out split's logits, in its order, given the logits the probe set's capture gave. */
  FloatMatrix of(Model model, FloatMatrix captured);

  /**
   * The probe set is the held-out split, exemplar for exemplar in the same order (the default: every
   * held-out exemplar is probed): the capture's logits are the held-out logits.
   */
  record Captured() implements HeldOutLogits {
    @Override
    public FloatMatrix of(Model model, FloatMatrix captured) {
      return captured;
    }
  }

  /**
   * The probe set holds some held-out exemplars (or none): their logits come from the capture, the
   * others' from one logits-only pass.
   *
   * @param rest the held-out exemplars the probe set does not hold, in held-out order
   * @param fromCapture for each held-out exemplar, its row in the capture, or -1 when it is in {@code rest}
   */
  record Completed(Split rest, int[] fromCapture) implements HeldOutLogits {
    @Override
    public FloatMatrix of(Model model, FloatMatrix captured) {
      FloatMatrix others = rest.size() == 0 ? null : model.capture(rest, CaptureRequest.logitsOnly()).logits();
      int classes = captured.cols();
      float[] out = new float[fromCapture.length * classes];
      int next = 0;
      for (int i = 0; i < fromCapture.length; i++) {
        if (fromCapture[i] >= 0) {
          System.arraycopy(captured.data(), fromCapture[i] * classes, out, i * classes, classes);
        } else {
          System.arraycopy(others.data(), next++ * classes, out, i * classes, classes);
        }
      }
      return new FloatMatrix(fromCapture.length, classes, out);
    }
  }

  /** How to get {@code test}'s logits when {@code probeSet} is captured; exemplars are matched by id. */
  static HeldOutLogits plan(Split test, Split probeSet) {
    if (java.util.Arrays.equals(test.ids(), probeSet.ids())) {
      return new Captured();
    }
    Map<Long, Integer> row = new HashMap<>();
    for (int k = 0; k < probeSet.size(); k++) {
      row.putIfAbsent(probeSet.ids()[k], k);
    }
    int[] fromCapture = new int[test.size()];
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      fromCapture[i] = row.getOrDefault(test.ids()[i], -1);
      if (fromCapture[i] < 0) {
        rest.add(i);
      }
    }
    return new Completed(test.select(rest.stream().mapToInt(Integer::intValue).toArray()), fromCapture);
  }
}
