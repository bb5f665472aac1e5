package org.dsdl.probes.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KendallTauTest {
  /** τ_A by definition: Σ over pairs of entries sign(Δvalue)·sign(Δideal), over N(N-1)/2. */
  private static double naive(double[] x, boolean[] between) {
    double s = 0;
    int n = x.length;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        s += Math.signum(x[a] - x[b]) * Math.signum((between[a] ? 1 : 0) - (between[b] ? 1 : 0));
      }
    }
    return s / (n * (n - 1) / 2.0);
  }

  @Test
  void handComputedCase() {
    // values 0.1 (within), 0.9 (between), 0.5 (between), 0.5 (within):
    // (between, within) pairs: 0.9>0.1 +1, 0.9>0.5 +1, 0.5>0.1 +1, 0.5=0.5 0 -> 3 over 4*3/2 = 6 pairs -> 0.5
    assertThat(KendallTau.tauA(new double[] {0.1, 0.9, 0.5, 0.5}, new boolean[] {false, true, true, false})).isEqualTo(0.5);
  }

  @Test
  void agreesWithTheDefinitionOnRandomDataWithTies() {
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 20; trial++) {
      int n = 5 + r.nextInt(60);
      double[] x = new double[n];
      boolean[] b = new boolean[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextInt(7) / 7.0;
        b[i] = r.nextBoolean();
      }
      assertThat(KendallTau.tauA(x, b)).isCloseTo(naive(x, b), within(1e-12));
    }
  }

  @Test
  void radixSortOrdersLikeArraysSort() {
    SplittableRandom r = new SplittableRandom(9);
    for (int trial = 0; trial < 10; trial++) {
      int n = 1 + r.nextInt(5000);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        // negatives, zeros of both signs, ties, tiny and huge magnitudes
        switch (r.nextInt(5)) {
          case 0 -> a[i] = -r.nextDouble() * 10;
          case 1 -> a[i] = r.nextBoolean() ? 0.0 : -0.0;
          case 2 -> a[i] = r.nextInt(3);
          case 3 -> a[i] = r.nextDouble() * 1e-300;
          default -> a[i] = r.nextDouble() * 1e300;
        }
      }
      double[] expected = a.clone();
      java.util.Arrays.sort(expected);
      KendallTau.radixSort(a);
      for (int i = 0; i < n; i++) {
        // equal as numbers: radix sorting maps -0.0 to 0.0
        assertThat(a[i]).isEqualTo(expected[i] == 0 ? 0.0 : expected[i]);
      }
    }
  }

  @Test
  void largeRdmAgreesWithTheDefinition() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 3000;
    double[] x = new double[n];
    boolean[] b = new boolean[n];
    for (int i = 0; i < n; i++) {
      b[i] = r.nextInt(5) != 0;
      x[i] = (b[i] ? 0.3 : 0) + r.nextDouble();
    }
    assertThat(KendallTau.tauA(x, b)).isCloseTo(naive(x, b), within(1e-12));
  }
}
