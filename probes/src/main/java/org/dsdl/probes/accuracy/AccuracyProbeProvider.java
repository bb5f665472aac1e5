package org.dsdl.probes.accuracy;

import static org.dsdl.api.measure.MeasurementKind.MATRIX;
import static org.dsdl.api.measure.MeasurementKind.SCALAR;
import static org.dsdl.api.measure.MeasurementKind.VECTOR;

import java.util.List;
import org.dsdl.api.probe.MetricSpec;
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
  public List<MetricSpec> metrics() {
    return List.of(
        MetricSpec.series("train_loss", SCALAR, "cross-entropy on the fixed training-evaluation subset"),
        MetricSpec.series("train_accuracy", SCALAR, "accuracy on the fixed training-evaluation subset"),
        MetricSpec.series("test_loss", SCALAR, "cross-entropy on the whole held-out split"),
        MetricSpec.series("test_accuracy", SCALAR, "accuracy on the whole held-out split"),
        MetricSpec.series("test_recall", VECTOR, "held-out recall, over classes"),
        MetricSpec.series("confusion", MATRIX, "rows = true class, columns = predicted, counts"),
        MetricSpec.event("identity_onset_step", VECTOR, "over classes, at the last checkpoint; written at the end: first step from which"
            + " the class's held-out recall stays >= onsetRecall (NaN: never)"));
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
