package org.dsdl.probes.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankedPairsTest {
  @Test
  void handComputedCase() {
    // 3 exemplars, labels 0, 0, 1: pairs (0,1) within d=0.2, (0,2) between d=0.8, (1,2) between d=0.2.
    // ranks of 0.2, 0.8, 0.2 are 1.5, 3, 1.5; R_between = 4.5, n_b = 2, U = 4.5 - 3 = 1.5, diff = 2*1.5 - 2*1 = 1;
    // over 3*2/2 = 3 pairs of pairs -> 1/3 (by hand: 0.8 > 0.2 concordant, 0.2 = 0.2 tied).
    double[][] d = {{0, 0.2, 0.8}, {0.2, 0, 0.2}, {0.8, 0.2, 0}};
    RankedPairs ranked = RankedPairs.ofDissimilarity(d);
    assertThat(ranked.ranks()).containsExactly(1.5, 3, 1.5);
    assertThat(ranked.tauA(new int[] {0, 0, 1})).isEqualTo(1.0 / 3);
  }

  @Test
  void agreesBitForBitWithTheSortingTauAForAnyLabelling() {
    SplittableRandom r = new SplittableRandom(11);
    for (int trial = 0; trial < 30; trial++) {
      int n = 3 + r.nextInt(40);
      double[][] d = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          d[i][j] = d[j][i] = trial % 2 == 0 ? r.nextInt(5) / 5.0 : r.nextDouble();
        }
      }
      RankedPairs ranked = RankedPairs.ofDissimilarity(d);
      for (int relabel = 0; relabel < 5; relabel++) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
          labels[i] = r.nextInt(1 + r.nextInt(4));
        }
        assertThat(ranked.tauA(labels)).isEqualTo(sorting(d, labels));
      }
    }
  }

  private static double sorting(double[][] d, int[] labels) {
    int n = labels.length;
    double[] values = new double[n * (n - 1) / 2];
    boolean[] between = new boolean[values.length];
    for (int i = 0, k = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, k++) {
        values[k] = d[i][j];
        between[k] = labels[i] != labels[j];
      }
    }
    return KendallTau.tauA(values, between);
  }

  @Test
  void aNanDissimilarityMakesTheStatisticUndefined() {
    double[][] d = {{0, Double.NaN, 0.8}, {Double.NaN, 0, 0.2}, {0.8, 0.2, 0}};
    assertThat(RankedPairs.ofDissimilarity(d).tauA(new int[] {0, 0, 1})).isNaN();
  }
}
