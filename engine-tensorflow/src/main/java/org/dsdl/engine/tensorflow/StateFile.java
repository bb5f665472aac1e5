package org.dsdl.engine.tensorflow;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The engine's training-state file: a magic string and version, the number of steps taken, then each variable as (name,
 * shape, little-endian float32 values), then a CRC-32 of everything before it. Small, explicit and
 * checked, so a truncated or foreign file is refused with a precise reason.
 */
final class StateFile {
  private static final byte[] MAGIC = "DSDL-TF-STATE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  /** One saved variable. */
  record Entry(String name, long[] shape, float[] values) {}

  /** A whole state: steps taken and every variable. */
  record Contents(long steps, List<Entry> entries) {}

  private StateFile() {}

  static void write(OutputStream raw, long steps, List<Entry> entries) throws IOException {
    CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
    DataOutputStream out = new DataOutputStream(checked);
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(steps);
    out.writeInt(entries.size());
    for (Entry e : entries) {
      out.writeUTF(e.name());
      out.writeInt(e.shape().length);
      for (long d : e.shape()) {
        out.writeLong(d);
      }
      out.writeInt(e.values().length);
      ByteBuffer b = ByteBuffer.allocate(e.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(e.values());
      out.write(b.array());
    }
    out.flush();
    long crc = checked.getChecksum().getValue();
    new DataOutputStream(raw).writeLong(crc);
    raw.flush();
  }

  /** Reads and checks a whole state file; throws IllegalArgumentException naming the file and the defect. */
  static Contents read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("state file " + file + " does not exist");
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
      DataInputStream in = new DataInputStream(checked);
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException("state file " + file + " is not a dsdl TensorFlow state file (wrong magic bytes)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("state file " + file + " has version " + version + "; this engine reads version " + VERSION);
      }
      long steps = in.readLong();
      int count = in.readInt();
      List<Entry> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        long[] shape = new long[in.readInt()];
        for (int d = 0; d < shape.length; d++) {
          shape[d] = in.readLong();
        }
        int n = in.readInt();
        byte[] bytes = new byte[n * 4];
        in.readFully(bytes);
        float[] values = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        entries.add(new Entry(name, shape, values));
      }
      long expected = checked.getChecksum().getValue();
      long stored = new DataInputStream(raw).readLong();
      if (stored != expected) {
        throw new IllegalArgumentException("state file " + file + " is corrupt (checksum mismatch)");
      }
      return new Contents(steps, entries);
    } catch (EOFException e) {
      throw new IllegalArgumentException("state file " + file + " is truncated", e);
    }
  }
}
