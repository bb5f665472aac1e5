package org.dsdl.api.run;

import java.util.Objects;

/**
 * The network's summary as recorded in {@code run.json}; its layers and parameter count are
 * {@link RunInfo#layers()} and {@link RunInfo#parameterCount()}.
 *
 * @param spec the preset, {@code PRESET+custom}, or the architecture's name
 * @param engine the engine's name and version
 * @param forwardMacsPerSample multiply-accumulates of one forward pass of one exemplar
 * @param forwardFlopsPerSample floating-point operations of one forward pass (2 per multiply-accumulate)
 * @param trainingFlopsPerSample floating-point operations of one training step per exemplar (≈ 3 × forward)
 */
public record ModelSummary(String spec, String engine, long forwardMacsPerSample, long forwardFlopsPerSample, long trainingFlopsPerSample) {
  /** Requires spec and engine, and counts &ge; 0. */
  public ModelSummary {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(engine, "engine");
    if (forwardMacsPerSample < 0 || forwardFlopsPerSample < 0 || trainingFlopsPerSample < 0) {
      throw new IllegalArgumentException("operation counts must be >= 0, got " + forwardMacsPerSample + ", " + forwardFlopsPerSample
          + ", " + trainingFlopsPerSample);
    }
  }
}
