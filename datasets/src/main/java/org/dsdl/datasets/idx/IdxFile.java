package org.dsdl.datasets.idx;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.dsdl.api.data.DatasetException;

/**
 * An IDX file (the MNIST family's format): two zero bytes, a type code (0x08 = unsigned byte), the
 * number of dimensions, each dimension as a big-endian int, then the values. Plain or gzipped
 * (detected by content, not name).
 *
 * @param path where it was read from
 * @param dims the dimensions, e.g. {@code [60000, 28, 28]} or {@code [60000]}
 * @param data the unsigned byte values, row-major
 */
public record IdxFile(Path path, int[] dims, byte[] data) {

  /** Number of items (the first dimension). */
  public int count() {
    return dims[0];
  }

  /** Values per item (product of the other dimensions). */
  public int itemSize() {
    int n = 1;
    for (int i = 1; i < dims.length; i++) {
      n *= dims[i];
    }
    return n;
  }

  /**
   * Reads a whole file, checking its magic number and that it holds as many bytes as its header
   * promises.
   *
   * @param expectedRank 3 for images, 1 for labels
   */
  public static IdxFile read(Path path, int expectedRank) {
    if (!Files.isRegularFile(path)) {
      throw new DatasetException("IDX file " + path + " does not exist");
    }
    try (InputStream raw = open(path); DataInputStream in = new DataInputStream(raw)) {
      int magic;
      try {
        magic = in.readInt();
      } catch (EOFException e) {
        throw new DatasetException("IDX file " + path + " is empty or shorter than its 4-byte magic number");
      }
      int type = (magic >>> 8) & 0xFF;
      int rank = magic & 0xFF;
      if ((magic >>> 16) != 0 || type != 0x08) {
        throw new DatasetException(String.format("IDX file %s has magic number 0x%08X; expected 0x%08X (unsigned bytes, %d dimensions)",
            path, magic, 0x0800 | expectedRank, expectedRank));
      }
      if (rank != expectedRank) {
        throw new DatasetException("IDX file " + path + " has " + rank + " dimensions; expected " + expectedRank
            + (expectedRank == 3 ? " (images: count x rows x columns)" : " (labels: count)"));
      }
      int[] dims = new int[rank];
      long total = 1;
      for (int i = 0; i < rank; i++) {
        dims[i] = in.readInt();
        if (dims[i] < 0) {
          throw new DatasetException("IDX file " + path + " has a negative dimension " + dims[i]);
        }
        total *= dims[i];
      }
      if (total > Integer.MAX_VALUE - 16) {
        throw new DatasetException("IDX file " + path + " is too large to hold in memory (" + total + " values)");
      }
      byte[] data = new byte[(int) total];
      int read = in.readNBytes(data, 0, data.length);
      if (read < data.length) {
        throw new DatasetException("IDX file " + path + " is truncated: its header promises " + Arrays.toString(dims) + " = "
            + total + " values, but only " + read + " follow");
      }
      return new IdxFile(path, dims, data);
    } catch (EOFException e) {
      throw new DatasetException("IDX file " + path + " is truncated inside its header", e);
    } catch (IOException e) {
      throw new DatasetException("cannot read IDX file " + path + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(Path path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
  }
}
