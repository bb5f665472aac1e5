package org.dsdl.api.probe;

import java.util.List;
import org.dsdl.api.plugin.PluginProvider;

/**
 * Makes probes; selected in a config by {@link #name()} in the {@code probes} list.
 *
 * <p>Implement this and declare it: {@code provides org.dsdl.api.probe.ProbeProvider with my.Provider;}.
 *
 * @param <P> the probe's parameter record
 */
public interface ProbeProvider<P extends Record> extends PluginProvider<P> {

  /** Creates the probe for one run. */
  Probe create(P parameters, ProbeContext context);

  /** The metrics this probe records, with their kind, for {@code dsdl describe}: e.g. {@code "test_accuracy (scalar)"}. */
  default List<String> outputs() {
    return List.of();
  }
}
