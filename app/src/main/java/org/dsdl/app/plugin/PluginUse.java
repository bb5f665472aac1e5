package org.dsdl.app.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsdl.app.plugin.PluginDescriptor;

/**
 * A plugin as one experiment uses it.
 *
 * @param alias the name its output is recorded under
 * @param plugin the discovered plugin
 * @param parameters its bound parameter record
 * @param resolved its parameters with defaults filled in, for the manifest
 */
public record PluginUse(String alias, PluginDescriptor plugin, Record parameters, ObjectNode resolved) {}
