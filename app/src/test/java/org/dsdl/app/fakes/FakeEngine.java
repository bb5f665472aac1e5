package org.dsdl.app.fakes;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.architecture.LayerGraph;
import org.dsdl.api.model.Engine;
import org.dsdl.api.model.Model;
import org.dsdl.api.model.OptimizerSpec;
import org.dsdl.app.pipeline.EngineFactory;

/** An {@link Engine} that builds {@link FakeModel}s and keeps them, for tests to look at. */
public final class FakeEngine implements Engine, EngineFactory {
  private final List<FakeModel> built = new ArrayList<>();
  private long nanAt = -1;

  /** Makes the models built from now on lose their loss at training step {@code step} (1-based). */
  public FakeEngine nanAtStep(long step) {
    this.nanAt = step;
    return this;
  }

  @Override
  public String version() {
    return "fake 1";
  }

  @Override
  public Model build(LayerGraph graph, OptimizerSpec optimizer, long seed) {
    FakeModel m = new FakeModel(graph, seed).nanAtStep(nanAt);
    built.add(m);
    return m;
  }

  /** As an {@link EngineFactory}: this engine, whatever the config names. */
  @Override
  public Engine create(org.dsdl.app.plugin.PluginUse use) {
    return this;
  }

  /** The models built so far, in order. */
  public List<FakeModel> built() {
    return List.copyOf(built);
  }
}
