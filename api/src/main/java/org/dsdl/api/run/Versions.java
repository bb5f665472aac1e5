package org.dsdl.api.run;

import java.util.Objects;

/**
 * The software and machine a run ran on, as recorded in {@code run.json}, so it can be reproduced.
 * A fact the run did not record is {@value #UNKNOWN} (or 0 CPUs).
 *
 * @param dsdl dsdl's version
 * @param engine the engine's name and version
 * @param java the Java runtime
 * @param os the operating system and architecture
 * @param cpu the CPU's model
 * @param cpus processors available to the run; 0 if unknown
 */
public record Versions(String dsdl, String engine, String java, String os, String cpu, int cpus) {
  /** What an unrecorded fact reads. */
  public static final String UNKNOWN = "unknown";

  /** Requires every field (use {@value #UNKNOWN}); cpus &ge; 0. */
  public Versions {
    Objects.requireNonNull(dsdl, "dsdl");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(cpu, "cpu");
    if (cpus < 0) {
      throw new IllegalArgumentException("cpus must be >= 0, got " + cpus);
    }
  }

  /** Only dsdl's version known (e.g. a run built by a test kit). */
  public static Versions of(String dsdl) {
    return new Versions(dsdl, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, 0);
  }
}
