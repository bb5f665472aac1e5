package org.dsdl.api.run;

/**
 * The seeds a run derived from its master seed ({@link RunInfo#seed()}), one per purpose, as
 * recorded in {@code run.json}.
 *
 * @param dataset the dataset plugin's seed
 * @param init initial weights
 * @param shuffle minibatch order
 * @param sampling the probe set and the training-evaluation subset
 * @param probes the probes' own random choices (each probe's seed is derived from it)
 */
public record RunSeeds(long dataset, long init, long shuffle, long sampling, long probes) {}
