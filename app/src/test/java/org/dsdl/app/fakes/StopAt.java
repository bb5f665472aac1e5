package org.dsdl.app.fakes;

import org.dsdl.app.training.Progress;
import org.dsdl.app.training.StopSignal;

/** A progress listener for tests that asks for a stop once training reaches a step. */
public final class StopAt {
  private StopAt() {}

  /** Requests {@code stop} when training reports step {@code step}. */
  public static Progress step(long step, StopSignal stop) {
    return new Progress() {
      @Override
      public void start(long totalSteps, int checkpoints) {}

      @Override
      public void step(long s, double loss, double accuracy) {
        if (s == step) {
          stop.request();
        }
      }

      @Override
      public void checkpoint(int index, String summary) {}

      @Override
      public void close() {}
    };
  }
}
