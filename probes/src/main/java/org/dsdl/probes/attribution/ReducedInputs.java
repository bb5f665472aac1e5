package org.dsdl.probes.attribution;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;

/**
 * One layer pair's inputs at one checkpoint, each exemplar reduced once ({@link Influence#reduce}),
 * so that the influences of any group of exemplars (a class, or a class under a permuted labelling)
 * cost a mean over their reduced inputs and one pass over the kernel. Exemplars are reduced when
 * first asked for; memory: one double per kernel row (k²·C_in for a convolution, fan-in for a dense
 * layer) per reduced exemplar, for as long as the checkpoint is measured.
 */
final class ReducedInputs {
  private final Snapshot snapshot;
  private final Pathway.Step step;
  private final LayerWeights weights;
  private final double[][] reduced;

  ReducedInputs(Snapshot snapshot, Pathway.Step step) {
    this.snapshot = snapshot;
    this.step = step;
    this.weights = snapshot.layer(step.target()).layerWeights()
        .orElseThrow(() -> new IllegalStateException("layer " + step.target() + " has no weights to attribute through"));
    this.reduced = new double[snapshot.labels().length][];
  }

  /** Reduces the exemplars of {@code rows} not reduced yet, in parallel. */
  void ensure(int[] rows) {
    Arrays.stream(rows).filter(r -> reduced[r] == null).distinct().parallel().forEach(r -> reduced[r] = Influence.reduce(
        Influence.input(snapshot, step, r), step.sourceShape(), weights, step.targetKind() == LayerKind.CONV));
  }

  /** Reduces every exemplar of the probe set. */
  void ensureAll() {
    ensure(IntStream.range(0, reduced.length).toArray());
  }

  /** {@code [source unit][target unit]} influences of the mean input of {@code rows} (all zero without rows), which must be reduced. */
  double[][] influence(int[] rows) {
    double[] mean = null;
    for (int r : rows) {
      double[] z = reduced[r];
      if (z == null) {
        throw new IllegalStateException("exemplar " + r + " was not reduced");
      }
      if (mean == null) {
        mean = new double[z.length];
      }
      for (int q = 0; q < z.length; q++) {
        mean[q] += z[q];
      }
    }
    List<Integer> shape = step.sourceShape();
    int channels = shape.get(shape.size() - 1);
    if (mean == null) {
      return new double[channels][weights.kernelShape().get(weights.kernelShape().size() - 1)];
    }
    for (int q = 0; q < mean.length; q++) {
      mean[q] /= rows.length;
    }
    return Influence.fromReduced(mean, channels, weights);
  }
}
