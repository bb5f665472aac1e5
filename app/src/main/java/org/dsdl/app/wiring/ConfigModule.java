package org.dsdl.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.pipeline.ExperimentResolver;

/** Config: the loader that binds and checks a config file, and the resolver that turns it into a plan. */
public final class ConfigModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(ConfigLoader.class).in(Singleton.class);
    bind(ExperimentResolver.class);
  }
}
