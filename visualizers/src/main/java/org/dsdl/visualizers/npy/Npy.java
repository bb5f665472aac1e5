package org.dsdl.visualizers.npy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * NumPy's {@code .npy} format, version 1.0: the magic {@code \\x93NUMPY}, version 1.0, a little-endian
 * uint16 header length, a Python dict literal header ({@code descr}, {@code fortran_order},
 * {@code shape}) padded with spaces and a newline so that the data starts at a multiple of 64
 * bytes, then the values little-endian in C order.
 */
public final class Npy {
  private Npy() {}

  /** Writes a C-order float32 array of {@code shape}. */
  public static void writeFloat32(OutputStream out, int[] shape, float[] values) throws IOException {
    header(out, "<f4", shape, values.length);
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    out.write(b.array());
  }

  /** Writes an int32 vector. */
  public static void writeInt32(OutputStream out, int[] values) throws IOException {
    header(out, "<i4", new int[] {values.length}, values.length);
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    out.write(b.array());
  }

  /** Writes an int64 vector. */
  public static void writeInt64(OutputStream out, long[] values) throws IOException {
    header(out, "<i8", new int[] {values.length}, values.length);
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(values);
    out.write(b.array());
  }

  private static void header(OutputStream out, String descr, int[] shape, int count) throws IOException {
    long n = 1;
    StringBuilder dims = new StringBuilder();
    for (int d : shape) {
      n *= d;
      dims.append(d).append(", ");
    }
    if (n != count) {
      throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " needs " + n + " values, got " + count);
    }
    String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
    StringBuilder h = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }");
    int total = 10 + h.length() + 1;
    while (total % 64 != 0) {
      h.append(' ');
      total++;
    }
    h.append('\n');
    byte[] text = h.toString().getBytes(StandardCharsets.US_ASCII);
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (text.length & 0xFF), (byte) (text.length >> 8)});
    out.write(text);
  }
}
