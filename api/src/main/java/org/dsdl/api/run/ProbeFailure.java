package org.dsdl.api.run;

import java.util.Objects;

/**
 * A probe that threw, as recorded in {@code run.json}: the run went on without its measurements there.
 *
 * @param probe the probe's name
 * @param checkpoint the checkpoint's index, or -1 for its {@code finish}
 * @param error what it threw, one line
 */
public record ProbeFailure(String probe, int checkpoint, String error) {
  /** Requires probe and error; a checkpoint &ge; -1. */
  public ProbeFailure {
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(error, "error");
    if (checkpoint < -1) {
      throw new IllegalArgumentException("checkpoint must be >= -1 (-1: at finish), got " + checkpoint);
    }
  }
}
