package org.dsdl.app.training;

/**
 * The seeds of one run, each derived from the master seed by a fixed mix, so that changing how
 * one part uses randomness never changes another part's draws.
 *
 * @param master the seed the user gave
 */
public record Seeds(long master) {
  /** The dataset's seed: the master seed itself, so a dataset is named by (config, seed). */
  public long dataset() {
    return master;
  }

  /** Initial weights. */
  public long init() {
    return mix(master, 1);
  }

  /** Minibatch order. */
  public long shuffle() {
    return mix(master, 2);
  }

  /** Probe-set and training-evaluation subsets. */
  public long sampling() {
    return mix(master, 3);
  }

  /** Probes' own random choices. */
  public long probes() {
    return mix(master, 4);
  }

  /** SplitMix64's finaliser over (seed, stream): well-spread, deterministic. */
  public static long mix(long seed, long stream) {
    long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
