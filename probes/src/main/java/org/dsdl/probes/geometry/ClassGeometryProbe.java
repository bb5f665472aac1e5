package org.dsdl.probes.geometry;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Bootstrap;
import org.dsdl.probes.stats.LayerChoice;
import org.dsdl.probes.stats.LayerStatistics;

/** NC1, CDNV and silhouette of each layer's class partition (see {@link ClassGeometry}). */
final class ClassGeometryProbe implements Probe {
  private final String name;
  private final List<String> layers;
  private final int bootstrap;
  private final long seed;

  ClassGeometryProbe(String name, ClassGeometryParameters parameters, long seed) {
    this.name = name;
    this.layers = parameters.layers();
    this.bootstrap = parameters.bootstrap();
    this.seed = seed;
  }

  @Override
  public LayerSelection layers() {
    return layers.isEmpty() ? LayerSelection.allLayers() : LayerSelection.of(layers);
  }

  @Override
  public List<Measurement> measure(Snapshot snapshot) {
    Measurements out = new Measurements(name, snapshot.checkpoint());
    for (LayerCapture layer : LayerChoice.of(snapshot, layers, false)) {
      String l = layer.layer().name();
      LayerStatistics s = LayerStatistics.of(snapshot, l);
      out.scalar("nc1", l, ClassGeometry.nc1(s, snapshot.labels()));
      double cdnv = ClassGeometry.cdnv(s, snapshot.labels());
      if (Double.isFinite(cdnv)) {
        out.scalar("cdnv", l, cdnv);
      }
      double[] silhouettes = ClassGeometry.silhouettes(s.distances(), snapshot.labels(), s.classes);
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
    return out.list();
  }
}
