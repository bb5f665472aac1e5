package org.dsdl.app.sweep;

import java.util.function.IntFunction;

/**
 * What {@code dsdl sweep} tells a runner it starts.
 *
 * @param sweepName the sweep's name (e.g. for the Spark application's name)
 * @param parallel runs at a time on this machine ({@code --parallel}); the engine threads of each run are divided accordingly
 * @param master the cluster to run on ({@code --master}), or null for the runner's default (this machine)
 * @param task runs one run through the pipeline
 * @param progress the sweep's progress bar for a number of runs, given how many have ended; null for none
 */
public record SweepRunnerSettings(String sweepName, int parallel, String master, SweepTask task, IntFunction<SweepProgress> progress) {}
