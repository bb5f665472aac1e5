package org.dsdl.probes.selectivity;

import static org.dsdl.api.measure.MeasurementKind.SCALAR;
import static org.dsdl.api.measure.MeasurementKind.VECTOR;

import java.util.List;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.probes.stats.Nulls;

/** Provides the {@code selectivity} probe (Morcos et al. 2018, arXiv:1803.06959). */
public final class SelectivityProbeProvider implements ProbeProvider<SelectivityParameters> {
  @Override
  public String name() {
    return "selectivity";
  }

  @Override
  public String description() {
    return "class selectivity index of every unit (Morcos et al. 2018), its preferred class, dead units";
  }

  @Override
  public SelectivityParameters defaultParameters() {
    return new SelectivityParameters(List.of(), Nulls.DEFAULT_PERMUTATIONS);
  }

  @Override
  public List<MetricSpec> metrics() {
    return Nulls.withNull(List.of(
        MetricSpec.series("selectivity", VECTOR, "over units: (mu_max - mu_rest) / (mu_max + mu_rest); 0 for dead units").forEachLayer(),
        MetricSpec.series("preferred_class", VECTOR, "over units: index of the class with the largest mean activation").forEachLayer(),
        MetricSpec.series("mean_selectivity", SCALAR, "over live units").forEachLayer(),
        MetricSpec.series("dead_units", SCALAR, "units that never vary on the probe set").forEachLayer(),
        MetricSpec.series("dead_fraction", SCALAR, "their share of the layer's units").forEachLayer()), "mean_selectivity", true);
  }

  @Override
  public Probe create(SelectivityParameters parameters, ProbeContext context) {
    return new SelectivityProbe(context.name(), parameters.layers(), new Nulls(context, parameters.permutations()));
  }
}
