package org.dsdl.probes.linear;

import java.util.List;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

/** Provides the {@code linear-probe} probe (Alain &amp; Bengio 2016, arXiv:1610.01644). */
public final class LinearProbeProvider implements ProbeProvider<LinearProbeParameters> {
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
    return new LinearProbeParameters(List.of(), 5, 1.0, 100, 1e-4, 200, 0.5, true);
  }

  @Override
  public List<String> outputs() {
    return List.of(
        "probe_accuracy (scalar, per layer): k-fold cross-validated accuracy of multinomial logistic regression (L2, C)"
            + " on the layer's features, standardised on each training fold",
        "ncc_accuracy (scalar, per layer): k-fold accuracy of the nearest class centre (Euclidean, raw features)",
        "probe_accuracy_ci_low/_ci_high, ncc_accuracy_ci_low/_ci_high (scalar, per layer): 95% percentile bootstrap"
            + " over exemplars of each exemplar's held-out correctness",
        "control_accuracy (scalar, per layer; controlTask): the same k-fold accuracy, same folds, C, tolerance and standardisation,"
            + " on a control task: each exemplar's label replaced by a seeded random label in 0..C-1 fixed for the whole run"
            + " (a seeded permutation of the true labels keyed by exemplar id, so class sizes are kept); chance level by construction",
        "selectivity (scalar, per layer; controlTask): probe_accuracy - control_accuracy (Hewitt & Liang 2019, arXiv:1909.03368)",
        "control_accuracy_ci_low/_ci_high, selectivity_ci_low/_ci_high (scalar, per layer; controlTask): 95% percentile bootstrap"
            + " over exemplars, paired for selectivity (each exemplar's probe correctness minus its control correctness)",
        "identity_onset_step (scalar, per layer; event at the onset checkpoint, NaN at the last if none; written at the end):"
            + " first step from which probe_accuracy stays >= chance + onsetFraction * (1 - chance)");
  }

  @Override
  public Probe create(LinearProbeParameters parameters, ProbeContext context) {
    return new LinearProbe(context.name(), parameters, context.seed(), context.classNames().size());
  }
}
