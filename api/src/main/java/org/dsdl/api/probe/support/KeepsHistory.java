package org.dsdl.api.probe.support;

import org.dsdl.api.probe.Probe;

/**
 * A probe whose state across checkpoints is one {@link History}: it is what the run saves, and
 * what a resumed run restores. Implement {@link #history()}; {@link #saveState} and {@link
 * #restoreState} come with it.
 */
public interface KeepsHistory extends Probe {
  /** The probe's history. */
  History history();

  @Override
  default byte[] saveState() {
    return history().encode();
  }

  @Override
  default void restoreState(byte[] state) {
    history().restore(state);
  }
}
