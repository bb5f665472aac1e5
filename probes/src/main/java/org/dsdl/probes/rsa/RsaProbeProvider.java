package org.dsdl.probes.rsa;

import static org.dsdl.api.measure.MeasurementKind.MATRIX;
import static org.dsdl.api.measure.MeasurementKind.SCALAR;

import java.util.List;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.probes.stats.Nulls;

/** Provides the {@code rsa} probe (Kriegeskorte et al. 2008; τ_A as rsatoolbox computes it). */
public final class RsaProbeProvider implements ProbeProvider<RsaParameters> {
  @Override
  public String name() {
    return "rsa";
  }

  @Override
  public String description() {
    return "representational similarity: class RDM (1 - Pearson of class means) and category fit (Kendall tau_A)";
  }

  @Override
  public RsaParameters defaultParameters() {
    return new RsaParameters(List.of(), "correlation", Nulls.DEFAULT_PERMUTATIONS);
  }

  @Override
  public List<MetricSpec> metrics() {
    return Nulls.withNull(List.of(
        MetricSpec.series("class_rdm", MATRIX, "C x C: 1 - Pearson r between class-mean activation vectors, over live units").forEachLayer(),
        MetricSpec.series("category_fit", SCALAR, "Kendall tau_A between the exemplar RDM's upper triangle and the ideal"
            + " category RDM (0 within a class, 1 between)").forEachLayer(),
        MetricSpec.summary("category_fit_max", SCALAR, "the largest tau_A possible for these labels (perfect separation)").forEachLayer()), "category_fit", true);
  }

  @Override
  public Probe create(RsaParameters parameters, ProbeContext context) {
    return new RsaProbe(context.name(), parameters.layers(), new Nulls(context, parameters.permutations()));
  }
}
