package org.dsdl.probes.stats;

import org.dsdl.api.probe.Probe;

/**
 * A probe whose state across checkpoints is one {@link History}: it is what the run saves, and
 * what a resumed run restores.
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
