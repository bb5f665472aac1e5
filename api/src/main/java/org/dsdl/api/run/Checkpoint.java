package org.dsdl.api.run;

/**
 * A moment in training at which the probes run.
 *
 * @param index 0 for the untrained network, then 1, 2, …
 * @param step optimisation steps taken so far
 * @param epoch passes over the training split so far (fractional: samplesSeen / training size)
 * @param samplesSeen training exemplars consumed so far
 */
public record Checkpoint(int index, long step, double epoch, long samplesSeen) {}
