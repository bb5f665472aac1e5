package org.dsdl.probes.linear;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code linear-probe} probe. */
public record LinearProbeParameters(
    @Param("layers to measure; empty = every captured layer") List<String> layers,
    @Param("cross-validation folds (stratified, seeded), at least 2") int folds,
    @Param("inverse L2 strength of the logistic regression, as scikit-learn's C") double c,
    @Param("L-BFGS iterations at most") int maxIterations,
    @Param("L-BFGS stops when the largest component of the gradient of the mean loss (scikit-learn's tol) is below this") double tolerance,
    @Param("bootstrap resamples over exemplars for the 95% intervals of both accuracies; 0 = none") int bootstrap,
    @Param("a layer's identity onset needs its probe accuracy >= chance + onsetFraction * (1 - chance)")
    double onsetFraction,
    @Param("... and above the untrained network's (checkpoint 0) by more than this many of its standard errors")
    double onsetSigmas,
    @Param("also fit the same probe to a control task (each exemplar a seeded random label, fixed for the run, class sizes kept;"
        + " Hewitt & Liang 2019) and report control_accuracy and selectivity = probe_accuracy - control_accuracy")
    boolean controlTask,
    @Param("the control task is fitted at checkpoint 0, the last checkpoint and every controlEvery-th checkpoint between"
        + " (1 = every checkpoint); its cost is what bounds this") int controlEvery) {
  /** Validates, naming the field. */
  public LinearProbeParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2, got " + folds);
    }
    if (!(c > 0)) {
      throw new IllegalArgumentException("c must be > 0, got " + c);
    }
    if (bootstrap < 0) {
      throw new IllegalArgumentException("bootstrap must be >= 0, got " + bootstrap);
    }
    if (!(onsetFraction > 0 && onsetFraction < 1)) {
      throw new IllegalArgumentException("onsetFraction must be in (0, 1), got " + onsetFraction);
    }
    if (!(onsetSigmas >= 0)) {
      throw new IllegalArgumentException("onsetSigmas must be >= 0, got " + onsetSigmas);
    }
    if (controlEvery < 1) {
      throw new IllegalArgumentException("controlEvery must be >= 1, got " + controlEvery);
    }
    if (maxIterations < 1 || !(tolerance > 0)) {
      throw new IllegalArgumentException("maxIterations must be >= 1 and tolerance > 0");
    }
  }
}
