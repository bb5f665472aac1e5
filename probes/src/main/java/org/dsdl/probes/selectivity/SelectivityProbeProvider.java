package org.dsdl.probes.selectivity;

import java.util.List;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

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
    return new SelectivityParameters(List.of());
  }

  @Override
  public List<String> outputs() {
    return List.of(
        "selectivity (vector over units, per layer): (mu_max - mu_rest) / (mu_max + mu_rest); 0 for dead units",
        "preferred_class (vector over units, per layer): index of the class with the largest mean activation",
        "mean_selectivity (scalar, per layer): over live units",
        "dead_units, dead_fraction (scalar, per layer): units that never vary on the probe set");
  }

  @Override
  public Probe create(SelectivityParameters parameters, ProbeContext context) {
    return new SelectivityProbe(context.name(), parameters.layers());
  }
}
