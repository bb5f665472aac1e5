package org.dsdl.app.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.data.Split;
import org.dsdl.api.model.Model;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.Snapshot;

/**
 * What a checkpoint shows the probes: the model evaluated on the held-out split and on the
 * training-evaluation subset (when there is one), and the probe set captured.
 *
 * @param classNames class names, index = label
 * @param test the held-out split
 * @param trainEval training exemplars evaluated at every checkpoint (may be empty)
 * @param probeSet the exemplars captured
 * @param request the layers to capture
 */
public record ProbeSetCapture(List<String> classNames, Split test, Split trainEval, Split probeSet, CaptureRequest request) {
  /** Copies the list. */
  public ProbeSetCapture {
    classNames = List.copyOf(classNames);
  }

  /** Evaluates and captures {@code model} at {@code checkpoint}, in that order. */
  public Snapshot take(Model model, Checkpoint checkpoint) {
    Map<String, Evaluation> evals = new LinkedHashMap<>();
    evals.put("test", model.evaluate("test", test));
    if (trainEval.size() > 0) {
      evals.put("train", model.evaluate("train", trainEval));
    }
    Capture c = model.capture(probeSet, request);
    return new Snapshot(checkpoint, classNames, probeSet.labels(), probeSet.ids(), c.logits(), c.layers(), evals);
  }
}
