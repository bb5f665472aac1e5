package org.example.sparsity;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.measure.MeasurementKind;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.WithoutParameters;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.snapshot.FloatMatrix;

/** The {@code sparsity} probe: per layer, the fraction of zero activations, overall and per unit. */
public final class SparsityProbeProvider implements ProbeProvider<NoParameters>, WithoutParameters {
  @Override
  public String name() {
    return "sparsity";
  }

  @Override
  public String description() {
    return "fraction of zero activations per layer (scalar) and per unit (vector)";
  }

  @Override
  public List<MetricSpec> metrics() {
    return List.of(MetricSpec.series("sparsity", MeasurementKind.SCALAR, "fraction of zero activations").forEachLayer(),
        MetricSpec.series("unit_sparsity", MeasurementKind.VECTOR, "over units: each unit's fraction of zero activations").forEachLayer());
  }

  @Override
  public Probe create(NoParameters parameters, ProbeContext context) {
    return snapshot -> {
      Measurements out = new Measurements(context.name(), snapshot.checkpoint());
      snapshot.layers().forEach((layer, capture) -> {
        FloatMatrix a = capture.activations();
        double[] perUnit = new double[a.cols()];
        List<String> units = new ArrayList<>();
        long zeros = 0;
        for (int j = 0; j < a.cols(); j++) {
          units.add("u" + j);
          for (int i = 0; i < a.rows(); i++) {
            if (a.get(i, j) == 0f) {
              perUnit[j]++;
              zeros++;
            }
          }
          perUnit[j] /= a.rows();
        }
        out.scalar("sparsity", layer, (double) zeros / ((long) a.rows() * a.cols()))
            .vector("unit_sparsity", layer, units, perUnit);
      });
      return out.list();
    };
  }
}
