package org.dsdl.sweep.spark;

import org.dsdl.app.sweep.SweepRunner;
import org.dsdl.app.sweep.SweepRunnerProvider;
import org.dsdl.app.sweep.SweepRunnerSettings;

/** {@code --runner spark}: starts a Spark session (embedded {@code local[N]} unless a master is given) and runs on it. */
public final class SparkSweepRunnerProvider implements SweepRunnerProvider {
  @Override
  public String name() {
    return SparkSweepRunner.NAME;
  }

  @Override
  public SweepRunner start(SweepRunnerSettings settings) {
    return new SparkSweepRunner(SparkSessions.start(settings), settings);
  }
}
