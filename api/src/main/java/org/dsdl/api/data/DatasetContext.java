package org.dsdl.api.data;

/**
 * What a dataset provider is told besides its own parameters.
 *
 * @param seed the seed to derive every random choice from; equal seeds must give equal datasets
 */
public record DatasetContext(long seed) {}
