package org.dsdl.app.checkpoint;

import org.dsdl.api.viz.Visualizer;

/**
 * A visualizer of a run, for its checkpoint hook.
 *
 * @param name its name in the config
 * @param visualizer the instance
 */
public record NamedVisualizer(String name, Visualizer visualizer) {}
