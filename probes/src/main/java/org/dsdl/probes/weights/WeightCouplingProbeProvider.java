package org.dsdl.probes.weights;

import static org.dsdl.api.measure.MeasurementKind.MATRIX;
import static org.dsdl.api.measure.MeasurementKind.SCALAR;

import java.util.List;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

/** Provides the {@code weight-coupling} probe (coherence: Bansal et al. 2018; stable rank: Martin &amp; Mahoney 2018). */
public final class WeightCouplingProbeProvider implements ProbeProvider<WeightCouplingParameters> {
  @Override
  public String name() {
    return "weight-coupling";
  }

  @Override
  public String description() {
    return "how a layer's filters overlap: filter coherence (largest |cosine|, ||W^W^T - I||_F) and stable rank of the kernel";
  }

  @Override
  public WeightCouplingParameters defaultParameters() {
    return new WeightCouplingParameters(List.of());
  }

  @Override
  public List<MetricSpec> metrics() {
    return List.of(
        MetricSpec.series("coherence_max", SCALAR, "max over pairs of distinct filters of |cosine| between their weight vectors"
            + " (a filter's row of W: c_out x c_in*k*k)").forEachLayer(),
        MetricSpec.series("coherence_frobenius", SCALAR, "||W^ W^T - I||_F, W^ the filters normalised to unit length").forEachLayer(),
        MetricSpec.series("stable_rank", SCALAR, "||W||_F^2 / ||W||_2^2").forEachLayer(),
        MetricSpec.series("kernels", MATRIX, "filters x window positions and input channels, first convolution only: its weights, for the"
            + " report's filmstrip of how the first detectors form").forEachLayer());
  }

  @Override
  public Probe create(WeightCouplingParameters parameters, ProbeContext context) {
    return new WeightCouplingProbe(context.name(), parameters.layers());
  }
}
