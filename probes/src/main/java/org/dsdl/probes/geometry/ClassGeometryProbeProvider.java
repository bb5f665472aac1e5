package org.dsdl.probes.geometry;

import static org.dsdl.api.measure.MeasurementKind.SCALAR;

import java.util.List;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.probes.stats.Nulls;

/** Provides the {@code class-geometry} probe: neural-collapse NC1, CDNV and the silhouette of the class partition. */
public final class ClassGeometryProbeProvider implements ProbeProvider<ClassGeometryParameters> {
  @Override
  public String name() {
    return "class-geometry";
  }

  @Override
  public String description() {
    return "class geometry: NC1 (Papyan et al. 2020), CDNV (Galanti et al. 2022), silhouette (Rousseeuw 1987)";
  }

  @Override
  public ClassGeometryParameters defaultParameters() {
    return new ClassGeometryParameters(List.of(), 200, Nulls.DEFAULT_PERMUTATIONS);
  }

  @Override
  public List<MetricSpec> metrics() {
    return Nulls.withNull(List.of(
        MetricSpec.series("nc1", SCALAR, "(1/C) tr(Sigma_W Sigma_B^+); falls towards 0 as classes collapse to their means").forEachLayer(),
        MetricSpec.series("cdnv", SCALAR, "mean over class pairs of (var_i + var_j) / (2 |mu_i - mu_j|^2), over pairs with distinct means")
            .forEachLayer(),
        MetricSpec.series("silhouette", SCALAR, "mean silhouette coefficient of the class partition, Euclidean (as sklearn's silhouette_score)")
            .forEachLayer(),
        MetricSpec.series("silhouette_ci_low", SCALAR, "lower end of the 95% percentile bootstrap over exemplars of the per-exemplar coefficients")
            .forEachLayer(),
        MetricSpec.series("silhouette_ci_high", SCALAR, "upper end of that interval").forEachLayer()), "silhouette", true);
  }

  @Override
  public Probe create(ClassGeometryParameters parameters, ProbeContext context) {
    return new ClassGeometryProbe(context.name(), parameters, context.seed(),
        new Nulls(context, parameters.permutations()));
  }
}
