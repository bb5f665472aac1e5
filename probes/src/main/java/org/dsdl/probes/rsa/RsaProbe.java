package org.dsdl.probes.rsa;

import java.util.List;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.probe.support.PerLayerProbe;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.KendallTau;
import org.dsdl.probes.stats.LayerGrams;
import org.dsdl.probes.stats.Nulls;
import org.dsdl.probes.stats.RankedPairs;
import org.dsdl.probes.stats.RowCorrelation;

/**
 * Representational similarity of each layer: the class RDM, RDM_ij = 1 − Pearson(μ_i, μ_j) between
 * class-mean vectors, and the category fit, Kendall τ_A between the exemplar RDM (1 − Pearson
 * between exemplars) and the ideal category RDM. Dead units are left out of both; an exemplar or
 * class mean that does not vary across live units has correlation 0 (dissimilarity 1).
 */
final class RsaProbe extends PerLayerProbe {
  private final Nulls nulls;

  RsaProbe(String name, List<String> layers, Nulls nulls) {
    super(name, LayerSelection.ofOrAll(layers));
    this.nulls = nulls;
  }

  @Override
  protected void measureLayer(Snapshot snapshot, LayerCapture layer, Measurements out) {
    String l = layer.layer().name();
    LayerStatistics s = LayerStatistics.of(snapshot, l);
    int[] live = s.liveUnits();
    out.matrix("class_rdm", l, snapshot.classNames(), snapshot.classNames(), dissimilarity(RowCorrelation.of(s.classMeans(), live)));
    double[][] r = LayerGrams.of(snapshot, l).exemplarCorrelation();
    out.scalar("category_fit", l, categoryFit(r, snapshot.labels()));
    if (nulls.due(snapshot.checkpoint())) {
      RankedPairs ranked = RankedPairs.ofCorrelation(r);
      nulls.record(out, snapshot.checkpoint(), "category_fit", l, snapshot.labels(), ranked::tauA);
    }
    out.scalar("category_fit_max", l, maximumFit(snapshot.labels()));
  }

  static double[][] dissimilarity(double[][] r) {
    double[][] d = new double[r.length][r.length];
    for (int i = 0; i < r.length; i++) {
      for (int j = 0; j < r.length; j++) {
        d[i][j] = i == j ? 0 : 1 - r[i][j];
      }
    }
    return d;
  }

  /** τ_A between the upper triangle of 1 − r and the ideal category RDM. */
  static double categoryFit(double[][] r, int[] labels) {
    int n = labels.length;
    int pairs = n * (n - 1) / 2;
    double[] values = new double[pairs];
    boolean[] between = new boolean[pairs];
    for (int i = 0, k = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, k++) {
        values[k] = 1 - r[i][j];
        between[k] = labels[i] != labels[j];
      }
    }
    return KendallTau.tauA(values, between);
  }

  /** The τ_A of an RDM that separates the classes perfectly: every between-class pair farther than every within-class pair. */
  static double maximumFit(int[] labels) {
    long within = 0;
    long all = (long) labels.length * (labels.length - 1) / 2;
    for (int i = 0; i < labels.length; i++) {
      for (int j = i + 1; j < labels.length; j++) {
        if (labels[i] == labels[j]) {
          within++;
        }
      }
    }
    double pairsOfPairs = (double) all * (all - 1) / 2;
    return pairsOfPairs == 0 ? 0 : (double) within * (all - within) / pairsOfPairs;
  }
}
