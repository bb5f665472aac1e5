package org.dsdl.app.training;

import java.io.IOException;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;
import org.dsdl.api.model.Model;
import org.dsdl.api.model.StepResult;
import org.dsdl.app.rundir.RunProgress;

/**
 * Trains a model from a {@link RunProgress} to the end of the {@link CheckpointSchedule}: at each
 * scheduled step it hands the progress to the {@link Checkpoints} (which measure and save), between
 * them it takes one optimisation step on the {@link BatchFeeder}'s batch at the learning rate of
 * that step (a {@link LearningRateSchedule}'s). It stops early when a {@link StopSignal} asks (after letting
 * the checkpoints save the position) or when the loss is no longer a finite number.
 */
public final class TrainingLoop {
  private final BatchFeeder feeder;
  private final LongToDoubleFunction rates;
  private final CheckpointSchedule schedule;

  /**
   * A loop over {@code schedule}'s steps, fed by {@code feeder}.
   *
   * @param rates the learning rate of the step that follows a number of completed steps
   */
  public TrainingLoop(BatchFeeder feeder, LongToDoubleFunction rates, CheckpointSchedule schedule) {
    this.feeder = feeder;
    this.rates = rates;
    this.schedule = schedule;
  }

  /** What happens at the loop's checkpoints and at a stop. */
  public interface Checkpoints {
    /**
     * Measures checkpoint {@code progress.nextCheckpoint()} at step {@code progress.step()}.
     *
     * @return the progress after it (its next checkpoint the one after)
     */
    RunProgress measure(RunProgress progress) throws IOException;

    /** Saves the position of a run that stops here; returns the progress after saving. */
    RunProgress stopped(RunProgress progress) throws IOException;

    /**
     * Called when training ends without a stop (completed, or the loss was lost): checkpoints still
     * being measured beside training are finished; returns the progress with their record.
     */
    default RunProgress ended(RunProgress progress) throws IOException {
      return progress;
    }
  }

  /** How training ended. */
  public enum Ending {
    /** Every step was taken and every checkpoint measured. */
    COMPLETED,
    /** A {@link StopSignal} stopped it; the position was saved. */
    INTERRUPTED,
    /** The loss became NaN or infinite. */
    FAILED
  }

  /**
   * The end of a training session.
   *
   * @param ending how it ended
   * @param progress where the run stands
   * @param error why it failed, for {@link Ending#FAILED}; else null
   */
  public record Outcome(Ending ending, RunProgress progress, String error) {}

  /** Trains {@code model} from {@code from} until the schedule ends, a stop is asked for, or the loss is lost. */
  public Outcome run(Model model, RunProgress from, Checkpoints checkpoints, Progress progress, StopSignal stop) throws IOException {
    RunProgress p = from;
    progress.start(schedule.totalSteps(), schedule.size());
    try {
      while (true) {
        if (p.nextCheckpoint() < schedule.size() && schedule.steps().get(p.nextCheckpoint()) == p.step()) {
          p = checkpoints.measure(p);
        }
        if (p.step() >= schedule.totalSteps()) {
          return new Outcome(Ending.COMPLETED, checkpoints.ended(p), null);
        }
        if (stop.requested()) {
          return new Outcome(Ending.INTERRUPTED, checkpoints.stopped(p), null);
        }
        long t0 = System.nanoTime();
        int count = feeder.fill(p.step());
        double lr = rates.applyAsDouble(p.step());
        StepResult r = model.trainStep(feeder.images(), feeder.labels(), count, lr);
        p = p.afterStep(count, r.engineNanos(), System.nanoTime() - t0);
        if (!Double.isFinite(r.loss())) {
          return new Outcome(Ending.FAILED, checkpoints.ended(p), String.format(Locale.ROOT,
              "the training loss became %s at step %d (learning rate %g); lower training.optimizer.learningRate", r.loss(), p.step(), lr));
        }
        progress.step(p.step(), r.loss(), r.accuracy());
      }
    } finally {
      progress.close();
    }
  }
}
