package org.dsdl.api.plugin;

/** The parameter record of a plugin that takes no parameters. */
public record NoParameters() {
  /** The single instance worth having. */
  public static final NoParameters INSTANCE = new NoParameters();
}
