package org.dsdl.app.rundir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private List<String> stateFiles() throws IOException {
    try (var files = Files.list(run.resolve(StateStore.DIR))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void anEngineFileWrittenAheadIsTheStateOnlyOnceCommittedAndLaterOnesSurviveACommit() throws Exception {
    // probes beside training: the states of checkpoints 5 and 6 are written before 5's probes are done
    StateStore.save(run, new FakeModel("a", false), at(40, 4));
    String five = StateStore.saveEngine(run, new FakeModel("b", false), 5, 60);
    String six = StateStore.saveEngine(run, new FakeModel("c", false), 6, 70);
    assertThat(StateStore.load(run, "cfg").step()).as("not committed: a kill now resumes from the last commit").isEqualTo(40);

    StateStore.commit(run, five, at(60, 5), Map.of(), new WorkFiles());
    TrainerState s = StateStore.load(run, "cfg");
    assertThat(s.step()).isEqualTo(60);
    assertThat(Files.readString(StateStore.engineStateOf(run, s))).isEqualTo("b");
    assertThat(stateFiles()).as("the earlier save is gone, the later checkpoint's file is kept for its commit")
        .containsExactly("ckpt-0005-s60.bin", "ckpt-0006-s70.bin", "trainer.json");

    assertThatThrownBy(() -> StateStore.commit(run, six, at(80, 6), Map.of(), new WorkFiles()))
        .hasMessageContaining("is not the one of checkpoint 6 at step 80");
    StateStore.commit(run, six, at(70, 6), Map.of(), new WorkFiles());
    assertThat(stateFiles()).containsExactly("ckpt-0006-s70.bin", "trainer.json");
    // a stop between checkpoints saves at the same checkpoint index, a later step: the earlier file goes
    StateStore.save(run, new FakeModel("d", false), at(75, 6));
    assertThat(stateFiles()).containsExactly("ckpt-0006-s75.bin", "trainer.json");
  }
}
