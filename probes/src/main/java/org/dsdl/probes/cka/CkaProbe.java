package org.dsdl.probes.cka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.support.History;
import org.dsdl.api.probe.support.KeepsHistory;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.probes.stats.LayerGrams;

/**
 * The layer × layer CKA matrix at every checkpoint and, at the end, each layer's CKA to its
 * final state at every checkpoint, with the step from which it settles.
 *
 * <p>Memory: CKA to final needs each checkpoint's representation of the probe set, kept as the
 * pooled activations (n exemplars × Σ units floats per checkpoint: 500 × 1,021 × 4 B ≈ 2 MB per
 * checkpoint for the default experiment, never whole maps). In a run they go to the probe's work
 * directory, one file per checkpoint, so memory holds two checkpoints at most and a resumed run
 * still has them; dsdl deletes them once the run has completed. Without a work directory
 * (tests, benchmarks) they are kept in memory.
 */
final class CkaProbe implements KeepsHistory {
  private final String name;
  private final CkaParameters p;
  private final Path work;
  private final History history = new History();
  private final Map<Integer, Map<String, FloatMatrix>> inMemory = new LinkedHashMap<>();

  CkaProbe(String name, CkaParameters p, Path work) {
    this.name = name;
    this.p = p;
    this.work = work;
  }

  @Override
  public LayerSelection layers() {
    return LayerSelection.ofOrAll(p.layers());
  }

  @Override
  public List<Measurement> measure(Snapshot snapshot) {
    List<LayerCapture> chosen = layers().in(snapshot);
    List<String> names = chosen.stream().map(c -> c.layer().name()).toList();
    List<double[][]> grams = names.parallelStream()
        .map(l -> {
          double[][] k = LayerGrams.of(snapshot, l).centredGram();
          return p.debiased() ? Cka.uCentre(k) : k;
        })
        .toList();
    int m = names.size();
    double[] norms = new double[m];
    for (int a = 0; a < m; a++) {
      norms[a] = Math.sqrt(dot(grams.get(a), grams.get(a)));
    }
    double[][] matrix = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = a; b < m; b++) {
        double denominator = norms[a] * norms[b];
        double v = a == b ? (norms[a] == 0 ? 0 : 1) : denominator == 0 ? 0 : dot(grams.get(a), grams.get(b)) / denominator;
        matrix[a][b] = v;
        matrix[b][a] = v;
      }
    }
    if (p.toFinal()) {
      keep(snapshot.checkpoint(), chosen);
    }
    history.record(snapshot.checkpoint());
    return new Measurements(name, snapshot.checkpoint()).matrix("cka", null, names, names, matrix).list();
  }

  private static double dot(double[][] a, double[][] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double[] ai = a[i];
      double[] bi = b[i];
      for (int j = 0; j < ai.length; j++) {
        s += ai[j] * bi[j];
      }
    }
    return s;
  }

  private void keep(Checkpoint cp, List<LayerCapture> chosen) {
    Map<String, FloatMatrix> layers = new LinkedHashMap<>();
    for (LayerCapture c : chosen) {
      FloatMatrix a = c.activations();
      layers.put(c.layer().name(), work == null ? new FloatMatrix(a.rows(), a.cols(), a.data().clone()) : a);
    }
    if (work == null) {
      inMemory.put(cp.index(), layers);
    } else {
      try {
        PooledActivations.write(work.resolve(fileName(cp.index())), layers);
      } catch (IOException e) {
        throw new UncheckedIOException("cka: cannot keep checkpoint " + cp.index() + "'s activations in " + work, e);
      }
    }
  }

  private static String fileName(int checkpoint) {
    return String.format("ckpt-%04d.f32", checkpoint);
  }

  private Map<String, FloatMatrix> kept(int checkpoint) {
    if (work == null) {
      return inMemory.get(checkpoint);
    }
    try {
      return PooledActivations.read(work.resolve(fileName(checkpoint)));
    } catch (IOException e) {
      throw new UncheckedIOException("cka: cannot read checkpoint " + checkpoint + "'s activations from " + work, e);
    }
  }

  @Override
  public List<Measurement> finish() {
    List<Checkpoint> cps = history.checkpoints();
    if (!p.toFinal() || cps.isEmpty()) {
      return List.of();
    }
    Map<String, FloatMatrix> last = kept(cps.get(cps.size() - 1).index());
    Map<String, double[][]> finalGrams = new LinkedHashMap<>();
    last.forEach((l, x) -> finalGrams.put(l, gram(x)));
    History toFinal = new History();
    List<Measurement> out = new ArrayList<>();
    for (int t = 0; t < cps.size(); t++) {
      Map<String, FloatMatrix> at = t == cps.size() - 1 ? last : kept(cps.get(t).index());
      Measurements m = new Measurements(name, cps.get(t));
      for (Map.Entry<String, double[][]> e : finalGrams.entrySet()) {
        FloatMatrix x = at.get(e.getKey());
        double v = x == null ? Double.NaN : Cka.fromCentredGrams(gram(x), e.getValue(), false);
        toFinal.record(cps.get(t), e.getKey(), v);
        m.scalar("cka_to_final", e.getKey(), v);
      }
      out.addAll(m.list());
    }
    for (String l : finalGrams.keySet()) {
      out.add(toFinal.event(name, "settling_step", l, toFinal.staysAtLeast(l, p.settleThreshold())));
    }
    inMemory.clear();
    return out;
  }

  private double[][] gram(FloatMatrix x) {
    double[][] k = Cka.centredGram(x);
    return p.debiased() ? Cka.uCentre(k) : k;
  }

  @Override
  public History history() {
    return history;
  }
}
