package org.dsdl.probes.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationNullTest {
  /** Between-class minus within-class mean of a 1-D feature, for two classes. */
  private static double meanGap(double[] x, int[] labels) {
    double[] sum = new double[2];
    int[] count = new int[2];
    for (int i = 0; i < x.length; i++) {
      sum[labels[i]] += x[i];
      count[labels[i]]++;
    }
    return sum[1] / count[1] - sum[0] / count[0];
  }

  @Test
  void aStatisticThatIgnoresTheLabelsHasPOneAndNoSpread() {
    PermutationNull t = PermutationNull.of(new int[] {0, 0, 1, 1}, labels -> 0.25, 50, 1);
    assertThat(t.observed()).isEqualTo(0.25);
    assertThat(t.mean()).isEqualTo(0.25);
    assertThat(t.sd()).isEqualTo(0.0);
    assertThat(t.p()).isEqualTo(1.0); // (1 + 50) / (1 + 50)
    assertThat(t.permutations()).isEqualTo(50);
    assertThat(t.z()).isNaN();
  }

  @Test
  void onlyTheTrueLabellingScoringGivesTheSmallestP() {
    int[] truth = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    // 12! orders: a shuffle returning the identity is (practically) impossible, so p = 1 / (K + 1)
    PermutationNull t = PermutationNull.of(truth, labels -> Arrays.equals(labels, truth) ? 1 : 0, 99, 3);
    assertThat(t.p()).isEqualTo(0.01);
    assertThat(t.mean()).isEqualTo(0.0);
  }

  @Test
  void nanPermutationsAreLeftOut() {
    int[] labels = {0, 1, 0, 1, 0, 1};
    PermutationNull t = PermutationNull.of(labels, l -> l[0] == 0 ? 1.0 : Double.NaN, 200, 9);
    // the observed labelling gives 1; every finite permutation gives 1 too, so p = 1
    assertThat(t.permutations()).isBetween(60, 140);
    assertThat(t.p()).isEqualTo(1.0);
    assertThat(PermutationNull.of(labels, l -> Double.NaN, 10, 9).p()).isNaN();
  }

  @Test
  void ofEachIsEachComponentsOwnNullFromTheSameShuffles() {
    double[] x = new SplittableRandom(4).doubles(24).toArray();
    int[] labels = new int[24];
    for (int i = 12; i < 24; i++) {
      labels[i] = 1;
    }
    // three statistics of one labelling: the gap, its negation, and one that is NaN for some labellings
    java.util.function.Function<int[], double[]> all = l -> new double[] {meanGap(x, l), -meanGap(x, l), l[0] == 0 ? meanGap(x, l) : Double.NaN};
    PermutationNull[] each = PermutationNull.ofEach(labels, all, 60, 11);
    assertThat(each).hasSize(3);
    for (int q = 0; q < 3; q++) {
      final int component = q;
      assertThat(each[q]).isEqualTo(PermutationNull.of(labels, l -> all.apply(l)[component], 60, 11));
    }
    assertThat(each[2].permutations()).isLessThan(60);
    assertThat(each[0].p() + each[1].p()).isGreaterThan(1); // a statistic and its negation: the two one-sided tails overlap at ties only
  }

  @Test
  void sameSeedSameNull() {
    double[] x = new SplittableRandom(2).doubles(20).toArray();
    int[] labels = new int[20];
    for (int i = 10; i < 20; i++) {
      labels[i] = 1;
    }
    assertThat(PermutationNull.of(labels, l -> meanGap(x, l), 30, 7)).isEqualTo(PermutationNull.of(labels, l -> meanGap(x, l), 30, 7));
  }

  @Test
  void separatedClassesGiveTheSmallestPossibleP() {
    double[] x = new double[40];
    int[] labels = new int[40];
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < 40; i++) {
      labels[i] = i % 2;
      x[i] = labels[i] * 5 + r.nextGaussian();
    }
    PermutationNull t = PermutationNull.of(labels, l -> meanGap(x, l), 199, 5);
    assertThat(t.p()).isEqualTo(1 / 200.0);
    // pooled variance ≈ 1 + 2.5² = 7.25, so the null SD of the gap ≈ √(7.25 · (1/20 + 1/20)) ≈ 0.85 and z ≈ 5 / 0.85 ≈ 5.9
    assertThat(t.z()).isBetween(4.0, 8.0);
    assertThat(t.mean()).isCloseTo(0, within(0.5));
  }

  /**
   * Under the null (labels carry nothing), p-values are uniform on {1/(K+1), …, 1}: over 400
   * generated data sets the Kolmogorov–Smirnov distance of their empirical distribution to U(0, 1)
   * stays below the 1% critical value 1.63 / √400 (plus the 1 / (K + 1) granularity of p).
   */
  @Test
  void pValuesAreUniformUnderTheNull() {
    SplittableRandom r = new SplittableRandom(12);
    int sets = 400;
    int k = 99;
    double[] p = new double[sets];
    for (int s = 0; s < sets; s++) {
      double[] x = new double[30];
      int[] labels = new int[30];
      for (int i = 0; i < 30; i++) {
        x[i] = r.nextGaussian();
        labels[i] = i < 15 ? 0 : 1;
      }
      p[s] = PermutationNull.of(labels, l -> meanGap(x, l), k, r.nextLong()).p();
    }
    Arrays.sort(p);
    double d = 0;
    for (int i = 0; i < sets; i++) {
      d = Math.max(d, Math.max(Math.abs((i + 1.0) / sets - p[i]), Math.abs(p[i] - (double) i / sets)));
    }
    assertThat(d).isLessThan(1.63 / Math.sqrt(sets) + 1.0 / (k + 1));
  }
}
