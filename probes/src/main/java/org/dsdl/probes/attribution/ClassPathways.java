package org.dsdl.probes.attribution;

import java.util.stream.IntStream;
import org.dsdl.api.probe.support.LayerStatistics;
import org.dsdl.api.snapshot.FloatMatrix;

/**
 * One layer pair's class pathways under one labelling of the probe set (the true labels, or a
 * permutation of them for the null): per class the influences of the mean input of its first
 * {@code perClass} exemplars and the kept edges, and the units' preferred classes (−1 if dead) under
 * that labelling.
 *
 * @param influence {@code [class][source][target]}
 * @param kept {@code [class]} sorted edge keys
 * @param sourcePreferred preferred class of each source unit
 * @param targetPreferred preferred class of each target unit
 */
record ClassPathways(double[][][] influence, long[][] kept, int[] sourcePreferred, int[] targetPreferred) {

  /**
   * The pathways of {@code labels} from the reduced inputs of {@code inputs}, which must hold every exemplar the labelling
   * picks; preferred classes of the {@code source} and {@code target} units under {@code labels}.
   */
  static ClassPathways of(ReducedInputs inputs, int[] labels, int classes, int perClass, int topK, Units source, Units target) {
    int[][] rows = ClassAttributionProbe.rowsPerClass(labels, classes, perClass);
    double[][][] influence = new double[classes][][];
    long[][] kept = new long[classes][];
    for (int c = 0; c < classes; c++) {
      influence[c] = inputs.influence(rows[c]);
      kept[c] = PathwayStatistics.keep(influence[c], topK);
    }
    return new ClassPathways(influence, kept, source.preferred(labels, classes), target.preferred(labels, classes));
  }

  /**
   * A layer's units, for their preferred classes under any labelling.
   *
   * @param activations the layer's pooled activations {@code [exemplars × units]}
   * @param truth the statistics under the true labels, reused when asked for those labels
   * @param labels the true labels
   */
  record Units(FloatMatrix activations, LayerStatistics truth, int[] labels) {
    /** Each unit's preferred class under {@code labelling}, −1 for a dead unit (dead does not depend on the labels). */
    int[] preferred(int[] labelling, int classes) {
      LayerStatistics s = java.util.Arrays.equals(labelling, labels) ? truth : LayerStatistics.over(activations, labelling, classes);
      return IntStream.range(0, s.units()).map(j -> s.dead()[j] ? -1 : s.preferredClass(j)).toArray();
    }
  }

  /** The index of {@code statistic} of class {@code c} in {@link #statistics}. */
  static int index(Statistic statistic, int c, int classes) {
    return statistic.ordinal() * classes + c;
  }

  /** The index of the mean over classes of {@code statistic} (an {@link Statistic#averaged} one) in {@link #statistics}. */
  static int meanIndex(Statistic statistic, int classes) {
    return Statistic.values().length * classes + statistic.ordinal();
  }

  /**
   * Every statistic of every class ({@link #index}), then the means over classes (NaN classes left out; NaN if all are)
   * of the {@link Statistic#averaged} ones ({@link #meanIndex}); stability against {@code previous} ({@code [class]} kept edges of the
   * previous checkpoint, or null: NaN).
   */
  double[] statistics(long[][] previous) {
    int classes = kept.length;
    Statistic[] all = Statistic.values();
    double[] out = new double[all.length * classes + (int) java.util.Arrays.stream(all).filter(Statistic::averaged).count()];
    for (int c = 0; c < classes; c++) {
      out[index(Statistic.SPECIFICITY, c, classes)] = PathwayStatistics.specificity(kept, c);
      out[index(Statistic.CONCENTRATION, c, classes)] = PathwayStatistics.concentration(influence[c], kept[c]);
      out[index(Statistic.CONSISTENCY, c, classes)] = PathwayStatistics.consistency(influence[c], kept[c], sourcePreferred, targetPreferred, c);
      out[index(Statistic.STABILITY, c, classes)] = previous == null ? Double.NaN : PathwayStatistics.jaccard(kept[c], previous[c]);
    }
    for (Statistic s : all) {
      if (s.averaged()) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < classes; c++) {
          double v = out[index(s, c, classes)];
          if (!Double.isNaN(v)) {
            sum += v;
            n++;
          }
        }
        out[meanIndex(s, classes)] = n == 0 ? Double.NaN : sum / n;
      }
    }
    return out;
  }
}
