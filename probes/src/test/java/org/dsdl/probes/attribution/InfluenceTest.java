package org.dsdl.probes.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FeatureMaps;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class InfluenceTest {

  /** Kernel [3, 3, 2, 1]: value at (dy, dx, j). */
  private static int at(int dy, int dx, int j) {
    return (dy * 3 + dx) * 2 + j;
  }

  @Test
  void convolutionInfluenceByHandOnAFourByFourMap() {
    // channel 0: M(u, v) = 4u + v + 1 (1..16); channel 1: all ones. NHWC.
    double[] in = new double[4 * 4 * 2];
    for (int u = 0; u < 4; u++) {
      for (int v = 0; v < 4; v++) {
        in[(u * 4 + v) * 2] = 4 * u + v + 1;
        in[(u * 4 + v) * 2 + 1] = 1;
      }
    }
    // the same 3x3 kernel on both channels: centre 1, top-left (0,0) 2, bottom-right (2,2) -1
    float[] k = new float[3 * 3 * 2];
    for (int j = 0; j < 2; j++) {
      k[at(1, 1, j)] = 1;
      k[at(0, 0, j)] = 2;
      k[at(2, 2, j)] = -1;
    }
    // offset (1,1) reads every position: S = 136 (channel 0), 16 (channel 1).
    // offset (0,0): output (y,x) reads (y-1, x-1), inside for inputs rows 0..2 x cols 0..2:
    //   1+2+3 + 5+6+7 + 9+10+11 = 54 (channel 0), 9 (channel 1).
    // offset (2,2): reads (y+1, x+1), inputs rows 1..3 x cols 1..3: 6+7+8 + 10+11+12 + 14+15+16 = 99, and 9.
    // P = 16 output positions: channel 0: (136 + 2*54 - 99) / 16 = 145/16 = 9.0625; channel 1: (16 + 18 - 9) / 16 = 1.5625
    double[][] inf = Influence.of(in, List.of(4, 4, 2), new LayerWeights(List.of(3, 3, 2, 1), k, new float[1]), true);
    assertThat(inf[0][0]).isCloseTo(9.0625, within(1e-12));
    assertThat(inf[1][0]).isCloseTo(1.5625, within(1e-12));
  }

  @Test
  void denseInfluenceIsActivationTimesWeightAndFlattenedMapsSumToChannels() {
    // dense -> dense: a = (1, 2), W = [[1, -1], [0.5, 3]]: a_j W_ji = [[1, -1], [1, 6]]
    double[][] d = Influence.of(new double[] {1, 2}, List.of(2), new LayerWeights(List.of(2, 2), new float[] {1, -1, 0.5f, 3}, new float[2]), false);
    assertThat(d[0]).containsExactly(1, -1);
    assertThat(d[1]).containsExactly(1, 6);
    // flattened [2 positions x 2 channels]: rows r = position * 2 + channel, in = (1, 2, 3, 4), W = (1, 10, 100, 1000):
    // channel 0 = 1*1 + 3*100 = 301; channel 1 = 2*10 + 4*1000 = 4020
    double[][] f = Influence.of(new double[] {1, 2, 3, 4}, List.of(1, 2, 2), new LayerWeights(List.of(4, 1), new float[] {1, 10, 100, 1000}, new float[1]), false);
    assertThat(f[0][0]).isCloseTo(301, within(1e-9));
    assertThat(f[1][0]).isCloseTo(4020, within(1e-9));
  }

  /** Brute force: every exemplar's map convolved ('same', stride 1, TF padding) per source channel, averaged over positions and exemplars. */
  private static double[][] bruteForce(double[][] exemplars, int h, int w, int c, int kh, int kw, float[] k, int out) {
    int ph = (kh - 1) / 2;
    int pw = (kw - 1) / 2;
    double[][] inf = new double[c][out];
    for (double[] x : exemplars) {
      for (int y = 0; y < h; y++) {
        for (int xx = 0; xx < w; xx++) {
          for (int dy = 0; dy < kh; dy++) {
            for (int dx = 0; dx < kw; dx++) {
              int u = y + dy - ph;
              int v = xx + dx - pw;
              if (u < 0 || u >= h || v < 0 || v >= w) {
                continue;
              }
              for (int j = 0; j < c; j++) {
                for (int i = 0; i < out; i++) {
                  inf[j][i] += x[(u * w + v) * c + j] * k[((dy * kw + dx) * c + j) * out + i];
                }
              }
            }
          }
        }
      }
    }
    for (double[] row : inf) {
      for (int i = 0; i < out; i++) {
        row[i] /= (double) h * w * exemplars.length;
      }
    }
    return inf;
  }

  @Test
  void offsetSumFormulaEqualsABruteForceConvolutionAveragedOverExemplars() {
    SplittableRandom r = new SplittableRandom(5);
    int h = 5;
    int w = 6;
    int c = 3;
    int out = 4;
    for (int size : new int[] {1, 2, 3, 5}) {
      double[][] xs = new double[3][h * w * c];
      double[] mean = new double[h * w * c];
      for (double[] x : xs) {
        for (int q = 0; q < x.length; q++) {
          x[q] = r.nextDouble(-1, 2);
          mean[q] += x[q] / xs.length;
        }
      }
      float[] k = new float[size * size * c * out];
      for (int q = 0; q < k.length; q++) {
        k[q] = (float) r.nextGaussian();
      }
      double[][] fast = Influence.of(mean, List.of(h, w, c), new LayerWeights(List.of(size, size, c, out), k, new float[out]), true);
      double[][] slow = bruteForce(xs, h, w, c, size, size, k, out);
      for (int j = 0; j < c; j++) {
        for (int i = 0; i < out; i++) {
          assertThat(fast[j][i]).as("kernel %d, source %d, target %d", size, j, i).isCloseTo(slow[j][i], within(1e-9));
        }
      }
    }
  }

  @Test
  void aPoolBetweenIsRecomputedAsTwoByTwoMaxPoolingOrReadWhenCaptured() {
    // c1 [4, 4, 1] -> p1 [2, 2, 1] -> c2 [2, 2, 1]; one exemplar with map 4u + v + 1: pooled (6, 8, 14, 16)
    LayerInfo c1 = new LayerInfo("c1", LayerKind.CONV, List.of(4, 4, 1), 0);
    LayerInfo p1 = new LayerInfo("p1", LayerKind.POOL, List.of(2, 2, 1), 0);
    LayerInfo c2 = new LayerInfo("c2", LayerKind.CONV, List.of(2, 2, 1), 0);
    Pathway.Step step = Pathway.of(List.of(), List.of(c1, p1, c2)).steps().get(0);
    float[] map = new float[16];
    for (int q = 0; q < 16; q++) {
      map[q] = q + 1;
    }
    Map<String, LayerCapture> layers = new LinkedHashMap<>();
    layers.put("c1", new LayerCapture(c1, new FloatMatrix(1, 1, new float[] {8.5f}), new FeatureMaps(1, 4, 4, 1, map), null));
    Snapshot recomputed = new Snapshot(new Checkpoint(0, 0, 0, 0), List.of("a"), new int[1], new long[1], new FloatMatrix(1, 1, new float[1]), layers, Map.of());
    assertThat(Influence.input(recomputed, step, 0)).containsExactly(6, 8, 14, 16);
    // a captured pool is read as it is (here deliberately not the max, to see which was used)
    layers.put("p1", new LayerCapture(p1, new FloatMatrix(1, 1, new float[] {0}), new FeatureMaps(1, 2, 2, 1, new float[] {1, 2, 3, 4}), null));
    Snapshot captured = new Snapshot(new Checkpoint(0, 0, 0, 0), List.of("a"), new int[1], new long[1], new FloatMatrix(1, 1, new float[1]), layers, Map.of());
    assertThat(Influence.input(captured, step, 0)).containsExactly(1, 2, 3, 4);
  }
}
