package org.dsdl.api.plugin;

/**
 * What every dsdl plugin provider has in common: a unique name by which a config selects it, a
 * one-line description, and a typed, immutable parameter record with documented defaults.
 *
 * <p>A provider is cheap to construct (it is instantiated by {@link java.util.ServiceLoader} during
 * discovery); the thing it makes is created lazily by its {@code create}/{@code load} method.
 *
 * <p>The parameter record is bound from the config by the application: its type is the class of
 * {@link #defaultParameters()} (a record class is final, so that is {@code P} itself), the
 * defaults are taken from it, the keys the user wrote replace them, and unknown keys are errors.
 * The record's compact constructor should validate its values and throw {@link
 * IllegalArgumentException} with a message naming the field. Annotate components with {@link
 * Param} so that {@code dsdl describe NAME} can document them. The binder constructs the record by
 * reflection: for a plugin loaded from a plugin folder ({@code --plugins}) dsdl opens the record's
 * package (and those of the plugin's own types among its components) to it; a plugin module on
 * dsdl's own module path must declare {@code opens PACKAGE to com.fasterxml.jackson.databind;}
 * itself, or it is skipped with that hint.
 *
 * @param <P> the plugin's parameter record; {@link NoParameters} if it takes none
 */
public interface PluginProvider<P extends Record> {

  /** The name a config uses to select this plugin, e.g. {@code "tokens"}; lower-case, unique. */
  String name();

  /** One line saying what the plugin does, shown by {@code dsdl list}. */
  String description();

  /** The parameters used when the config gives none; every component has its default here. */
  P defaultParameters();
}
