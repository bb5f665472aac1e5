package org.dsdl.probes.accuracy;

import java.util.List;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

/** Provides the {@code accuracy} probe. */
public final class AccuracyProbeProvider implements ProbeProvider<AccuracyParameters> {
  @Override
  public String name() {
    return "accuracy";
  }

  @Override
  public String description() {
    return "loss and accuracy on training and held-out data, per-class held-out recall, confusion matrix";
  }

  @Override
  public List<String> outputs() {
    return List.of(
        "train_loss, train_accuracy (scalar; on the fixed training-evaluation subset)",
        "test_loss, test_accuracy (scalar; on the whole held-out split)",
        "test_recall (vector over classes)",
        "confusion (matrix, rows = true class, columns = predicted, counts)",
        "identity_onset_step (vector over classes, at the last checkpoint; written at the end): first step from which"
            + " the class's held-out recall stays >= onsetRecall (NaN: never)");
  }

  @Override
  public AccuracyParameters defaultParameters() {
    return new AccuracyParameters(0.9);
  }

  @Override
  public Probe create(AccuracyParameters parameters, ProbeContext context) {
    return new AccuracyProbe(context.name(), parameters.onsetRecall(), context.classNames());
  }
}
