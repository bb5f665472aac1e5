package org.dsdl.visualizers.png;

import org.dsdl.api.plugin.Param;

/** Parameters of the {@code png} visualizer. */
public record PngParameters(
    @Param("figure width in pixels") int width,
    @Param("figure height in pixels") int height,
    @Param("also write each chart as SVG (JFreeSVG), beside its PNG") boolean svg) {
  /** Validates, naming the field. */
  public PngParameters {
    if (width < 200 || height < 150) {
      throw new IllegalArgumentException("width must be >= 200 and height >= 150, got " + width + "x" + height);
    }
  }
}
