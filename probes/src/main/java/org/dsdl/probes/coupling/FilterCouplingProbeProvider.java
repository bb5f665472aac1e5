package org.dsdl.probes.coupling;

import static org.dsdl.api.measure.MeasurementKind.MATRIX;
import static org.dsdl.api.measure.MeasurementKind.SCALAR;

import java.util.List;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

/** Provides the {@code filter-coupling} probe (DeCov: Cogswell et al. 2016; participation ratio: Recanatesi et al. 2019). */
public final class FilterCouplingProbeProvider implements ProbeProvider<FilterCouplingParameters> {
  @Override
  public String name() {
    return "filter-coupling";
  }

  @Override
  public String description() {
    return "how the units of a layer co-vary: correlation matrix, mean |correlation|, DeCov, participation ratio; coupling onsets";
  }

  @Override
  public FilterCouplingParameters defaultParameters() {
    return new FilterCouplingParameters(List.of(), 32, 30, 3.0);
  }

  @Override
  public List<MetricSpec> metrics() {
    return List.of(
        MetricSpec.series("correlation", MATRIX, "live units x live units, for layers with at most maxMatrixUnits live units:"
            + " Pearson r over the probe set").forEachLayer(),
        MetricSpec.series("mean_coupling", SCALAR, "mean |r_ij| over pairs of distinct live units").forEachLayer(),
        MetricSpec.series("decov", SCALAR, "(||S||_F^2 - ||diag S||^2) / 2, S the population covariance of the units").forEachLayer(),
        MetricSpec.series("participation_ratio", SCALAR, "(sum of eigenvalues of S)^2 / sum of their squares = tr(S)^2 / ||S||_F^2").forEachLayer(),
        MetricSpec.series("live_units", SCALAR, "units that vary on the probe set (the others are dead and left out)").forEachLayer(),
        MetricSpec.summary("mean_coupling_bootstrap_sd", SCALAR, "checkpoint 0: SD of mean_coupling over exemplar resamples").forEachLayer(),
        MetricSpec.event("coupling_onset_step", SCALAR, "at the onset checkpoint, NaN at the last if none: first step from which,"
            + " through the last checkpoint, mean_coupling stays more than onsetSigmas bootstrap SDs away from checkpoint 0's (never at 0)").forEachLayer());
  }

  @Override
  public Probe create(FilterCouplingParameters parameters, ProbeContext context) {
    return new FilterCouplingProbe(context.name(), parameters, context.seed());
  }
}
