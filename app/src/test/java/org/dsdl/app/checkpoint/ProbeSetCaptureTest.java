package org.dsdl.app.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.data.Split;
import org.dsdl.api.model.Model;
import org.dsdl.api.model.StepResult;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.Capture;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.app.fakes.Splits;
import org.junit.jupiter.api.Test;

class ProbeSetCaptureTest {
  /** Logits from each exemplar's own pixels ([p, 2 − p/4]), so they do not depend on the batch; records what it is given. */
  private static final class ForwardCounting implements Model {
    final List<long[]> passes = new ArrayList<>();

    @Override
    public Capture capture(Split exemplars, CaptureRequest request) {
      passes.add(exemplars.ids().clone());
      float[] logits = new float[exemplars.size() * 2];
      for (int i = 0; i < exemplars.size(); i++) {
        float p = exemplars.images()[i * exemplars.shape().size()];
        logits[2 * i] = p;
        logits[2 * i + 1] = 2 - p / 4;
      }
      return new Capture(Map.of(), new FloatMatrix(exemplars.size(), 2, logits));
    }

    long forwarded() {
      return passes.stream().mapToLong(p -> p.length).sum();
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
    public void saveState(Path file) {}

    @Override
    public void restoreState(Path file) {}

    @Override
    public void close() {}
  }

  private static final Checkpoint CP = new Checkpoint(3, 30, 0.5, 480);

  /** The evaluation of {@code split} computed on its own, in one pass of its own. */
  private static Evaluation alone(Split split) {
    return Evaluation.ofLogits("test", new ForwardCounting().capture(split, CaptureRequest.logitsOnly()).logits(), split.labels());
  }

  @Test
  void whenTheProbeSetIsTheHeldOutSplitItsCaptureGivesTheEvaluationInOnePass() {
    Split test = Splits.of(12, 2);
    Split train = Splits.of(8, 2);
    ProbeSetCapture c = new ProbeSetCapture(List.of("A", "B"), test, train, test.select(range(12)), CaptureRequest.logitsOnly());
    assertThat(c.heldOut()).isInstanceOf(HeldOutLogits.Captured.class);
    ForwardCounting model = new ForwardCounting();
    Snapshot s = c.take(model, CP);
    assertThat(model.forwarded()).as("each exemplar once: 12 held-out, 8 training").isEqualTo(20);
    Evaluation e = s.evaluation("test").orElseThrow();
    Evaluation expected = alone(test);
    assertThat(e.loss()).isEqualTo(expected.loss());
    assertThat(e.predicted()).containsExactly(expected.predicted());
    assertThat(e.labels()).containsExactly(test.labels());
    assertThat(s.evaluation("train").orElseThrow().labels()).containsExactly(train.labels());
    assertThat(s.logits().rows()).isEqualTo(12);
  }

  @Test
  void whenTheProbeSetIsPartOfTheHeldOutSplitOnlyTheOthersAreRunAgain() {
    Split test = Splits.of(12, 2);
    Split probe = test.select(new int[] {1, 4, 5, 9});
    ProbeSetCapture c = new ProbeSetCapture(List.of("A", "B"), test, Splits.of(0, 2), probe, CaptureRequest.logitsOnly());
    assertThat(c.heldOut()).isInstanceOf(HeldOutLogits.Completed.class);
    ForwardCounting model = new ForwardCounting();
    Snapshot s = c.take(model, CP);
    assertThat(model.forwarded()).as("each held-out exemplar once").isEqualTo(12);
    assertThat(model.passes.get(0)).containsExactly(101, 104, 105, 109);
    assertThat(model.passes.get(1)).containsExactly(100, 102, 103, 106, 107, 108, 110, 111);
    Evaluation e = s.evaluation("test").orElseThrow();
    Evaluation expected = alone(test);
    assertThat(e.loss()).isEqualTo(expected.loss());
    assertThat(e.predicted()).containsExactly(expected.predicted());
    assertThat(s.evaluation("train")).isEmpty();
    assertThat(s.ids()).containsExactly(101, 104, 105, 109);
  }

  @Test
  void theSameExemplarsInAnotherOrderAreMatchedById() {
    Split test = Splits.of(6, 2);
    Split probe = test.select(new int[] {5, 4, 3, 2, 1, 0});
    ProbeSetCapture c = new ProbeSetCapture(List.of("A", "B"), test, Splits.of(0, 2), probe, CaptureRequest.logitsOnly());
    ForwardCounting model = new ForwardCounting();
    Evaluation e = c.take(model, CP).evaluation("test").orElseThrow();
    assertThat(model.forwarded()).isEqualTo(6);
    assertThat(e.predicted()).containsExactly(alone(test).predicted());
    assertThat(e.loss()).isEqualTo(alone(test).loss());
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    Arrays.setAll(r, i -> i);
    return r;
  }
}
