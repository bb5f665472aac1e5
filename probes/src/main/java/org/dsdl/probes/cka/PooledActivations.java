package org.dsdl.probes.cka;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.snapshot.FloatMatrix;

/**
 * One checkpoint's pooled activations on disk: a count of layers, then per layer its name, rows,
 * columns and rows × columns big-endian floats. Written atomically.
 */
final class PooledActivations {
  private PooledActivations() {}

  static void write(Path file, Map<String, FloatMatrix> layers) throws IOException {
    Files.createDirectories(file.getParent());
    OutputFiles.writeAtomically(file, raw -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
      out.writeInt(layers.size());
      for (Map.Entry<String, FloatMatrix> e : layers.entrySet()) {
        FloatMatrix m = e.getValue();
        out.writeUTF(e.getKey());
        out.writeInt(m.rows());
        out.writeInt(m.cols());
        ByteBuffer b = ByteBuffer.allocate(m.rows() * m.cols() * Float.BYTES);
        b.asFloatBuffer().put(m.data(), 0, m.rows() * m.cols());
        out.write(b.array());
      }
      out.flush();
    });
  }

  static Map<String, FloatMatrix> read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int count = in.readInt();
      Map<String, FloatMatrix> layers = new LinkedHashMap<>();
      for (int l = 0; l < count; l++) {
        String name = in.readUTF();
        int rows = in.readInt();
        int cols = in.readInt();
        byte[] bytes = in.readNBytes(rows * cols * Float.BYTES);
        if (bytes.length != rows * cols * Float.BYTES) {
          throw new IOException(file + " is truncated in layer " + name);
        }
        float[] data = new float[rows * cols];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(data);
        layers.put(name, new FloatMatrix(rows, cols, data));
      }
      return layers;
    }
  }
}
