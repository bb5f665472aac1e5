package org.dsdl.probes.cka;

import static org.dsdl.api.measure.MeasurementKind.MATRIX;
import static org.dsdl.api.measure.MeasurementKind.SCALAR;

import java.util.List;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

/** Provides the {@code cka} probe (Kornblith et al. 2019, arXiv:1905.00414). */
public final class CkaProbeProvider implements ProbeProvider<CkaParameters> {
  @Override
  public String name() {
    return "cka";
  }

  @Override
  public String description() {
    return "linear CKA between every pair of layers at each checkpoint, and each layer's CKA to its final state (settling times)";
  }

  @Override
  public CkaParameters defaultParameters() {
    return new CkaParameters(List.of(), false, true, 0.9);
  }

  @Override
  public List<MetricSpec> metrics() {
    return List.of(
        MetricSpec.series("cka", MATRIX, "layer x layer: linear CKA between the layers' representations of the probe set"),
        MetricSpec.series("cka_to_final", SCALAR, "every checkpoint; written at the end: CKA between the layer at that checkpoint and at the last")
            .forEachLayer(),
        MetricSpec.event("settling_step", SCALAR, "at the settling checkpoint: first step from which cka_to_final stays >= settleThreshold")
            .forEachLayer());
  }

  @Override
  public Probe create(CkaParameters parameters, ProbeContext context) {
    return new CkaProbe(context.name(), parameters, context.workDirectory().orElse(null));
  }
}
