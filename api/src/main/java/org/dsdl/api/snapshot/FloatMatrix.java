package org.dsdl.api.snapshot;

/**
 * A dense row-major float matrix, e.g. activations {@code [exemplars × units]}.
 *
 * <p>The array is shared for speed: treat it as read-only.
 *
 * @param rows number of rows
 * @param cols number of columns
 * @param data {@code rows * cols} values, row-major
 */
public record FloatMatrix(int rows, int cols, float[] data) {
  /** Checks the array length. */
  public FloatMatrix {
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException(rows + "x" + cols + " matrix needs " + (long) rows * cols + " values, got " + data.length);
    }
  }

  /** The value at row {@code i}, column {@code j}. */
  public float get(int i, int j) {
    return data[i * cols + j];
  }

  /** A copy of row {@code i}. */
  public float[] row(int i) {
    float[] r = new float[cols];
    System.arraycopy(data, i * cols, r, 0, cols);
    return r;
  }

  /** A copy of column {@code j}. */
  public float[] column(int j) {
    float[] c = new float[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = data[i * cols + j];
    }
    return c;
  }

  /** Index of the largest value in row {@code i} (first one on ties). */
  public int argmaxOfRow(int i) {
    int best = 0;
    for (int j = 1; j < cols; j++) {
      if (data[i * cols + j] > data[i * cols + best]) {
        best = j;
      }
    }
    return best;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatMatrix m && rows == m.rows && cols == m.cols && java.util.Arrays.equals(data, m.data);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "FloatMatrix[" + rows + "x" + cols + "]";
  }
}
