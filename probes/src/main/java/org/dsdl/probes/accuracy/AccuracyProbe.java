package org.dsdl.probes.accuracy;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Loss and accuracy on the training and held-out evaluations of each checkpoint, the held-out
 * recall of each class and the held-out confusion matrix. Reads only evaluations: no layer capture.
 */
final class AccuracyProbe implements Probe {
  private final String name;

  AccuracyProbe(String name) {
    this.name = name;
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
      out.vector("test_recall", null, snapshot.classNames(), recall(confusion));
      out.matrix("confusion", null, snapshot.classNames(), snapshot.classNames(), confusion);
    });
    return out.list();
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
