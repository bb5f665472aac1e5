package org.dsdl.probes.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dsdl.probes.stats.PermutationNull;
import org.dsdl.probes.stats.RankedPairs;
import org.junit.jupiter.api.Test;

/**
 * The silhouette and the category fit under every labelling a permutation null draws, and the null's
 * p-value, against scikit-learn's {@code silhouette_score} and a τ_A counted pair by pair in NumPy.
 * Runs when {@code python3} with scikit-learn and NumPy is installed (Debian: {@code python3-sklearn},
 * installed by {@code .ci/run}); skipped otherwise.
 */
class SklearnCrossCheckTest {
  private static final String SCRIPT = String.join("\n",
      "import sys, numpy as np",
      "from sklearn.metrics import silhouette_score",
      "lines = sys.stdin.read().strip().split('\\n')",
      "n, d, k = (int(t) for t in lines[0].split())",
      "X = np.array([float(t) for t in lines[1].split()]).reshape(n, d)",
      "dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))",
      "iu = np.triu_indices(n, 1)",
      "rdm = dist[iu]",
      "def tau_a(labels):",
      "    between = (labels[:, None] != labels[None, :])[iu].astype(float)",
      "    s = np.sign(rdm[:, None] - rdm[None, :]) * np.sign(between[:, None] - between[None, :])",
      "    m = len(rdm)",
      "    return s[np.triu_indices(m, 1)].sum() / (m * (m - 1) / 2)",
      "out = []",
      "for line in lines[2:2 + k + 1]:",
      "    labels = np.array([int(t) for t in line.split()])",
      "    out.append((silhouette_score(X, labels, metric='euclidean'), tau_a(labels)))",
      "obs = out[0][0]",
      "null = [s for s, _ in out[1:]]",
      "p = (1 + sum(1 for s in null if s >= obs)) / (1 + len(null))",
      "print(repr(p))",
      "for s, t in out:",
      "    print(repr(float(s)), repr(float(t)))");

  /** Debian's interpreter first (apt installs python3-sklearn for it), then whichever python3 is on the PATH. */
  private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

  /** The first interpreter that imports NumPy and scikit-learn, or null. */
  private static String python() {
    for (String python : PYTHONS) {
      try {
        Process p = new ProcessBuilder(python, "-c", "import numpy, sklearn").redirectErrorStream(true).start();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return python;
        }
      } catch (IOException e) {
        // not this one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  @Test
  void silhouetteCategoryFitAndTheNullsPValueMatchScikitLearnAndNumpy() throws Exception {
    String python = python();
    assumeTrue(python != null, "python3 with numpy and scikit-learn (Debian: python3-sklearn) is not installed");
    int n = 36;
    int dims = 5;
    int permutations = 19;
    SplittableRandom r = new SplittableRandom(21);
    int[] labels = new int[n];
    double[][] x = new double[n][dims];
    StringBuilder in = new StringBuilder(n + " " + dims + " " + permutations + "\n");
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < dims; j++) {
        // weakly separated: a class offset of 0.6 on one dimension each, unit noise
        x[i][j] = (j == labels[i] ? 0.6 : 0) + r.nextGaussian();
        in.append(String.format(Locale.ROOT, "%.17g ", x[i][j]));
      }
    }
    in.append('\n');
    double[][] distance = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double s = 0;
        for (int j = 0; j < dims; j++) {
          s += (x[i][j] - x[k][j]) * (x[i][j] - x[k][j]);
        }
        distance[i][k] = Math.sqrt(s);
      }
    }
    RankedPairs ranked = RankedPairs.ofDissimilarity(distance);
    List<int[]> labellings = new ArrayList<>();
    List<Double> fits = new ArrayList<>();
    PermutationNull t = PermutationNull.of(labels, l -> {
      labellings.add(l);
      fits.add(ranked.tauA(l));
      return mean(ClassGeometry.silhouettes(distance, l, 3));
    }, permutations, 8);
    assertThat(labellings).hasSize(permutations + 1);
    for (int[] l : labellings) {
      for (int v : l) {
        in.append(v).append(' ');
      }
      in.append('\n');
    }
    Process p = new ProcessBuilder(python, "-c", SCRIPT).start();
    p.getOutputStream().write(in.toString().getBytes(StandardCharsets.US_ASCII));
    p.getOutputStream().close();
    String[] out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\n");
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(out).hasSize(permutations + 2);
    assertThat(Double.parseDouble(out[0])).as("the p-value by the same formula").isEqualTo(t.p());
    for (int k = 0; k <= permutations; k++) {
      String[] pair = out[k + 1].trim().split(" ");
      double silhouette = mean(ClassGeometry.silhouettes(distance, labellings.get(k), 3));
      assertThat(silhouette).as("silhouette, labelling " + k).isCloseTo(Double.parseDouble(pair[0]), within(1e-12));
      assertThat(fits.get(k)).as("tau_A, labelling " + k).isCloseTo(Double.parseDouble(pair[1]), within(1e-12));
    }
    assertThat(t.observed()).isCloseTo(Double.parseDouble(out[1].trim().split(" ")[0]), within(1e-12));
  }
}
