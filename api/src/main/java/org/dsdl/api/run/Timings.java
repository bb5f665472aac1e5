package org.dsdl.api.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's wall-clock totals, in seconds, as recorded in {@code run.json} (updated at every
 * checkpoint, final when the run has ended).
 *
 * @param total the whole run
 * @param training the training loop, without checkpoints
 * @param trainingSessionCalls inside the engine's calls for training steps
 * @param checkpoints evaluating, capturing and probing at checkpoints
 * @param probes inside probes, by probe name, in the order recorded
 * @param visualizers rendering at the end
 * @param trainingSamplesPerSecond training throughput over the training loop
 */
public record Timings(double total, double training, double trainingSessionCalls, double checkpoints, Map<String, Double> probes,
    double visualizers, double trainingSamplesPerSecond) {
  /** Copies the probes' times, keeping their order. */
  public Timings {
    probes = Collections.unmodifiableMap(new LinkedHashMap<>(probes));
  }
}
