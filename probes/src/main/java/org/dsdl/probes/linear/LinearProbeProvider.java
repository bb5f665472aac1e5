package org.dsdl.probes.linear;

import static org.dsdl.api.measure.MeasurementKind.SCALAR;

import java.util.List;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

/** Provides the {@code linear-probe} probe (Alain &amp; Bengio 2016, arXiv:1610.01644). */
public final class LinearProbeProvider implements ProbeProvider<LinearProbeParameters> {
  private static final String BOOTSTRAP_LOW = "lower end of the 95% percentile bootstrap over exemplars of each exemplar's held-out correctness";
  private static final String BOOTSTRAP_HIGH = "upper end of that interval";

  @Override
  public String name() {
    return "linear-probe";
  }

  @Override
  public String description() {
    return "k-fold held-out accuracy of an L2 logistic regression on each layer's features, and nearest-class-centre accuracy";
  }

  @Override
  public LinearProbeParameters defaultParameters() {
    return new LinearProbeParameters(List.of(), 5, 1.0, 100, 1e-4, 200, 0.5, 3.0, true, 8);
  }

  @Override
  public List<MetricSpec> metrics() {
    return List.of(
        MetricSpec.series("probe_accuracy", SCALAR, "k-fold cross-validated accuracy of multinomial logistic regression (L2, C)"
            + " on the layer's features, standardised on each training fold").forEachLayer(),
        MetricSpec.series("ncc_accuracy", SCALAR, "k-fold accuracy of the nearest class centre (Euclidean, raw features)").forEachLayer(),
        MetricSpec.series("probe_accuracy_ci_low", SCALAR, BOOTSTRAP_LOW).forEachLayer(),
        MetricSpec.series("probe_accuracy_ci_high", SCALAR, BOOTSTRAP_HIGH).forEachLayer(),
        MetricSpec.series("ncc_accuracy_ci_low", SCALAR, BOOTSTRAP_LOW).forEachLayer(),
        MetricSpec.series("ncc_accuracy_ci_high", SCALAR, BOOTSTRAP_HIGH).forEachLayer(),
        MetricSpec.series("control_accuracy", SCALAR, "controlTask: the same k-fold accuracy, same folds, C, tolerance and standardisation,"
            + " on a control task: each exemplar's label replaced by a seeded random label in 0..C-1 fixed for the whole run"
            + " (a seeded permutation of the true labels keyed by exemplar id, so class sizes are kept); chance level by construction;"
            + " at checkpoint 0, the last and every controlEvery-th checkpoint (the control columns are empty at the others)").forEachLayer(),
        MetricSpec.series("selectivity", SCALAR, "controlTask: probe_accuracy - control_accuracy (Hewitt & Liang 2019, arXiv:1909.03368)")
            .forEachLayer(),
        MetricSpec.series("control_accuracy_ci_low", SCALAR, "controlTask: " + BOOTSTRAP_LOW).forEachLayer(),
        MetricSpec.series("control_accuracy_ci_high", SCALAR, "controlTask: " + BOOTSTRAP_HIGH).forEachLayer(),
        MetricSpec.series("selectivity_ci_low", SCALAR, "controlTask: " + BOOTSTRAP_LOW + ", paired (each exemplar's probe correctness minus"
            + " its control correctness)").forEachLayer(),
        MetricSpec.series("selectivity_ci_high", SCALAR, "controlTask: " + BOOTSTRAP_HIGH).forEachLayer(),
        MetricSpec.event("identity_onset_step", SCALAR, "at the onset checkpoint, NaN at the last if none; written at the end:"
            + " first step from which, through the last checkpoint, probe_accuracy >= chance + onsetFraction * (1 - chance),"
            + " > checkpoint 0's + onsetSigmas standard errors sqrt(a0 (1 - a0) / n), and (controlTask) selectivity_ci_low > 0 (selectivity > 0 with bootstrap 0)"
            + " at every checkpoint with a control from the onset on, at least one;"
            + " never at checkpoint 0").forEachLayer(),
        MetricSpec.summary("identity_at_init", SCALAR, "written at the end, placed at checkpoint 0: 1 if the untrained network's"
            + " probe_accuracy already reaches the onset threshold (and beats the control), else 0").forEachLayer());
  }

  @Override
  public Probe create(LinearProbeParameters parameters, ProbeContext context) {
    return new LinearProbe(context, parameters);
  }
}
