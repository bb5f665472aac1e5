package org.dsdl.probes.selectivity;

import java.util.List;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.probe.support.PerLayerProbe;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Nulls;

/**
 * Class selectivity of each unit: with m_c the unit's mean activation over exemplars of class c,
 * μ_max = max_c m_c and μ_rest the mean of the other classes' m_c,
 * SI = (μ_max − μ_rest) / (μ_max + μ_rest), in [0, 1] for non-negative (ReLU) activations.
 */
final class SelectivityProbe extends PerLayerProbe {
  private final Nulls nulls;

  SelectivityProbe(String name, List<String> layers, Nulls nulls) {
    super(name, LayerSelection.ofOrAll(layers));
    this.nulls = nulls;
  }

  /** Not the logits: their activations may be negative. */
  @Override
  protected boolean measures(LayerCapture layer) {
    return layer.layer().kind() != LayerKind.LOGITS;
  }

  @Override
  protected void measureLayer(Snapshot snapshot, LayerCapture layer, Measurements out) {
    String l = layer.layer().name();
    LayerStatistics s = LayerStatistics.of(snapshot, l);
    int d = s.units();
    boolean[] dead = s.dead();
    double[] si = new double[d];
    double[] preferred = new double[d];
    double sum = 0;
    for (int j = 0; j < d; j++) {
      preferred[j] = s.preferredClass(j);
      if (dead[j]) {
        continue;
      }
      si[j] = s.selectivity(j);
      sum += si[j];
    }
    List<String> units = unitLabels(d);
    out.vector("selectivity", l, units, si)
        .vector("preferred_class", l, units, preferred)
        .scalar("mean_selectivity", l, d == s.deadCount() ? 0 : sum / (d - s.deadCount()))
        .scalar("dead_units", l, s.deadCount())
        .scalar("dead_fraction", l, (double) s.deadCount() / d);
    nulls.record(out, snapshot.checkpoint(), "mean_selectivity", l, snapshot.labels(),
        labels -> meanSelectivity(LayerStatistics.over(layer.activations(), labels, s.classes())));
  }

  /** The mean SI over live units (0 if none), summed in unit order as {@link #measureLayer} does. */
  static double meanSelectivity(LayerStatistics s) {
    boolean[] dead = s.dead();
    double sum = 0;
    for (int j = 0; j < s.units(); j++) {
      if (!dead[j]) {
        sum += s.selectivity(j);
      }
    }
    return s.units() == s.deadCount() ? 0 : sum / (s.units() - s.deadCount());
  }
}
