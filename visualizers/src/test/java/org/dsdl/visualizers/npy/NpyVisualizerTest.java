package org.dsdl.visualizers.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyVisualizerTest {
  @TempDir
  Path dir;

  /** A reference reader written from NumPy's format description: magic, version, header dict, data. */
  record Array(String descr, boolean fortran, int[] shape, ByteBuffer data) {}

  static Array read(Path f) throws Exception {
    byte[] b = Files.readAllBytes(f);
    assertThat(b[0] & 0xFF).isEqualTo(0x93);
    assertThat(new String(b, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
    assertThat(b[6]).as("major version").isEqualTo((byte) 1);
    assertThat(b[7]).as("minor version").isEqualTo((byte) 0);
    int headerLength = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
    assertThat((10 + headerLength) % 64).as("data aligned to 64 bytes").isZero();
    String header = new String(b, 10, headerLength, StandardCharsets.US_ASCII);
    assertThat(header).endsWith("\n");
    Matcher m = Pattern.compile("\\{'descr': '([<>|][a-z]\\d)', 'fortran_order': (True|False), 'shape': \\(([0-9, ]*)\\), \\}").matcher(header.trim());
    assertThat(m.matches()).as(header).isTrue();
    String[] dims = m.group(3).split(",");
    int[] shape = java.util.Arrays.stream(dims).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    return new Array(m.group(1), m.group(2).equals("True"), shape,
        ByteBuffer.wrap(b, 10 + headerLength, b.length - 10 - headerLength).slice().order(ByteOrder.LITTLE_ENDIAN));
  }

  @Test
  void writesWhatTheProbesSawAsStandardNpy() throws Exception {
    float[] acts = {1.5f, -2, 0, 3.25f, 4, 5};
    Map<String, LayerCapture> layers = new LinkedHashMap<>();
    layers.put("fc1", new LayerCapture(new LayerInfo("fc1", LayerKind.DENSE, List.of(3), 0), new FloatMatrix(2, 3, acts), null, null));
    Snapshot s = new Snapshot(new Checkpoint(7, 70, 1, 700), List.of("a", "b"), new int[] {1, 0}, new long[] {10_000_000_000L, 3},
        new FloatMatrix(2, 2, new float[] {0.1f, 0.9f, 0.8f, 0.2f}), layers, Map.of());
    new NpyVisualizer().checkpoint(s, dir, () -> null);

    Array a = read(dir.resolve("arrays/ckpt-0007/fc1.npy"));
    assertThat(a.descr()).isEqualTo("<f4");
    assertThat(a.fortran()).isFalse();
    assertThat(a.shape()).containsExactly(2, 3);
    float[] back = new float[6];
    a.data().asFloatBuffer().get(back);
    assertThat(back).containsExactly(acts);
    Array logits = read(dir.resolve("arrays/ckpt-0007/logits.npy"));
    assertThat(logits.shape()).containsExactly(2, 2);
    assertThat(logits.data().getFloat(4)).isEqualTo(0.9f);
    Array labels = read(dir.resolve("arrays/probe-labels.npy"));
    assertThat(labels.descr()).isEqualTo("<i4");
    assertThat(labels.shape()).containsExactly(2);
    assertThat(labels.data().getInt(0)).isEqualTo(1);
    Array ids = read(dir.resolve("arrays/probe-ids.npy"));
    assertThat(ids.descr()).isEqualTo("<i8");
    assertThat(ids.data().getLong(0)).isEqualTo(10_000_000_000L);
    assertThat(new NpyVisualizer().render(org.dsdl.visualizers.fixture.Runs.sample(dir))).contains(dir.resolve("arrays/ckpt-0007/fc1.npy"));
  }
}
