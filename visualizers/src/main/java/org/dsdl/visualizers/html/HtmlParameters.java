package org.dsdl.visualizers.html;

import org.dsdl.api.plugin.Param;

/** Parameters of the {@code html} visualizer. */
public record HtmlParameters(
    @Param("refresh report.html at every checkpoint during a run (reads the run back each time)") boolean live,
    @Param("most checkpoints a large matrix, or large class pathways, keep in the report (evenly spaced, first and last always); their filmstrip") int maxMatrixFrames) {
  /** Validates, naming the field. */
  public HtmlParameters {
    if (maxMatrixFrames < 2) {
      throw new IllegalArgumentException("maxMatrixFrames must be >= 2, got " + maxMatrixFrames);
    }
  }
}
