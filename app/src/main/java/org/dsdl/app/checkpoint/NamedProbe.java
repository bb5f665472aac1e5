package org.dsdl.app.checkpoint;

import org.dsdl.api.probe.Probe;

/**
 * A probe of a run with the name its measurements are recorded under.
 *
 * @param name the name
 * @param probe the probe
 */
public record NamedProbe(String name, Probe probe) {}
