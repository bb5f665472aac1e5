package org.dsdl.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.dsdl.app.fakes.FakeModel;
import org.dsdl.app.fakes.Splits;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.RunProgress;
import org.junit.jupiter.api.Test;

/** The training loop on a fake model: which steps it takes, at which rates, and how it ends. */
class TrainingLoopTest {
  /** 10 exemplars in batches of 4: 3 steps an epoch (4, 4, 2); two epochs; checkpoints at steps 0, 1, 2, 3, 6. */
  private final BatchFeeder feeder = new BatchFeeder(Splits.of(10, 2), 4, 7);
  private final CheckpointSchedule schedule = CheckpointSchedule.of(feeder.stepsPerEpoch(), 2, 1, true);
  private final LongToDoubleFunction rates = step -> 0.5 / (1 + step);
  private final TrainingLoop loop = new TrainingLoop(feeder, rates, schedule);

  /** Checkpoints that record where they were called and list each checkpoint as measured. */
  private static final class Recorder implements TrainingLoop.Checkpoints {
    final List<Long> measuredAt = new ArrayList<>();
    final List<Long> stoppedAt = new ArrayList<>();

    @Override
    public RunProgress measure(RunProgress p) {
      measuredAt.add(p.step());
      var entry = new Manifest.CheckpointEntry(p.nextCheckpoint(), p.step(), 0, p.samplesSeen(), 0);
      return p.measured(entry, List.of(), Map.of("probe", 0.25));
    }

    @Override
    public RunProgress stopped(RunProgress p) {
      stoppedAt.add(p.step());
      return p;
    }
  }

  /** A progress listener that records steps and asks for a stop once {@code stopAt} steps are taken. */
  private static Progress stopping(long stopAt, StopSignal stop, List<Long> steps) {
    return new Progress() {
      @Override
      public void start(long totalSteps, int checkpoints) {}

      @Override
      public void step(long step, double loss, double accuracy) {
        steps.add(step);
        if (step == stopAt) {
          stop.request("test", 99);
        }
      }

      @Override
      public void checkpoint(int index, String summary) {}

      @Override
      public void close() {}
    };
  }

  @Test
  void trainsEveryStepAtItsRateOnItsBatchAndMeasuresEveryCheckpoint() throws IOException {
    assertThat(schedule.steps()).containsExactly(0L, 1L, 2L, 3L, 6L);
    FakeModel model = new FakeModel(List.of(), 2);
    Recorder checkpoints = new Recorder();
    List<Long> steps = new ArrayList<>();

    TrainingLoop.Outcome out = loop.run(model, RunProgress.START, checkpoints, stopping(-1, new StopSignal(), steps), new StopSignal());

    assertThat(out.ending()).isEqualTo(TrainingLoop.Ending.COMPLETED);
    assertThat(out.error()).isNull();
    assertThat(checkpoints.measuredAt).containsExactly(0L, 1L, 2L, 3L, 6L);
    assertThat(checkpoints.stoppedAt).isEmpty();
    assertThat(steps).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(model.steps()).extracting(FakeModel.Step::count).containsExactly(4, 4, 2, 4, 4, 2);
    assertThat(model.steps()).extracting(FakeModel.Step::learningRate)
        .containsExactly(rates.applyAsDouble(0), rates.applyAsDouble(1), rates.applyAsDouble(2), rates.applyAsDouble(3),
            rates.applyAsDouble(4), rates.applyAsDouble(5));
    // each epoch sees every exemplar once: the labels of an epoch's batches sum to those of the split
    long perEpoch = java.util.Arrays.stream(Splits.of(10, 2).labels()).sum();
    assertThat(model.steps().subList(0, 3).stream().mapToLong(FakeModel.Step::labelSum).sum()).isEqualTo(perEpoch);
    RunProgress p = out.progress();
    assertThat(p.step()).isEqualTo(6);
    assertThat(p.nextCheckpoint()).isEqualTo(5);
    assertThat(p.samplesSeen()).isEqualTo(20);
    assertThat(p.checkpoints()).extracting(Manifest.CheckpointEntry::step).containsExactly(0L, 1L, 2L, 3L, 6L);
    assertThat(p.probeSeconds()).containsEntry("probe", 5 * 0.25);
    assertThat(p.sessionSeconds()).as("the fake engine reports 1 µs a step").isEqualTo(6 * 1_000 / 1e9, org.assertj.core.api.Assertions.within(1e-15));
    // wall time: measured around each step (the fake's reported engine time is not real time, so no bound against it)
    assertThat(p.trainingSeconds()).isPositive();
  }

  @Test
  void aStopSavesThePositionAndEndsInterruptedBeforeTheNextStep() throws IOException {
    FakeModel model = new FakeModel(List.of(), 2);
    Recorder checkpoints = new Recorder();
    StopSignal stop = new StopSignal();

    TrainingLoop.Outcome out = loop.run(model, RunProgress.START, checkpoints, stopping(4, stop, new ArrayList<>()), stop);

    assertThat(out.ending()).isEqualTo(TrainingLoop.Ending.INTERRUPTED);
    assertThat(model.steps()).hasSize(4);
    assertThat(checkpoints.measuredAt).containsExactly(0L, 1L, 2L, 3L);
    assertThat(checkpoints.stoppedAt).containsExactly(4L);
    assertThat(out.progress().step()).isEqualTo(4);
    assertThat(out.progress().nextCheckpoint()).isEqualTo(4);
  }

  @Test
  void aNonFiniteLossFailsTheRunNamingTheStepAndTheRate() throws IOException {
    FakeModel model = new FakeModel(List.of(), 2).nanAtStep(2);
    Recorder checkpoints = new Recorder();

    TrainingLoop.Outcome out = loop.run(model, RunProgress.START, checkpoints, Progress.silent(), new StopSignal());

    assertThat(out.ending()).isEqualTo(TrainingLoop.Ending.FAILED);
    assertThat(out.error()).isEqualTo(String.format(java.util.Locale.ROOT,
        "the training loss became NaN at step 2 (learning rate %g); lower training.optimizer.learningRate", rates.applyAsDouble(1)));
    assertThat(model.steps()).hasSize(2);
    assertThat(checkpoints.measuredAt).as("the checkpoint at step 2 is not measured on a lost model").containsExactly(0L, 1L);
  }

  @Test
  void aRunContinuedFromASavedPositionTakesTheRemainingStepsOnTheSameBatches() throws IOException {
    FakeModel straight = new FakeModel(List.of(), 2);
    loop.run(straight, RunProgress.START, new Recorder(), Progress.silent(), new StopSignal());

    FakeModel resumed = new FakeModel(List.of(), 2);
    RunProgress at4 = new RunProgress(4, 4, feeder.samplesSeen(4), 1, 0.5, 0.25, Map.of(), 3, List.of(), List.of());
    Recorder checkpoints = new Recorder();
    TrainingLoop.Outcome out = loop.run(resumed, at4, checkpoints, Progress.silent(), new StopSignal());

    assertThat(out.ending()).isEqualTo(TrainingLoop.Ending.COMPLETED);
    assertThat(resumed.steps()).isEqualTo(straight.steps().subList(4, 6));
    assertThat(checkpoints.measuredAt).containsExactly(6L);
    assertThat(out.progress().samplesSeen()).isEqualTo(20);
    assertThat(out.progress().earlierSeconds()).isEqualTo(3);
  }
}
