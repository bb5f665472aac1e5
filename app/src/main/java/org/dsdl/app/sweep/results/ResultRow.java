package org.dsdl.app.sweep.results;

import org.dsdl.api.probe.MetricRole;
import org.dsdl.app.sweep.SweepRun;

/**
 * One measured number of one run: a scalar measurement, or one label's step of a per-label event
 * (e.g. a class's identity onset).
 *
 * @param run the run
 * @param checkpoint the checkpoint's index
 * @param step its training step
 * @param epoch its epoch (fractional)
 * @param probe the probe's name
 * @param metric the metric's name
 * @param layer the layer, or null for whole-network metrics
 * @param label the vector label of a per-label event, or null
 * @param role the metric's declared role (a series over checkpoints, an event, a summary)
 * @param value the number ({@code NaN} where undefined, e.g. an event that never happened)
 */
public record ResultRow(SweepRun run, int checkpoint, long step, double epoch, String probe, String metric, String layer,
    String label, MetricRole role, double value) {}
