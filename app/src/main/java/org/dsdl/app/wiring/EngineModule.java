package org.dsdl.app.wiring;

import com.google.inject.AbstractModule;
import org.dsdl.app.pipeline.EngineFactory;

/** The engine: made by the engine plugin the experiment names. A test binds a fake engine instead. */
public final class EngineModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(EngineFactory.class).toInstance(EngineFactory.fromPlugins());
  }
}
