package org.dsdl.probes.selectivity;

import java.util.List;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.LayerChoice;
import org.dsdl.probes.stats.LayerStatistics;
import org.dsdl.probes.stats.PerLayerProbe;

/**
 * Class selectivity of each unit: with m_c the unit's mean activation over exemplars of class c,
 * μ_max = max_c m_c and μ_rest the mean of the other classes' m_c,
 * SI = (μ_max − μ_rest) / (μ_max + μ_rest), in [0, 1] for non-negative (ReLU) activations.
 */
final class SelectivityProbe extends PerLayerProbe {
  SelectivityProbe(String name, List<String> layers) {
    super(name, layers, true);
  }

  @Override
  protected void measureLayer(Snapshot snapshot, String l, LayerStatistics s, Measurements out) {
    double[] si = new double[s.d];
    double[] preferred = new double[s.d];
    double sum = 0;
    for (int j = 0; j < s.d; j++) {
      preferred[j] = s.preferredClass(j);
      if (s.dead[j]) {
        continue;
      }
      si[j] = s.selectivity(j);
      sum += si[j];
    }
    List<String> units = LayerChoice.unitLabels(s.d);
    out.vector("selectivity", l, units, si)
        .vector("preferred_class", l, units, preferred)
        .scalar("mean_selectivity", l, s.d == s.deadCount ? 0 : sum / (s.d - s.deadCount))
        .scalar("dead_units", l, s.deadCount)
        .scalar("dead_fraction", l, (double) s.deadCount / s.d);
  }
}
