package org.dsdl.app.rundir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dsdl.api.data.Split;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.model.Model;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.model.StepResult;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Evaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir
  Path run;

  /** A model whose state is a string; it can be told to die half-way through writing it. */
  private static final class FakeModel implements Model {
    final String state;
    final boolean crash;

    FakeModel(String state, boolean crash) {
      this.state = state;
      this.crash = crash;
    }

    @Override
    public void saveState(Path file) throws IOException {
      OutputFiles.writeAtomically(file, out -> {
        byte[] b = state.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, crash ? b.length / 2 : b.length);
        if (crash) {
          throw new IOException("killed while writing");
        }
      });
    }

    @Override
    public LayerGraph graph() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long parameterCount() {
      return 0;
    }

    @Override
    public StepResult trainStep(float[] images, int[] labels, int count, double learningRate) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Evaluation evaluate(String name, Split split) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Capture capture(Split exemplars, CaptureRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void restoreState(Path file) {}

    @Override
    public void close() {}
  }

  private static TrainerState at(long step, int next) {
    return new TrainerState(TrainerState.FORMAT, step, next, step * 16, "cfg", null, null, 1, 1, 1, Map.of(), 2, null, null, 0, null, null);
  }

  @Test
  void aCrashWhileWritingStateLeavesThePreviousStateReadable() throws Exception {
    StateStore.save(run, new FakeModel("state at step 40", false), at(40, 5));
    TrainerState before = StateStore.load(run, "cfg");

    assertThatThrownBy(() -> StateStore.save(run, new FakeModel("state at step 80, much longer", true), at(80, 7)))
        .hasMessageContaining("killed while writing");

    TrainerState after = StateStore.load(run, "cfg");
    assertThat(after).isEqualTo(before);
    assertThat(after.step()).isEqualTo(40);
    assertThat(Files.readString(StateStore.engineStateOf(run, after))).isEqualTo("state at step 40");
    try (var files = Files.list(run.resolve(StateStore.DIR))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("trainer.json", "ckpt-0005-s40.bin");
    }
  }

  @Test
  void aNewSaveReplacesTheOldStateFile() throws Exception {
    StateStore.save(run, new FakeModel("a", false), at(40, 5));
    StateStore.save(run, new FakeModel("b", false), at(80, 7));
    TrainerState s = StateStore.load(run, "cfg");
    assertThat(s.step()).isEqualTo(80);
    assertThat(s.engineState()).isEqualTo("ckpt-0007-s80.bin");
    try (var files = Files.list(run.resolve(StateStore.DIR))) {
      assertThat(files).hasSize(2);
    }
    assertThatThrownBy(() -> StateStore.load(run, "other")).hasMessageContaining("another config");
  }
}
