/** The dsdl application: command line, config binding, plugin discovery and the pipeline runner. */
module org.dsdl.app {
  requires org.dsdl.api;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.google.guice;
  requires jakarta.inject;
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires commons.math3;
  requires org.slf4j;
  requires ch.qos.logback.classic;
  requires jdk.unsupported;
  requires java.desktop;
  requires jdk.management;

  opens org.dsdl.app to info.picocli, com.google.guice;
  opens org.dsdl.app.cli to info.picocli, com.google.guice;
  opens org.dsdl.app.config to com.fasterxml.jackson.databind, com.google.guice;
  opens org.dsdl.app.plugin to com.google.guice;
  opens org.dsdl.app.pipeline to com.fasterxml.jackson.databind, com.google.guice;
  opens org.dsdl.app.training to com.google.guice;
  opens org.dsdl.app.checkpoint to com.google.guice;
  opens org.dsdl.app.rundir to com.fasterxml.jackson.databind, com.google.guice;
  opens org.dsdl.app.render to com.google.guice;
  opens org.dsdl.app.bench to com.fasterxml.jackson.databind;
  opens org.dsdl.app.wiring to com.google.guice;
  opens org.dsdl.app.sweep to com.fasterxml.jackson.databind, com.google.guice;

  exports org.dsdl.app.logging to ch.qos.logback.core;

  uses org.dsdl.api.data.DatasetProvider;
  uses org.dsdl.api.architecture.ArchitectureProvider;
  uses org.dsdl.api.model.EngineProvider;
  uses org.dsdl.api.probe.ProbeProvider;
  uses org.dsdl.api.viz.VisualizerProvider;
  uses org.dsdl.app.sweep.SweepRunnerProvider;
}
