package org.dsdl.probes.rsa;

import java.util.List;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

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
    return new RsaParameters(List.of(), "correlation");
  }

  @Override
  public List<String> outputs() {
    return List.of(
        "class_rdm (matrix C x C, per layer): 1 - Pearson r between class-mean activation vectors, over live units",
        "category_fit (scalar, per layer): Kendall tau_A between the exemplar RDM's upper triangle and the ideal"
            + " category RDM (0 within a class, 1 between)",
        "category_fit_max (scalar, per layer): the largest tau_A possible for these labels (perfect separation)");
  }

  @Override
  public Probe create(RsaParameters parameters, ProbeContext context) {
    return new RsaProbe(context.name(), parameters.layers());
  }
}
