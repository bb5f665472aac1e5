package org.dsdl.app.sweep;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dsdl.app.training.Progress;

/**
 * One terminal progress bar for a whole sweep: the training steps of every run under way or done
 * (a run's steps are added when it starts), and how many runs have ended. Each run reports through
 * its own {@link #forRun()}; safe across the runner's threads.
 */
public final class SweepProgress implements AutoCloseable {
  private final ProgressBar bar;
  private final int runs;
  private final AtomicLong planned = new AtomicLong();
  private int ended;
  private int failed;

  /** A bar for a sweep of {@code runs} runs, {@code alreadyEnded} of which had ended before. */
  public SweepProgress(int runs, int alreadyEnded) {
    this.runs = runs;
    this.ended = alreadyEnded;
    bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(1).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500).setUnit(" steps", 1).build();
    refresh();
  }

  /** A run ended; {@code ok}: without failure. */
  public synchronized void ended(boolean ok) {
    ended++;
    failed += ok ? 0 : 1;
    refresh();
  }

  private synchronized void refresh() {
    bar.setExtraMessage(String.format(Locale.ROOT, " runs %d/%d ended%s", ended, runs, failed == 0 ? "" : ", " + failed + " failed"));
  }

  /** The progress of one run, feeding this bar. */
  public Progress forRun() {
    return new Progress() {
      private long last = -1;

      @Override
      public void start(long totalSteps, int checkpoints) {
        bar.maxHint(planned.addAndGet(totalSteps));
      }

      @Override
      public void step(long step, double loss, double accuracy) {
        bar.stepBy(last < 0 ? 1 : step - last); // a session's first step is one step, whether the run starts or resumes
        last = step;
      }

      @Override
      public void checkpoint(int index, String summary) {}

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {
    bar.close();
  }
}
