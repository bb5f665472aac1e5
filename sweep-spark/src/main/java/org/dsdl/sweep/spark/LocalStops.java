package org.dsdl.sweep.spark;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dsdl.app.training.StopSignal;

/**
 * The stop signals of the sweeps whose driver is this process. An embedded executor runs its tasks
 * in the driver's process: its runs then stop on the driver's Ctrl-C exactly as the local runner's
 * do (state saved, run marked interrupted). Executors elsewhere find nothing here and stop when
 * Spark cancels their task.
 */
final class LocalStops {
  private static final Map<String, StopSignal> SIGNALS = new ConcurrentHashMap<>();

  private LocalStops() {}

  static void register(String sweepId, StopSignal stop) {
    SIGNALS.put(sweepId, stop);
  }

  static void unregister(String sweepId) {
    SIGNALS.remove(sweepId);
  }

  static Optional<StopSignal> of(String sweepId) {
    return Optional.ofNullable(SIGNALS.get(sweepId));
  }
}
