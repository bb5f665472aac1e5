package org.dsdl.probes.coupling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.support.History;
import org.dsdl.api.probe.support.KeepsHistory;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.probe.support.PerLayerProbe;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Bootstrap;
import org.dsdl.probes.stats.Gram;
import org.dsdl.probes.stats.LayerGrams;

/**
 * How the units of each layer couple: their correlation matrix, the mean absolute correlation
 * between distinct live units, DeCov and the participation ratio, all from the shared covariance
 * (population, divided by n, as Cogswell et al. define DeCov). Dead units are left out of the
 * correlations and count in {@code live_units}. At checkpoint 0 a bootstrap over exemplars gives
 * the spread of the untrained mean coupling; at the end, each layer's coupling onset.
 */
final class FilterCouplingProbe extends PerLayerProbe implements KeepsHistory {
  private final String name;
  private final FilterCouplingParameters p;
  private final long seed;
  private final History history = new History();

  FilterCouplingProbe(String name, FilterCouplingParameters p, long seed) {
    super(name, LayerSelection.ofOrAll(p.layers()));
    this.name = name;
    this.p = p;
    this.seed = seed;
  }

  @Override
  protected void measureLayer(Snapshot snapshot, LayerCapture layer, Measurements out) {
    String l = layer.layer().name();
    LayerStatistics s = LayerStatistics.of(snapshot, l);
    double[][] cov = LayerGrams.of(snapshot, l).covariance();
    int[] live = s.liveUnits();
    double coupling = meanCoupling(cov, live);
    double frobenius = 0;
    double diagonal = 0;
    double trace = 0;
    int d = s.units();
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        frobenius += cov[a][b] * cov[a][b];
      }
      diagonal += cov[a][a] * cov[a][a];
      trace += cov[a][a];
    }
    out.scalar("mean_coupling", l, coupling)
        .scalar("decov", l, (frobenius - diagonal) / 2)
        .scalar("participation_ratio", l, frobenius == 0 ? 0 : trace * trace / frobenius)
        .scalar("live_units", l, live.length);
    if (live.length > 0 && live.length <= p.maxMatrixUnits()) {
      List<String> labels = new ArrayList<>();
      for (int u : live) {
        labels.add("u" + u);
      }
      out.matrix("correlation", l, labels, labels, correlation(cov, live));
    }
    if (snapshot.checkpoint().index() == 0 && p.bootstrap() > 1) {
      double sd = bootstrapSd(s, l);
      out.scalar("mean_coupling_bootstrap_sd", l, sd);
    }
  }

  /** Measures every layer (in parallel), then remembers the mean couplings (and their spread) in layer order. */
  @Override
  public List<Measurement> measure(Snapshot snapshot) {
    List<Measurement> out = super.measure(snapshot);
    history.record(snapshot.checkpoint());
    for (Measurement m : out) {
      if (m instanceof ScalarMeasurement s && m.key().metric().equals("mean_coupling")) {
        history.record(snapshot.checkpoint(), m.key().layer(), s.value());
      } else if (m instanceof ScalarMeasurement s && m.key().metric().equals("mean_coupling_bootstrap_sd")) {
        history.record(snapshot.checkpoint(), m.key().layer() + "\u0000sd", s.value());
      }
    }
    return out;
  }

  /** Pearson correlation between the live units. */
  static double[][] correlation(double[][] cov, int[] live) {
    int k = live.length;
    double[][] r = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        r[a][b] = a == b ? 1 : cov[live[a]][live[b]] / Math.sqrt(cov[live[a]][live[a]] * cov[live[b]][live[b]]);
      }
    }
    return r;
  }

  /** Mean |r| over pairs of distinct live units; 0 with fewer than two. */
  static double meanCoupling(double[][] cov, int[] live) {
    int k = live.length;
    if (k < 2) {
      return 0;
    }
    double sum = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        sum += Math.abs(cov[live[a]][live[b]]) / Math.sqrt(cov[live[a]][live[a]] * cov[live[b]][live[b]]);
      }
    }
    return sum / ((double) k * (k - 1) / 2);
  }

  /** SD of the mean coupling over {@code bootstrap} resamples of the exemplars (seeded per layer). */
  private double bootstrapSd(LayerStatistics s, String layer) {
    SplittableRandom r = new SplittableRandom(seed ^ layer.hashCode());
    double[] values = new double[p.bootstrap()];
    int n = s.exemplars();
    int d = s.units();
    FloatMatrix activations = s.activations();
    for (int b = 0; b < values.length; b++) {
      int[] pick = new int[n];
      for (int i = 0; i < n; i++) {
        pick[i] = r.nextInt(n);
      }
      double[] mean = new double[d];
      for (int i : pick) {
        for (int j = 0; j < d; j++) {
          mean[j] += activations.get(i, j);
        }
      }
      for (int j = 0; j < d; j++) {
        mean[j] /= n;
      }
      double[][] z = new double[n][d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          z[i][j] = activations.get(pick[i], j) - mean[j];
        }
      }
      double[][] cov = Gram.of(z, d);
      List<Integer> live = new ArrayList<>();
      for (int j = 0; j < d; j++) {
        if (Math.sqrt(cov[j][j] / n) > LayerStatistics.DEAD) {
          live.add(j);
        }
      }
      values[b] = meanCoupling(cov, live.stream().mapToInt(Integer::intValue).toArray());
    }
    return Bootstrap.sampleSd(values);
  }

  @Override
  public List<Measurement> finish() {
    List<Checkpoint> cps = history.checkpoints();
    List<Measurement> out = new ArrayList<>();
    if (cps.isEmpty() || cps.get(0).index() != 0) {
      return out;
    }
    for (String layer : history.keys()) {
      if (layer.contains("\u0000")) {
        continue;
      }
      double sd = history.values(layer + "\u0000sd")[0];
      if (!(sd >= 0)) {
        continue;
      }
      // stays departed: from the onset to the last checkpoint, |mean_coupling - checkpoint 0's| > onsetSigmas bootstrap SDs
      double[] v = history.values(layer);
      double tolerance = p.onsetSigmas() * sd;
      out.add(history.event(name, "coupling_onset_step", layer, history.staysTrue(i -> i > 0 && Math.abs(v[i] - v[0]) > tolerance)));
    }
    return out;
  }

  @Override
  public History history() {
    return history;
  }
}
