package org.dsdl.app.rundir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dsdl.app.DsdlException;

/**
 * The file that holds the probes' saved states: the magic {@code DSDLPRB1}, a count, then per
 * probe its name (modified UTF-8), a length and that many bytes. Integrity is checked by the
 * SHA-256 that {@code trainer.json} records.
 */
final class ProbeStates {
  private static final byte[] MAGIC = "DSDLPRB1".getBytes(StandardCharsets.US_ASCII);

  private ProbeStates() {}

  static byte[] encode(Map<String, byte[]> states) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeInt(states.size());
      for (Map.Entry<String, byte[]> e : states.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        out.write(e.getValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static Map<String, byte[]> decode(byte[] bytes, Path file) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw DsdlException.badInput(file + " is not a dsdl probe-state file (it does not start with DSDLPRB1)");
      }
      int count = in.readInt();
      Map<String, byte[]> states = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
          throw DsdlException.badInput(file + " is truncated: probe '" + name + "' claims " + length + " bytes, " + in.available() + " remain");
        }
        states.put(name, in.readNBytes(length));
      }
      return states;
    } catch (IOException e) {
      throw DsdlException.badInput(file + " is truncated or corrupt: " + e.getMessage(), e);
    }
  }
}
