package org.dsdl.probes.linear;

/**
 * Multinomial logistic regression with an L2 penalty, fitted by L-BFGS: minimises
 * Σ_i −log p(y_i | x_i) + ‖W‖² / (2C), the intercepts unpenalised — scikit-learn's
 * {@code LogisticRegression(C=…)} objective. Small and dependency-free on purpose: the probe fits
 * a few hundred exemplars of a few hundred features, many times per run.
 */
final class LogisticRegression {
  /**
   * Curvature pairs L-BFGS keeps. More than scipy's 10: these problems are ill-conditioned (nearly
   * collinear units), and on the default experiment's checkpoints 30 pairs reach the same tolerance
   * in about a quarter fewer evaluations (19.6 instead of 26.7 per fit), for about 5% more arithmetic
   * per iteration (the two-loop recursion against one evaluation).
   */
  private static final int MEMORY = 30;
  private final int features;
  private final int classes;
  /** Weights {@code [class][feature]}, then the intercepts. */
  final double[] theta;

  private LogisticRegression(int features, int classes, double[] theta) {
    this.features = features;
    this.classes = classes;
    this.theta = theta;
  }

  /** Weight of {@code feature} for {@code klass}. */
  double weight(int klass, int feature) {
    return theta[klass * features + feature];
  }

  /** Predicted class of each row of {@code x} ({@code rows × features}, row-major). */
  int[] predict(double[] x, int rows) {
    int[] out = new int[rows];
    double[] z = new double[classes];
    for (int i = 0; i < rows; i++) {
      logits(theta, x, i, z);
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (z[c] > z[best]) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  private void logits(double[] t, double[] x, int i, double[] z) {
    int o = i * features;
    for (int c = 0; c < classes; c++) {
      double s = t[classes * features + c];
      int w = c * features;
      for (int j = 0; j < features; j++) {
        s += t[w + j] * x[o + j];
      }
      z[c] = s;
    }
  }

  /**
   * The training data in both layouts, and buffers reused by every evaluation, so that both inner
   * loops are contiguous multiply-adds the JIT vectorises.
   */
  private static final class Problem {
    final double[] x;
    final double[] xt;
    final int[] y;
    final int rows;
    final int features;
    final int classes;
    final double c;
    final double[][] z;

    Problem(double[] x, int[] y, int rows, int features, int classes, double c) {
      this.x = x;
      this.y = y;
      this.rows = rows;
      this.features = features;
      this.classes = classes;
      this.c = c;
      this.xt = new double[x.length];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < features; j++) {
          xt[j * rows + i] = x[i * features + j];
        }
      }
      this.z = new double[classes][rows];
    }

    /**
     * The objective scaled by 1/rows, as scikit-learn scales it (the minimiser is the same), at
     * {@code t}; its gradient is written into {@code grad}.
     */
    double objective(double[] t, double[] grad) {
      logits(t);
      java.util.Arrays.fill(grad, 0);
      int bias = classes * features;
      double f = 0;
      // softmax, loss, and each exemplar's residual p - onehot in place of its logits
      for (int i = 0; i < rows; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
          max = Math.max(max, z[c][i]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          double e = Math.exp(z[c][i] - max);
          z[c][i] = e;
          sum += e;
        }
        f -= Math.log(z[y[i]][i] / sum);
        for (int c = 0; c < classes; c++) {
          double r = z[c][i] / sum - (c == y[i] ? 1 : 0);
          z[c][i] = r;
          grad[bias + c] += r;
        }
      }
      residualProducts(grad);
      for (int p = 0; p < bias; p++) {
        f += t[p] * t[p] / (2 * c);
        grad[p] += t[p] / c;
      }
      double scale = 1.0 / rows;
      for (int p = 0; p < grad.length; p++) {
        grad[p] *= scale;
      }
      return f * scale;
    }

    /**
     * z[c] = X w_c + b_c, feature-major over {@code xt}: four features per pass, so each pass
     * over z does four multiply-adds per element (the pass, not the arithmetic, is what costs).
     */
    private void logits(double[] t) {
      int k = features;
      for (int c = 0; c < classes; c++) {
        java.util.Arrays.fill(z[c], t[classes * k + c]);
      }
      int j = 0;
      for (; j + 3 < k; j += 4) {
        int o0 = j * rows;
        int o1 = o0 + rows;
        int o2 = o1 + rows;
        int o3 = o2 + rows;
        for (int c = 0; c < classes; c++) {
          int b = c * k + j;
          double w0 = t[b];
          double w1 = t[b + 1];
          double w2 = t[b + 2];
          double w3 = t[b + 3];
          double[] zc = z[c];
          for (int i = 0; i < rows; i++) {
            zc[i] += (w0 * xt[o0 + i] + w1 * xt[o1 + i]) + (w2 * xt[o2 + i] + w3 * xt[o3 + i]);
          }
        }
      }
      for (; j < k; j++) {
        int o = j * rows;
        for (int c = 0; c < classes; c++) {
          double w = t[c * k + j];
          double[] zc = z[c];
          for (int i = 0; i < rows; i++) {
            zc[i] += w * xt[o + i];
          }
        }
      }
    }

    /** grad[c][j] += Σ_i z[c][i] x[i][j] (z holding residuals), row-major over {@code x}, four exemplars per pass. */
    private void residualProducts(double[] grad) {
      int k = features;
      int i = 0;
      for (; i + 3 < rows; i += 4) {
        int o0 = i * k;
        int o1 = o0 + k;
        int o2 = o1 + k;
        int o3 = o2 + k;
        for (int c = 0; c < classes; c++) {
          double[] zc = z[c];
          double r0 = zc[i];
          double r1 = zc[i + 1];
          double r2 = zc[i + 2];
          double r3 = zc[i + 3];
          int w = c * k;
          for (int j = 0; j < k; j++) {
            grad[w + j] += (r0 * x[o0 + j] + r1 * x[o1 + j]) + (r2 * x[o2 + j] + r3 * x[o3 + j]);
          }
        }
      }
      for (; i < rows; i++) {
        int o = i * k;
        for (int c = 0; c < classes; c++) {
          double r = z[c][i];
          int w = c * k;
          for (int j = 0; j < k; j++) {
            grad[w + j] += r * x[o + j];
          }
        }
      }
    }
  }

  /**
   * Fits the model.
   *
   * @param x {@code rows × features} values, row-major
   * @param y labels in 0..classes-1
   * @param c inverse penalty strength (scikit-learn's C)
   * @param maxIterations L-BFGS iterations at most
   * @param tolerance stop when the largest gradient component of the objective divided by
   *     {@code rows} is below it (scikit-learn's {@code tol} for {@code lbfgs})
   */
  static LogisticRegression fit(double[] x, int[] y, int rows, int features, int classes, double c, int maxIterations, double tolerance) {
    return fit(x, y, rows, features, classes, c, maxIterations, tolerance, new double[classes * (features + 1)]);
  }

  /**
   * Fits the model starting from {@code start} (weights {@code [class][feature]}, then the
   * intercepts; not modified). The objective is strictly convex, so the start changes only how
   * many iterations the fit takes, not the optimum it approaches.
   */
  static LogisticRegression fit(double[] x, int[] y, int rows, int features, int classes, double c, int maxIterations, double tolerance,
      double[] start) {
    int n = classes * (features + 1);
    LogisticRegression model = new LogisticRegression(features, classes, start.clone());
    Problem problem = new Problem(x, y, rows, features, classes, c);
    double[] t = model.theta;
    double[] g = new double[n];
    double f = problem.objective(t, g);
    int memory = MEMORY;
    double[][] s = new double[memory][];
    double[][] yy = new double[memory][];
    double[] rho = new double[memory];
    int stored = 0;
    double[] next = new double[n];
    double[] gNext = new double[n];
    for (int iter = 0; iter < maxIterations && maxAbs(g) > tolerance; iter++) {
      double[] d = direction(g, s, yy, rho, stored, memory);
      double slope = dot(g, d);
      if (slope >= 0) {
        for (int p = 0; p < n; p++) {
          d[p] = -g[p];
        }
        slope = dot(g, d);
        stored = 0;
      }
      // the first step has no curvature yet: a unit move at most (a warm start sits close to the optimum)
      double step = iter == 0 ? Math.min(1, 1 / Math.max(1e-12, Math.sqrt(dot(g, g)))) : 1;
      double fNext = 0;
      boolean accepted = false;
      for (int k = 0; k < 40; k++) {
        for (int p = 0; p < n; p++) {
          next[p] = t[p] + step * d[p];
        }
        fNext = problem.objective(next, gNext);
        if (fNext <= f + 1e-4 * step * slope) {
          accepted = true;
          break;
        }
        step /= 2;
      }
      if (!accepted) {
        break;
      }
      double[] sk = new double[n];
      double[] yk = new double[n];
      for (int p = 0; p < n; p++) {
        sk[p] = next[p] - t[p];
        yk[p] = gNext[p] - g[p];
      }
      double sy = dot(sk, yk);
      if (sy > 1e-10) {
        int slot = stored < memory ? stored++ : shift(s, yy, rho, memory);
        s[slot] = sk;
        yy[slot] = yk;
        rho[slot] = 1 / sy;
      }
      System.arraycopy(next, 0, t, 0, n);
      System.arraycopy(gNext, 0, g, 0, n);
      f = fNext;
    }
    return model;
  }

  /** Drops the oldest pair, returns the freed last slot. */
  private static int shift(double[][] s, double[][] y, double[] rho, int memory) {
    for (int k = 1; k < memory; k++) {
      s[k - 1] = s[k];
      y[k - 1] = y[k];
      rho[k - 1] = rho[k];
    }
    return memory - 1;
  }

  /** L-BFGS two-loop recursion: −H g. */
  private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored, int memory) {
    double[] q = g.clone();
    double[] alpha = new double[memory];
    for (int k = stored - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], q);
      for (int p = 0; p < q.length; p++) {
        q[p] -= alpha[k] * y[k][p];
      }
    }
    if (stored > 0) {
      double gamma = dot(s[stored - 1], y[stored - 1]) / dot(y[stored - 1], y[stored - 1]);
      for (int p = 0; p < q.length; p++) {
        q[p] *= gamma;
      }
    }
    for (int k = 0; k < stored; k++) {
      double beta = rho[k] * dot(y[k], q);
      for (int p = 0; p < q.length; p++) {
        q[p] += s[k][p] * (alpha[k] - beta);
      }
    }
    for (int p = 0; p < q.length; p++) {
      q[p] = -q[p];
    }
    return q;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
