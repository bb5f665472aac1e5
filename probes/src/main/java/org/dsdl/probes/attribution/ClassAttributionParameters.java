package org.dsdl.probes.attribution;

import java.util.List;
import org.dsdl.api.plugin.Param;

/** Parameters of the {@code class-attribution} probe. */
public record ClassAttributionParameters(
    @Param("layers with weights whose units are the nodes, consecutive in the network (pools between are transparent);"
        + " empty = every convolution, dense layer and the logits") List<String> layers,
    @Param("each target unit keeps, per class, its k strongest positive inputs from the layer before") int topK,
    @Param("at most this many exemplars of each class (the first in the probe set) are averaged, to bound time") int perClassExemplars,
    @Param("exemplar-label permutations for the statistics' nulls (first and last checkpoint, and wherever a class-mean statistic"
        + " has left its checkpoint-0 value, for the onsets); 0 = none (and no onsets)") int permutations,
    @Param("onsets: the class-mean statistic must exceed its checkpoint-0 value by this many null SDs (of checkpoint 0)") double onsetSigmas,
    @Param("between the first and last checkpoints the null runs only at every nullEvery-th checkpoint (by index) where a class mean"
        + " has left its checkpoint-0 value; 1 = at every such checkpoint") int nullEvery) {
  /** Validates, naming the field. */
  public ClassAttributionParameters {
    layers = layers == null ? List.of() : List.copyOf(layers);
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be >= 1, got " + topK);
    }
    if (perClassExemplars < 1) {
      throw new IllegalArgumentException("perClassExemplars must be >= 1, got " + perClassExemplars);
    }
    org.dsdl.probes.stats.Nulls.check(permutations);
    if (nullEvery < 1) {
      throw new IllegalArgumentException("nullEvery must be >= 1, got " + nullEvery);
    }
    if (!(onsetSigmas >= 0) || Double.isInfinite(onsetSigmas)) {
      throw new IllegalArgumentException("onsetSigmas must be finite and >= 0, got " + onsetSigmas);
    }
  }
}
