package org.dsdl.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.AsyncProbes;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.config.Printable;
import org.dsdl.app.pipeline.ExperimentPlan;
import org.dsdl.app.pipeline.ExperimentResolver;

/**
 * Resolves every run of a sweep before any of them starts, through the same config loader and
 * resolver as {@code dsdl run}: the base config, then the run's settings, its seed and its name as
 * overrides. A key that does not exist in the experiment, a wrong value or an unknown plugin is
 * refused here, naming the sweep, the run and the setting.
 *
 * <p>Given a number of threads per run, a run on the {@code tensorflow} engine whose config leaves
 * the engine's thread counts at their default gets that many intra- and inter-op threads, so that
 * concurrent runs share the cores instead of each using them all; as the cores one run leaves are
 * the others', its probes do not run beside its training unless its config asks ({@code checkpoints.async}).
 */
public final class SweepPlanner {
  /** The engine whose threads a sweep divides. */
  static final String TENSORFLOW = "tensorflow";
  private final ConfigLoader loader;
  private final ExperimentResolver resolver;

  /** A planner over these parts. */
  @Inject
  public SweepPlanner(ConfigLoader loader, ExperimentResolver resolver) {
    this.loader = loader;
    this.resolver = resolver;
  }

  /**
   * Expands and resolves {@code spec}.
   *
   * @param where names the sweep in errors, e.g. {@code sweep file 'density.yaml'}
   * @param pluginFolders plugin folders to add to every run (absolute), as {@code --plugins} does
   * @param threadsPerRun engine threads for each run, or 0 to leave the engine's default
   */
  public SweepPlan plan(SweepSpec spec, String where, List<Path> pluginFolders, int threadsPerRun) {
    List<SweepPlan.Planned> out = new ArrayList<>();
    for (SweepRun run : SweepExpansion.expand(spec, where)) {
      out.add(new SweepPlan.Planned(run, resolve(spec, run, where, pluginFolders, threadsPerRun)));
    }
    return new SweepPlan(spec, out, threadsPerRun);
  }

  private ExperimentPlan resolve(SweepSpec spec, SweepRun run, String where, List<Path> pluginFolders, int threads) {
    List<ConfigLoader.Override> overrides = new ArrayList<>();
    String from = where + (run.conditionName() == null ? "" : " condition '" + run.conditionName() + "'");
    run.settings().forEach((key, value) -> {
      String origin = (spec.grid().containsKey(key) ? where + " grid" : from) + " " + key + "=" + Printable.of(value.toString(), 60);
      overrides.add(new ConfigLoader.Override(key, value, origin, origin));
    });
    JsonNodeFactory f = JsonNodeFactory.instance;
    overrides.add(new ConfigLoader.Override("seed", f.numberNode(run.seed()), "the sweep's seed " + run.seed(), "seed"));
    overrides.add(new ConfigLoader.Override("name", f.textNode(run.name()), "the run's name " + run.name(), "name"));
    try {
      ExperimentPlan plan = resolve(spec, pluginFolders, overrides);
      if (threads > 0 && plan.engine().plugin().name().equals(TENSORFLOW) && defaultThreads(plan.resolved().path("engine"))) {
        String origin = "the sweep's " + threads + " engine thread(s) per run";
        overrides.add(new ConfigLoader.Override("engine.intraOpThreads", f.numberNode(threads), origin, origin));
        overrides.add(new ConfigLoader.Override("engine.interOpThreads", f.numberNode(threads), origin, origin));
        if (plan.config().checkpoints().async() == AsyncProbes.AUTO) { // the other runs use the cores this one leaves
          overrides.add(new ConfigLoader.Override("checkpoints.async", f.textNode(AsyncProbes.NEVER.id()), origin, origin));
        }
        plan = resolve(spec, pluginFolders, overrides);
      }
      return plan;
    } catch (DsdlException e) {
      throw DsdlException.badInput(where + ", run '" + run.name() + "': " + e.getMessage(), e);
    }
  }

  private ExperimentPlan resolve(SweepSpec spec, List<Path> pluginFolders, List<ConfigLoader.Override> overrides) {
    ConfigLoader.Loaded loaded = loader.load(spec.base(), spec.baseSource(), spec.baseDirectory(), overrides);
    return resolver.resolve(loader.withPlugins(loaded, pluginFolders));
  }

  /** Whether an engine's resolved parameters leave both thread counts at 0 (TensorFlow's default). */
  private static boolean defaultThreads(JsonNode engine) {
    return engine.path("intraOpThreads").asInt(-1) == 0 && engine.path("interOpThreads").asInt(-1) == 0;
  }
}
