package org.dsdl.probes.attribution;

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
import org.dsdl.api.snapshot.LayerWeights;
import org.junit.jupiter.api.Test;

/**
 * The influences against NumPy: a 'same' convolution by explicit zero padding and shifted slices
 * per source channel, and a flattened dense layer by reshaping. Runs when {@code python3} with
 * NumPy is installed (Debian: {@code python3-numpy}); skipped otherwise.
 */
class NumpyCrossCheckTest {
  private static final String SCRIPT = String.join("\n",
      "import sys, numpy as np",
      "v = [float(t) for t in sys.stdin.read().split()]",
      "h, w, c, o, k = (int(t) for t in v[:5]); v = v[5:]",
      "x = np.array(v[:h*w*c]).reshape(h, w, c); v = v[h*w*c:]",
      "W = np.array(v[:k*k*c*o]).reshape(k, k, c, o); v = v[k*k*c*o:]",
      "p0 = (k - 1) // 2",
      "xp = np.pad(x, ((p0, k - 1 - p0), (p0, k - 1 - p0), (0, 0)))",
      "inf = np.zeros((c, o))",
      "for dy in range(k):",
      "    for dx in range(k):",
      "        window = xp[dy:dy + h, dx:dx + w, :]",
      "        inf += np.einsum('yxj,ji->ji', window, W[dy, dx]) / (h * w)",
      "D = np.array(v[:h*w*c*o]).reshape(h * w * c, o)",
      "dense = np.einsum('qj,qji->ji', x.reshape(h * w, c), D.reshape(h * w, c, o))",
      "print(' '.join(repr(float(t)) for t in np.concatenate([inf.ravel(), dense.ravel()])))");

  private static boolean numpy() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void convolutionAndFlattenedDenseInfluencesMatchNumpy() throws Exception {
    assumeTrue(numpy(), "python3 with numpy is not installed");
    SplittableRandom r = new SplittableRandom(11);
    int h = 5;
    int w = 4;
    int c = 3;
    int o = 2;
    int k = 3;
    double[] x = new double[h * w * c];
    float[] kernel = new float[k * k * c * o];
    float[] dense = new float[h * w * c * o];
    StringBuilder in = new StringBuilder(h + " " + w + " " + c + " " + o + " " + k);
    for (int q = 0; q < x.length; q++) {
      x[q] = r.nextDouble(-1, 1);
      in.append(' ').append(String.format(Locale.ROOT, "%.17g", x[q]));
    }
    for (int q = 0; q < kernel.length; q++) {
      kernel[q] = (float) r.nextGaussian();
      in.append(' ').append(String.format(Locale.ROOT, "%.17g", (double) kernel[q]));
    }
    for (int q = 0; q < dense.length; q++) {
      dense[q] = (float) r.nextGaussian();
      in.append(' ').append(String.format(Locale.ROOT, "%.17g", (double) dense[q]));
    }
    Process p = new ProcessBuilder("python3", "-c", SCRIPT).start();
    p.getOutputStream().write(in.toString().getBytes(StandardCharsets.US_ASCII));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    List<Double> numpy = new ArrayList<>();
    for (String t : out.split("\\s+")) {
      numpy.add(Double.parseDouble(t));
    }
    double[][] conv = Influence.of(x, List.of(h, w, c), new LayerWeights(List.of(k, k, c, o), kernel, new float[o]), true);
    double[][] flat = Influence.of(x, List.of(h, w, c), new LayerWeights(List.of(h * w * c, o), dense, new float[o]), false);
    assertThat(numpy).hasSize(2 * c * o);
    for (int j = 0; j < c; j++) {
      for (int i = 0; i < o; i++) {
        assertThat(conv[j][i]).as("conv %d->%d", j, i).isCloseTo(numpy.get(j * o + i), within(1e-9));
        assertThat(flat[j][i]).as("dense %d->%d", j, i).isCloseTo(numpy.get(c * o + j * o + i), within(1e-9));
      }
    }
  }
}
