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

  /**
   * The metrics this probe records, each with its kind and role: stored in every run's {@code run.json},
   * shown by {@code dsdl describe} and used by visualizers (an {@link MetricRole#EVENT} is drawn on
   * the events timeline). None by default: a probe that declares nothing is drawn by the kinds of
   * the measurements it records, and none of them is an event.
   */
  default List<MetricSpec> metrics() {
    return List.of();
  }
}
