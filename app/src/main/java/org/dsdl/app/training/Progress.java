package org.dsdl.app.training;

/** Reports training progress to a person: a progress bar in a terminal, nothing otherwise. */
public interface Progress extends AutoCloseable {
  /** Training starts: {@code totalSteps} steps, {@code checkpoints} checkpoints. */
  void start(long totalSteps, int checkpoints);

  /** A step ended with this batch loss and accuracy. */
  void step(long step, double loss, double accuracy);

  /** Checkpoint {@code index} was measured; {@code summary} is a short line such as "test acc 0.83". */
  void checkpoint(int index, String summary);

  @Override
  void close();

  /** Reports nothing. */
  static Progress silent() {
    return new Progress() {
      @Override
      public void start(long totalSteps, int checkpoints) {}

      @Override
      public void step(long step, double loss, double accuracy) {}

      @Override
      public void checkpoint(int index, String summary) {}

      @Override
      public void close() {}
    };
  }
}
