package org.dsdl.api.data;

import org.dsdl.api.plugin.PluginProvider;

/**
 * A source of datasets, selected in a config by {@link #name()} under {@code dataset.type}.
 *
 * <p>Implement this and declare it in your module: {@code provides
 * org.dsdl.api.data.DatasetProvider with my.Provider;}.
 *
 * @param <P> the provider's parameter record
 */
public interface DatasetProvider<P extends Record> extends PluginProvider<P> {

  /**
   * Loads or generates the dataset. Bad data (missing files, wrong formats, too few exemplars)
   * must throw {@link DatasetException} naming the file or class and what was expected.
   *
   * @param parameters the bound, validated parameters
   * @param context the seed and other run-wide facts
   * @return the dataset, deterministic for equal parameters and seed
   */
  Dataset load(P parameters, DatasetContext context);
}
