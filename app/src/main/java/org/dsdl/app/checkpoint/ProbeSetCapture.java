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
 * What a checkpoint shows the probes: the probe set captured, the model evaluated on the held-out
 * split and on the training-evaluation subset (when there is one). Each exemplar goes through the
 * network once per checkpoint: the held-out evaluation is made from the capture's own logits where
 * the probe set holds the held-out exemplars ({@link HeldOutLogits}).
 *
 * @param classNames class names, index = label
 * @param test the held-out split
 * @param trainEval training exemplars evaluated at every checkpoint (may be empty)
 * @param probeSet the exemplars captured
 * @param request the layers to capture
 * @param heldOut where the held-out logits come from, planned once from the splits' ids
 */
public record ProbeSetCapture(List<String> classNames, Split test, Split trainEval, Split probeSet, CaptureRequest request,
    HeldOutLogits heldOut) {
  /** Copies the list. */
  public ProbeSetCapture {
    classNames = List.copyOf(classNames);
  }

  /** What a checkpoint shows the probes, with the held-out logits planned from the splits' exemplar ids. */
  public ProbeSetCapture(List<String> classNames, Split test, Split trainEval, Split probeSet, CaptureRequest request) {
    this(classNames, test, trainEval, probeSet, request, HeldOutLogits.plan(test, probeSet));
  }

  /** Captures and evaluates {@code model} at {@code checkpoint}. */
  public Snapshot take(Model model, Checkpoint checkpoint) {
    Capture c = model.capture(probeSet, request);
    Map<String, Evaluation> evals = new LinkedHashMap<>();
    evals.put("test", Evaluation.ofLogits("test", heldOut.of(model, c.logits()), test.labels()));
    if (trainEval.size() > 0) {
      evals.put("train", model.evaluate("train", trainEval));
    }
    return new Snapshot(checkpoint, classNames, probeSet.labels(), probeSet.ids(), c.logits(), c.layers(), evals);
  }
}
