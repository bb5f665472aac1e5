package org.dsdl.api.run;

/** Where a run stands, as written in {@code run.json}. */
public enum RunStatus {
  /** Training or probing is under way (or the process died: see the last checkpoint). */
  RUNNING,
  /** Every checkpoint was measured and every visualizer ran. */
  COMPLETED,
  /** The run stopped on an error, e.g. a NaN loss; measured checkpoints are kept. */
  FAILED,
  /** The user stopped the run. */
  INTERRUPTED
}
