package org.dsdl.api.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dsdl.api.data.ImageShape;

/**
 * Named architectures of the VGG family. The default, {@code vgg-1.24m}, has 1,245,085 trainable
 * weights on 32×32×1 input with 5 classes: the size of the network in Hanson, Yadav &amp; Hanson,
 * "Dense Sample Deep Learning" (2024).
 */
public final class ModelPresets {
  /** The default preset's name. */
  public static final String DEFAULT = "vgg-1.24m";

  private static final ImageShape GRAY32 = new ImageShape(32, 32, 1);
  private static final Map<String, ModelSpec> PRESETS = new LinkedHashMap<>();

  static {
    add(new ModelSpec(DEFAULT, GRAY32, 5, List.of(List.of(32, 32), List.of(64, 64), List.of(128, 128)), List.of(440, 128)));
    add(new ModelSpec("vgg-tiny", GRAY32, 5, List.of(List.of(8), List.of(16)), List.of(32)));
    add(new ModelSpec("vgg-wide", GRAY32, 5, List.of(List.of(64, 64), List.of(128, 128), List.of(256, 256)), List.of(512, 256)));
  }

  private ModelPresets() {}

  private static void add(ModelSpec spec) {
    PRESETS.put(spec.name(), spec);
  }

  /** The preset of that name, for 32×32×1 input and 5 classes (adapt with {@link ModelSpec#withData}). */
  public static Optional<ModelSpec> find(String name) {
    return Optional.ofNullable(PRESETS.get(name));
  }

  /** Every preset, default first. */
  public static Map<String, ModelSpec> all() {
    return Map.copyOf(PRESETS);
  }

  /** Preset names in declaration order, default first. */
  public static List<String> names() {
    return List.copyOf(PRESETS.keySet());
  }
}
