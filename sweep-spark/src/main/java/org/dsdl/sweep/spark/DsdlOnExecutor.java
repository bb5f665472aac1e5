package org.dsdl.sweep.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import org.dsdl.app.DsdlModule;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.pipeline.ExperimentPlan;
import org.dsdl.app.pipeline.ExperimentResolver;
import org.dsdl.app.pipeline.PipelineRunner;
import org.dsdl.app.rundir.Json;
import org.dsdl.app.sweep.SweepTask;

/**
 * dsdl inside an executor's process: the application's own wiring, made once per process, and a
 * run's experiment resolved from its config as {@code dsdl run --resume} resolves a run.json's.
 */
final class DsdlOnExecutor {
  private static volatile Injector injector;

  private DsdlOnExecutor() {}

  private static Injector injector() {
    Injector i = injector;
    if (i == null) {
      synchronized (DsdlOnExecutor.class) {
        i = injector;
        if (i == null) {
          i = Guice.createInjector(new DsdlModule());
          injector = i;
        }
      }
    }
    return i;
  }

  static ExperimentPlan plan(String config, String source) throws IOException {
    ObjectNode tree = (ObjectNode) Json.PRETTY.readTree(config);
    Injector i = injector();
    return i.getInstance(ExperimentResolver.class).resolve(i.getInstance(ConfigLoader.class).fromTree(tree, source));
  }

  /** The task of a run of the sweep at {@code sweep} (its output URI, which a stopped run names for {@code dsdl sweep --resume}). */
  static SweepTask task(String sweep) {
    String where = sweep.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(sweep)).toString() : sweep;
    return new SweepTask(injector().getInstance(PipelineRunner.class), dir -> "dsdl sweep --resume " + where);
  }
}
