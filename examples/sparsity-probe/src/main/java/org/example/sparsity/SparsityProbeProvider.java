package org.example.sparsity;

import java.util.List;
import org.dsdl.api.measure.MeasurementKind;
import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.WithoutParameters;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.probe.support.PerLayerProbe;
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
    return PerLayerProbe.of(context.name(), LayerSelection.allLayers(), (snapshot, layer, out) -> {
      FloatMatrix a = layer.activations();
      double[] perUnit = new double[a.cols()];
      double zeros = 0;
      for (int j = 0; j < a.cols(); j++) {
        for (int i = 0; i < a.rows(); i++) {
          perUnit[j] += a.get(i, j) == 0f ? 1 : 0;
        }
        zeros += perUnit[j];
        perUnit[j] /= a.rows();
      }
      String l = layer.layer().name();
      out.scalar("sparsity", l, zeros / ((double) a.rows() * a.cols()))
          .vector("unit_sparsity", l, PerLayerProbe.unitLabels(a.cols()), perUnit);
    });
  }
}
