package org.dsdl.app;

import com.google.inject.AbstractModule;
import org.dsdl.app.wiring.ConfigModule;
import org.dsdl.app.wiring.EngineModule;
import org.dsdl.app.wiring.PipelineModule;
import org.dsdl.app.wiring.PluginModule;

/**
 * The Guice wiring of the application: installs the module of each concern (config, plugins,
 * engine, pipeline parts). Commands are created just-in-time through their {@code @Inject}
 * constructors. A test swaps one part with {@code Modules.override(new DsdlModule()).with(…)}.
 */
public final class DsdlModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new ConfigModule());
    install(new PluginModule());
    install(new EngineModule());
    install(new PipelineModule());
  }
}
