package org.dsdl.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SamplingTest {
  private final int[] labels = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 0, 1};

  @Test
  void stratifiedTakesUpToPerClassOfEachClassDeterministically() {
    int[] a = Sampling.stratified(labels, 3, 2, 11);
    assertThat(a).hasSize(6).isSorted();
    int[] counts = new int[3];
    Arrays.stream(a).forEach(i -> counts[labels[i]]++);
    assertThat(counts).containsExactly(2, 2, 2);
    assertThat(Sampling.stratified(labels, 3, 2, 11)).isEqualTo(a);
    assertThat(Sampling.stratified(labels, 3, 10, 11)).hasSize(labels.length);
  }

  @Test
  void epochOrderIsASeededPermutationThatChangesEachEpoch() {
    int[] e0 = Sampling.epochOrder(50, 5, 0);
    int[] e1 = Sampling.epochOrder(50, 5, 1);
    assertThat(Arrays.stream(e0).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 50).toArray());
    assertThat(Sampling.epochOrder(50, 5, 0)).isEqualTo(e0);
    assertThat(e1).isNotEqualTo(e0);
    assertThat(Sampling.epochOrder(50, 6, 0)).isNotEqualTo(e0);
  }
}
