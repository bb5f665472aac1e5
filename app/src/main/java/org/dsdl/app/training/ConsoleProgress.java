package org.dsdl.app.training;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar over training steps, showing batch loss, accuracy and checkpoints. */
public final class ConsoleProgress implements Progress {
  private ProgressBar bar;
  private int checkpoints;
  private int lastCheckpoint;
  private String lastSummary = "";
  private final RunningAverage loss = new RunningAverage(0.9);
  private final RunningAverage accuracy = new RunningAverage(0.9);

  @Override
  public void start(long totalSteps, int checkpointCount) {
    this.checkpoints = checkpointCount;
    bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250).showSpeed().setUnit(" steps", 1).build();
  }

  @Override
  public void step(long step, double batchLoss, double batchAccuracy) {
    loss.add(batchLoss);
    accuracy.add(batchAccuracy);
    bar.stepTo(step);
    refresh();
  }

  @Override
  public void checkpoint(int index, String summary) {
    lastCheckpoint = index;
    lastSummary = summary;
    refresh();
  }

  private void refresh() {
    String batch = loss.count() == 0 ? "" : String.format(Locale.ROOT, " loss %.3f acc %.2f |", loss.value(), accuracy.value());
    bar.setExtraMessage(String.format(Locale.ROOT, "%s ckpt %d/%d %s", batch, lastCheckpoint + 1, checkpoints, lastSummary));
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
