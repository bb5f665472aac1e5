package org.dsdl.api.architecture;

import java.util.Objects;

/**
 * A named set of an architecture's parameters, selected in a config by {@code model.preset}; the
 * config's other model keys replace single parameters of it.
 *
 * @param name unique among all presets, e.g. {@code vgg-1.24m}
 * @param description one line for {@code dsdl list}
 * @param parameters the architecture's parameters
 * @param <P> the architecture's parameter record
 */
public record Preset<P extends Record>(String name, String description, P parameters) {
  /** Checks that every component is given. */
  public Preset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parameters, "parameters");
  }
}
