package org.dsdl.visualizers.npy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.api.viz.Visualizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Arrays for re-analysis in NumPy/SciPy, written during a run (activations are not kept in the run
 * directory otherwise): {@code arrays/probe-labels.npy} (int32, N), {@code arrays/probe-ids.npy}
 * (int64, N), and per checkpoint k {@code arrays/ckpt-NNNN/LAYER.npy} (float32, N × units: exactly
 * the matrix the probes saw) and {@code arrays/ckpt-NNNN/logits.npy} (float32, N × classes).
 * Every file is written atomically.
 */
final class NpyVisualizer implements Visualizer {
  private static final Logger LOG = LoggerFactory.getLogger(NpyVisualizer.class);
  static final String DIR = "arrays";

  @Override
  public void checkpoint(Snapshot snapshot, Path runDirectory, Supplier<RunRecord> runSoFar) throws IOException {
    write(runDirectory, snapshot);
  }

  @Override
  public List<Path> render(RunRecord run) throws IOException {
    Path arrays = run.directory().resolve(DIR);
    if (!Files.isDirectory(arrays)) {
      LOG.warn("npy: {} has no arrays; they are written during a run with npy among its visualizers", run.directory());
      return List.of();
    }
    try (Stream<Path> files = Files.walk(arrays)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Writes one checkpoint's arrays under {@code runDir}. */
  static List<Path> write(Path runDir, Snapshot snapshot) throws IOException {
    List<Path> written = new ArrayList<>();
    Path arrays = runDir.resolve(DIR);
    Path ckpt = arrays.resolve(String.format("ckpt-%04d", snapshot.checkpoint().index()));
    Files.createDirectories(ckpt);
    Path labels = arrays.resolve("probe-labels.npy");
    if (!Files.exists(labels)) {
      OutputFiles.writeAtomically(labels, out -> Npy.writeInt32(out, snapshot.labels()));
      OutputFiles.writeAtomically(arrays.resolve("probe-ids.npy"), out -> Npy.writeInt64(out, snapshot.ids()));
      written.add(labels);
      written.add(arrays.resolve("probe-ids.npy"));
    }
    for (LayerCapture c : snapshot.layers().values()) {
      Path f = ckpt.resolve(c.layer().name() + ".npy");
      matrix(f, c.activations());
      written.add(f);
    }
    Path logits = ckpt.resolve("logits.npy");
    if (!snapshot.layers().containsKey("logits")) {
      matrix(logits, snapshot.logits());
      written.add(logits);
    }
    return written;
  }

  private static void matrix(Path f, FloatMatrix m) throws IOException {
    OutputFiles.writeAtomically(f, out -> Npy.writeFloat32(out, new int[] {m.rows(), m.cols()}, m.data()));
  }
}
