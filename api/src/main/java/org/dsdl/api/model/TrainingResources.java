package org.dsdl.api.model;

/**
 * What a model's training steps occupy on this machine, so that a trainer can tell whether work
 * beside training (the probes of a checkpoint) would find idle capacity: a model that trains on an
 * accelerator, or on fewer CPU threads than the machine has cores, leaves cores free.
 *
 * @param accelerator the training arithmetic runs on an accelerator (a GPU); the host's cores mostly wait for it
 * @param hostThreads the CPU threads a training step keeps busy, at least 1
 */
public record TrainingResources(boolean accelerator, int hostThreads) {
  /** Validates the thread count. */
  public TrainingResources {
    if (hostThreads < 1) {
      throw new IllegalArgumentException("hostThreads must be >= 1, got " + hostThreads);
    }
  }

  /** Training on the CPU with every core this JVM may use: nothing left idle. */
  public static TrainingResources allCores() {
    return new TrainingResources(false, Runtime.getRuntime().availableProcessors());
  }

  /** Whether training leaves some of {@code cores} CPU cores idle: it runs on an accelerator, or on fewer threads. */
  public boolean leavesCoresIdle(int cores) {
    return accelerator || hostThreads < cores;
  }
}
