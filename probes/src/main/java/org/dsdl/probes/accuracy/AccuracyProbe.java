package org.dsdl.probes.accuracy;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.support.History;
import org.dsdl.api.probe.support.KeepsHistory;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Loss and accuracy on the training and held-out evaluations of each checkpoint, the held-out
 * recall of each class and the held-out confusion matrix; at the end, each class's identity
 * onset. Reads only evaluations: no layer capture.
 */
final class AccuracyProbe implements KeepsHistory {
  private final String name;
  private final double onsetRecall;
  private final List<String> classNames;
  private final History history = new History();

  AccuracyProbe(String name, double onsetRecall, List<String> classNames) {
    this.name = name;
    this.onsetRecall = onsetRecall;
    this.classNames = List.copyOf(classNames);
  }

  @Override
  public LayerSelection layers() {
    return LayerSelection.none();
  }

  @Override
  public List<Measurement> measure(Snapshot snapshot) {
    Measurements out = new Measurements(name, snapshot.checkpoint());
    for (String split : List.of("train", "test")) {
      snapshot.evaluation(split).ifPresent(e -> out
          .scalar(split + "_loss", null, e.loss())
          .scalar(split + "_accuracy", null, e.accuracy()));
    }
    snapshot.evaluation("test").ifPresent(e -> {
      double[][] confusion = confusion(e, snapshot.classes());
      double[] recall = recall(confusion);
      out.vector("test_recall", null, snapshot.classNames(), recall);
      for (int c = 0; c < recall.length; c++) {
        history.record(snapshot.checkpoint(), snapshot.classNames().get(c), recall[c]);
      }
      out.matrix("confusion", null, snapshot.classNames(), snapshot.classNames(), confusion);
    });
    return out.list();
  }

  /**
   * Each class's identity onset: the step of the first checkpoint from which its held-out recall
   * stays at or above the threshold, as a vector over classes at the last checkpoint (NaN: never).
   */
  @Override
  public List<Measurement> finish() {
    List<Checkpoint> cps = history.checkpoints();
    if (cps.isEmpty() || classNames.isEmpty()) {
      return List.of();
    }
    double[] onset = new double[classNames.size()];
    for (int c = 0; c < onset.length; c++) {
      onset[c] = history.staysAtLeast(classNames.get(c), onsetRecall).map(cp -> (double) cp.step()).orElse(Double.NaN);
    }
    return new Measurements(name, cps.get(cps.size() - 1)).vector("identity_onset_step", null, classNames, onset).list();
  }

  @Override
  public History history() {
    return history;
  }

  /** C×C counts: rows are true classes, columns predicted classes. */
  static double[][] confusion(Evaluation e, int classes) {
    double[][] m = new double[classes][classes];
    for (int i = 0; i < e.labels().length; i++) {
      m[e.labels()[i]][e.predicted()[i]]++;
    }
    return m;
  }

  /** Per-class recall: diagonal over row sum; 0 for a class without exemplars. */
  static double[] recall(double[][] confusion) {
    double[] r = new double[confusion.length];
    for (int c = 0; c < confusion.length; c++) {
      double total = 0;
      for (double v : confusion[c]) {
        total += v;
      }
      r[c] = total == 0 ? 0 : confusion[c][c] / total;
    }
    return r;
  }
}
