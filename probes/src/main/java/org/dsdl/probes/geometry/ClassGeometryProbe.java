package org.dsdl.probes.geometry;

import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.probe.support.PerLayerProbe;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Bootstrap;
import org.dsdl.probes.stats.LayerGrams;
import org.dsdl.probes.stats.Nulls;

/** NC1, CDNV and silhouette of each layer's class partition (see {@link ClassGeometry}). */
final class ClassGeometryProbe extends PerLayerProbe {
  private final int bootstrap;
  private final long seed;
  private final Nulls nulls;

  ClassGeometryProbe(String name, ClassGeometryParameters parameters, long seed, Nulls nulls) {
    super(name, LayerSelection.ofOrAll(parameters.layers()));
    this.bootstrap = parameters.bootstrap();
    this.seed = seed;
    this.nulls = nulls;
  }

  @Override
  protected void measureLayer(Snapshot snapshot, LayerCapture layer, Measurements out) {
    String l = layer.layer().name();
    LayerStatistics s = LayerStatistics.of(snapshot, l);
    out.scalar("nc1", l, ClassGeometry.nc1(s, snapshot.labels()));
    double cdnv = ClassGeometry.cdnv(s, snapshot.labels());
    if (Double.isFinite(cdnv)) {
      out.scalar("cdnv", l, cdnv);
    }
    double[][] distances = LayerGrams.of(snapshot, l).distances();
    double[] silhouettes = ClassGeometry.silhouettes(distances, snapshot.labels(), s.classes());
    out.scalar("silhouette", l, mean(silhouettes));
    nulls.record(out, snapshot.checkpoint(), "silhouette", l, snapshot.labels(),
        labels -> mean(ClassGeometry.silhouettes(distances, labels, s.classes())));
    if (bootstrap > 0) {
      double[] ci = Bootstrap.meanInterval(silhouettes, bootstrap, seed ^ l.hashCode());
      out.scalar("silhouette_ci_low", l, ci[0]).scalar("silhouette_ci_high", l, ci[1]);
    }
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
