package org.dsdl.app.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.dsdl.api.model.OptimizerSpec;
import org.dsdl.app.config.ExperimentConfig;
import org.dsdl.app.plugin.PluginUse;

/**
 * An experiment with every plugin found and every parameter bound and checked: what remains can
 * only fail on the data or during training.
 *
 * @param config the bound config
 * @param resolved the config tree with plugin parameters filled in (written to run.json)
 * @param source where the config came from
 * @param dataset the dataset plugin
 * @param engine the engine plugin
 * @param model the architecture, before the dataset fixes input shape and classes
 * @param optimizer the update rule
 * @param probes the probes, in config order
 * @param visualizers the visualizers, in config order
 */
public record ExperimentPlan(
    ExperimentConfig config,
    ObjectNode resolved,
    String source,
    PluginUse dataset,
    PluginUse engine,
    ModelChoice model,
    OptimizerSpec optimizer,
    List<PluginUse> probes,
    List<PluginUse> visualizers) {}
