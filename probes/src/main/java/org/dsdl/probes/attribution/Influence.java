package org.dsdl.probes.attribution;

import java.util.List;
import org.dsdl.api.snapshot.FeatureMaps;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.LayerWeights;
import org.dsdl.api.snapshot.Snapshot;

/**
 * First-order influences of source units on target units' pre-activations. Every influence is
 * linear in the target's input: it is a fixed linear map of the input's <em>reduced form</em> z
 * (one value per kernel row: for a convolution the input summed over the positions each kernel
 * offset reads, divided by the output positions; for a dense layer the input itself), so the mean
 * over exemplars of their influences is the influence of the mean reduced input. Each exemplar is
 * reduced once ({@link #reduce}); a class, or any labelling's class, then costs a mean over its
 * exemplars' reduced inputs and one pass over the kernel ({@link #fromReduced}).
 */
final class Influence {
  private Influence() {}

  /**
   * Exemplar {@code row}'s input to the step's target: {@code [H·W·C]} (NHWC) for a spatial input,
   * {@code [C]} otherwise. A spatial input between pools is the captured pool's maps when the
   * snapshot holds them, else the source's maps max-pooled 2×2 with stride 2 once per pool.
   */
  static double[] input(Snapshot snapshot, Pathway.Step step, int row) {
    int size = step.sourceShape().stream().reduce(1, (a, b) -> a * b);
    if (!step.spatialSource()) {
      LayerCapture c = snapshot.layer(step.source());
      double[] x = new double[size];
      for (int j = 0; j < size; j++) {
        x[j] = c.activations().get(row, j);
      }
      return x;
    }
    String read = step.source();
    int poolsLeft = step.pools().size();
    for (int k = step.pools().size() - 1; k >= 0; k--) {
      LayerCapture pool = snapshot.layers().get(step.pools().get(k).name());
      if (pool != null && pool.maps() != null) {
        read = pool.layer().name();
        poolsLeft = step.pools().size() - 1 - k;
        break;
      }
    }
    FeatureMaps maps = snapshot.layer(read).wholeMaps().orElseThrow(() -> new IllegalStateException(
        "class-attribution needs the whole feature maps of layer " + step.source() + ", which were not captured"));
    double[] x = exemplar(maps, row);
    int h = maps.height();
    int w = maps.width();
    for (int p = 0; p < poolsLeft; p++) {
      x = maxPool(x, h, w, maps.channels());
      h /= 2;
      w /= 2;
    }
    if (x.length != size) {
      throw new IllegalStateException("layer " + step.target() + " reads " + step.sourceShape() + " but layer " + read + " gives "
          + x.length + " values");
    }
    return x;
  }

  private static double[] exemplar(FeatureMaps m, int r) {
    int size = m.height() * m.width() * m.channels();
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = m.data()[r * size + i];
    }
    return x;
  }

  /** 2×2 max-pool, stride 2, no padding (a trailing odd row or column is dropped), NHWC. */
  static double[] maxPool(double[] x, int h, int w, int c) {
    int oh = h / 2;
    int ow = w / 2;
    double[] out = new double[oh * ow * c];
    for (int y = 0; y < oh; y++) {
      for (int xx = 0; xx < ow; xx++) {
        for (int ch = 0; ch < c; ch++) {
          double m = Double.NEGATIVE_INFINITY;
          for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
              m = Math.max(m, x[((2 * y + dy) * w + 2 * xx + dx) * c + ch]);
            }
          }
          out[(y * ow + xx) * c + ch] = m;
        }
      }
    }
    return out;
  }

  /**
   * {@code [source unit][target unit]} influences of the mean input {@code in} (shape
   * {@code inShape}) through {@code w}: for a convolution (stride 1, 'same' zero padding) the mean
   * over the P = H·W output positions of the source map correlated with the kernel slice,
   * Σ_{dy,dx} W[dy,dx,j,i]·S_j(dy,dx) / P, S_j(dy,dx) the sum of j's map over the positions that
   * offset reads inside the map; for a dense layer reading a vector, in_j·W[j][i]; for a dense
   * layer reading flattened maps, Σ over positions q of in[q,j]·W[q·C + j][i] (each channel's
   * positions summed, so sources are channels). The same as {@link #fromReduced} of {@link #reduce}.
   */
  static double[][] of(double[] in, List<Integer> inShape, LayerWeights w, boolean convolution) {
    return fromReduced(reduce(in, inShape, w, convolution), inShape.get(inShape.size() - 1), w);
  }

  /**
   * The reduced form of input {@code in}, one value per kernel row: for a convolution
   * z[(dy·kw + dx)·C + j] = S_j(dy, dx) / P (see {@link #offsetSums}), for a dense layer the input
   * itself (row r = q·C + j of flattened maps). Linear in {@code in}.
   */
  static double[] reduce(double[] in, List<Integer> inShape, LayerWeights w, boolean convolution) {
    List<Integer> k = w.kernelShape();
    if (!convolution) {
      if (k.size() != 2 || k.get(0) != in.length) {
        throw new IllegalStateException("a kernel of shape " + k + " cannot read an input of shape " + inShape);
      }
      return in;
    }
    int h = inShape.get(0);
    int wd = inShape.get(1);
    int c = inShape.get(2);
    if (k.size() != 4 || k.get(2) != c) {
      throw new IllegalStateException("a kernel of shape " + k + " cannot read maps of shape " + inShape);
    }
    int kh = k.get(0);
    int kw = k.get(1);
    double[][] s = offsetSums(in, h, wd, c, kh, kw);
    double positions = (double) h * wd;
    double[] z = new double[kh * kw * c];
    for (int o = 0; o < kh * kw; o++) {
      for (int j = 0; j < c; j++) {
        z[o * c + j] = s[o][j] / positions;
      }
    }
    return z;
  }

  /**
   * {@code [source unit][target unit]} influences of a (mean) reduced input {@code z} through
   * {@code w}: I(j, i) = Σ over kernel rows r with r mod C = j of z[r]·W[r][i].
   */
  static double[][] fromReduced(double[] z, int channels, LayerWeights w) {
    List<Integer> k = w.kernelShape();
    int out = k.get(k.size() - 1);
    float[] kernel = w.kernel();
    if (z.length * out != kernel.length) {
      throw new IllegalStateException("a kernel of shape " + k + " has " + kernel.length / out + " rows, the input " + z.length);
    }
    double[][] inf = new double[channels][out];
    for (int r = 0; r < z.length; r++) {
      double a = z[r];
      if (a != 0) {
        double[] row = inf[r % channels];
        int base = r * out;
        for (int i = 0; i < out; i++) {
          row[i] += a * kernel[base + i];
        }
      }
    }
    return inf;
  }

  /**
   * S[dy·kw + dx][j]: the sum of channel j over the input positions that kernel offset (dy, dx)
   * reads, over all output positions of a stride-1 'same' convolution (TensorFlow's padding: ⌊(k−1)/2⌋
   * before, the rest after), positions in the zero padding contributing nothing.
   */
  static double[][] offsetSums(double[] in, int h, int w, int c, int kh, int kw) {
    // a summed-area table, P[u][v][j] = Σ of channel j over rows < u and columns < v: each offset's rectangle in 4 look-ups,
    // so an exemplar costs two passes over its map whatever the kernel size
    int stride = (w + 1) * c;
    double[] table = new double[(h + 1) * stride];
    double[] row = new double[c];
    for (int u = 1; u <= h; u++) {
      java.util.Arrays.fill(row, 0);
      for (int v = 1; v <= w; v++) {
        int from = ((u - 1) * w + v - 1) * c;
        int at = u * stride + v * c;
        int above = at - stride;
        for (int j = 0; j < c; j++) {
          row[j] += in[from + j];
          table[at + j] = table[above + j] + row[j];
        }
      }
    }
    int ph = (kh - 1) / 2;
    int pw = (kw - 1) / 2;
    double[][] s = new double[kh * kw][c];
    for (int dy = 0; dy < kh; dy++) {
      // output row y reads input row y + dy - ph; rows inside the map: u in [max(0, dy-ph), min(h-1, h-1+dy-ph)]
      int u0 = Math.max(0, dy - ph);
      int u1 = Math.min(h - 1, h - 1 + dy - ph);
      for (int dx = 0; dx < kw; dx++) {
        int v0 = Math.max(0, dx - pw);
        int v1 = Math.min(w - 1, w - 1 + dx - pw);
        if (u0 > u1 || v0 > v1) {
          continue;
        }
        double[] sums = s[dy * kw + dx];
        int a = (u1 + 1) * stride + (v1 + 1) * c;
        int b = u0 * stride + (v1 + 1) * c;
        int d = (u1 + 1) * stride + v0 * c;
        int e = u0 * stride + v0 * c;
        for (int j = 0; j < c; j++) {
          sums[j] = table[a + j] - table[b + j] - table[d + j] + table[e + j];
        }
      }
    }
    return s;
  }
}
