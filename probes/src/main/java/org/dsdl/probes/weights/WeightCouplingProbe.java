package org.dsdl.probes.weights;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.support.PerLayerProbe;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.Gram;

/**
 * Coupling in the weights themselves. Each filter (output unit) is a row of W, c_out × fan_in
 * (fan_in = c_in·k² for a convolution); from the filters' Gram matrix G = WWᵀ come the coherence
 * (cosines Ĝ_ij = G_ij/√(G_ii G_jj): the largest |Ĝ_ij|, i ≠ j, and ‖Ĝ − I‖_F) and the stable rank
 * tr(G)/λ_max(G) = ‖W‖_F²/‖W‖₂². A zero filter has cosine 0 with every other.
 */
final class WeightCouplingProbe extends PerLayerProbe {
  private final String name;

  WeightCouplingProbe(String name, List<String> layers) {
    super(name, LayerSelection.ofOrAll(layers));
    this.name = name;
  }

  /** Only layers with weights. */
  @Override
  protected boolean measures(LayerCapture layer) {
    return layer.layerWeights().isPresent();
  }

  /** Every selected layer with weights (in parallel), then the first convolution's kernels. */
  @Override
  public List<Measurement> measure(Snapshot snapshot) {
    List<Measurement> out = new ArrayList<>(super.measure(snapshot));
    snapshot.layers().values().stream()
        .filter(c -> c.layer().kind() == LayerKind.CONV && c.layerWeights().isPresent())
        .findFirst()
        .ifPresent(c -> out.addAll(kernels(snapshot, c)));
    return out;
  }

  /** The first convolution's kernels: a row per filter, columns {@code y{y}x{x}c{c}} over its window and input channels. */
  private List<Measurement> kernels(Snapshot snapshot, LayerCapture c) {
    LayerWeights w = c.layerWeights().orElseThrow();
    List<Integer> shape = w.kernelShape();
    if (shape.size() != 4) {
      return List.of();
    }
    int kh = shape.get(0);
    int kw = shape.get(1);
    int cin = shape.get(2);
    int cout = shape.get(3);
    List<String> columns = new ArrayList<>();
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int ch = 0; ch < cin; ch++) {
          columns.add("y" + y + "x" + x + "c" + ch);
        }
      }
    }
    double[][] values = new double[cout][columns.size()];
    float[] k = w.kernel();
    for (int o = 0; o < cout; o++) {
      for (int r = 0; r < columns.size(); r++) {
        values[o][r] = k[r * cout + o];
      }
    }
    return new Measurements(name, snapshot.checkpoint()).matrix("kernels", c.layer().name(), unitLabels(cout), columns, values).list();
  }

  @Override
  protected void measureLayer(Snapshot snapshot, LayerCapture c, Measurements out) {
    double[][] g = filterGram(c.layerWeights().orElseThrow());
    int units = g.length;
    double[] norm = new double[units];
    double trace = 0;
    for (int i = 0; i < units; i++) {
      norm[i] = Math.sqrt(g[i][i]);
      trace += g[i][i];
    }
    double max = 0;
    double offSquares = 0;
    double diagonalSquares = 0;
    for (int i = 0; i < units; i++) {
      for (int j = 0; j < units; j++) {
        double cos = norm[i] == 0 || norm[j] == 0 ? 0 : g[i][j] / (norm[i] * norm[j]);
        if (i == j) {
          double e = norm[i] == 0 ? -1 : cos - 1;
          diagonalSquares += e * e;
        } else {
          offSquares += cos * cos;
          max = Math.max(max, Math.abs(cos));
        }
      }
    }
    double top = Spectrum.largestEigenvalue(g);
    out.scalar("coherence_max", c.layer().name(), max)
        .scalar("coherence_frobenius", c.layer().name(), Math.sqrt(offSquares + diagonalSquares))
        .scalar("stable_rank", c.layer().name(), top <= 0 ? 0 : trace / top);
  }

  /**
   * G = W Wᵀ over filters, from the kernel stored row-major as fan_in × c_out (TensorFlow's
   * layout); the weights are float, so the sums are too ({@link Gram#ofFloats}).
   */
  static double[][] filterGram(LayerWeights w) {
    List<Integer> shape = w.kernelShape();
    int out = shape.get(shape.size() - 1);
    int fanIn = w.kernel().length / out;
    float[][] rows = new float[fanIn][];
    float[] k = w.kernel();
    for (int r = 0; r < fanIn; r++) {
      rows[r] = java.util.Arrays.copyOfRange(k, r * out, (r + 1) * out);
    }
    return Gram.ofFloats(rows, out);
  }
}
