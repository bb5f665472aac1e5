package org.dsdl.datasets.idx;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxFixtures {
  private IdxFixtures() {}

  /** Images n×rows×cols where pixel (i, y, x) = (i * 7 + y * cols + x) mod 256. */
  static byte[] images(int n, int rows, int cols) {
    byte[] b = new byte[n * rows * cols];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < rows * cols; p++) {
        b[i * rows * cols + p] = (byte) ((i * 7 + p) % 256);
      }
    }
    return b;
  }

  static void write(Path file, int magic, int[] dims, byte[] data, boolean gzip) throws IOException {
    try (OutputStream raw = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(raw)) {
      out.writeInt(magic);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(data);
    }
  }

  /** Four files for {@code classes} classes, {@code perClass} training and {@code testPerClass} held-out exemplars each (labels cycle). */
  static void dataset(Path dir, int classes, int perClass, int testPerClass, boolean gzip) throws IOException {
    String ext = gzip ? ".gz" : "";
    int n = classes * perClass;
    int m = classes * testPerClass;
    write(dir.resolve("train-images-idx3-ubyte" + ext), 0x0803, new int[] {n, 4, 4}, images(n, 4, 4), gzip);
    write(dir.resolve("train-labels-idx1-ubyte" + ext), 0x0801, new int[] {n}, labels(n, classes), gzip);
    write(dir.resolve("t10k-images-idx3-ubyte" + ext), 0x0803, new int[] {m, 4, 4}, images(m, 4, 4), gzip);
    write(dir.resolve("t10k-labels-idx1-ubyte" + ext), 0x0801, new int[] {m}, labels(m, classes), gzip);
  }

  static byte[] labels(int n, int classes) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i % classes);
    }
    return b;
  }
}
