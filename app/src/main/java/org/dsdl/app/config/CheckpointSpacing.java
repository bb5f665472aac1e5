package org.dsdl.app.config;

/**
 * Where a run's evenly spaced checkpoints fall: so many in each epoch ({@code checkpoints.perEpoch})
 * or one every so many steps ({@code checkpoints.every}).
 */
public sealed interface CheckpointSpacing {
  /**
   * Evenly spaced inside every epoch, the last at the epoch's end.
   *
   * @param perEpoch how many per epoch
   */
  record PerEpoch(int perEpoch) implements CheckpointSpacing {}

  /**
   * At every multiple of a number of steps.
   *
   * @param steps the distance between two checkpoints
   */
  record Every(long steps) implements CheckpointSpacing {}
}
