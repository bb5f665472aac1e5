/**
 * The Guice modules that compose the application, one per concern: {@link
 * org.dsdl.app.wiring.ConfigModule config}, {@link org.dsdl.app.wiring.PluginModule plugins}, {@link
 * org.dsdl.app.wiring.EngineModule the engine} and {@link org.dsdl.app.wiring.PipelineModule the
 * pipeline's parts}. {@link org.dsdl.app.DsdlModule} installs them all; a test replaces one part
 * with {@code Modules.override(new DsdlModule()).with(…)}.
 */
package org.dsdl.app.wiring;
