package org.dsdl.probes.geometry;

import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.probe.support.PerLayerProbe;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Bootstrap;
import org.dsdl.probes.stats.LayerGrams;

/** NC1, CDNV and silhouette of each layer's class partition (see {@link ClassGeometry}). */
final class ClassGeometryProbe extends PerLayerProbe {
  private final int bootstrap;
  private final long seed;

  ClassGeometryProbe(String name, ClassGeometryParameters parameters, long seed) {
    super(name, LayerSelection.ofOrAll(parameters.layers()));
    this.bootstrap = parameters.bootstrap();
    this.seed = seed;
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
    double[] silhouettes = ClassGeometry.silhouettes(LayerGrams.of(snapshot, l).distances(), snapshot.labels(), s.classes());
    double mean = 0;
    for (double v : silhouettes) {
      mean += v;
    }
    out.scalar("silhouette", l, mean / silhouettes.length);
    if (bootstrap > 0) {
      double[] ci = Bootstrap.meanInterval(silhouettes, bootstrap, seed ^ l.hashCode());
      out.scalar("silhouette_ci_low", l, ci[0]).scalar("silhouette_ci_high", l, ci[1]);
    }
  }
}
