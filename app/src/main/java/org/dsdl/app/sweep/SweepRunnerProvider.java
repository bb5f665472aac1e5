package org.dsdl.app.sweep;

/**
 * A runner that is not built into the application (the Spark runner), found by
 * {@link java.util.ServiceLoader} on the class path of the launcher that carries it, and selected by
 * {@code --runner NAME}. The plain {@code dsdl} launcher carries none.
 */
public interface SweepRunnerProvider {
  /** The name {@code --runner} selects it by. */
  String name();

  /**
   * Starts the runner (e.g. a Spark session). Called before anything is written to the sweep
   * directory, so a runner that cannot start (an unreachable Spark master) leaves nothing behind;
   * such a failure is a {@link org.dsdl.app.DsdlException} with one clear line.
   */
  SweepRunner start(SweepRunnerSettings settings);
}
