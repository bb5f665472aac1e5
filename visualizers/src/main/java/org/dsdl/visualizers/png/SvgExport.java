package org.dsdl.visualizers.png;

import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;

/**
 * A chart as an SVG document, through JFreeSVG. JFreeSVG is an optional dependency (GPL-3.0-or-later,
 * so dsdl does not bundle it): this class is only loaded when {@code svg: true} asks for it, after
 * {@link PngVisualizerProvider#svgAvailable()} said the library is there. Loading it without
 * JFreeSVG fails (verifying {@link #document} loads {@code SVGGraphics2D}), so it must not hold that
 * check itself.
 */
final class SvgExport {
  private SvgExport() {}

  /**
   * The chart drawn at {@code width} × {@code height}.
   *
   * @param defsPrefix prefix of the document's ids (JFreeSVG's default is time-based; a file should not depend on when it was written)
   */
  static String document(JFreeChart chart, int width, int height, String defsPrefix) {
    org.jfree.svg.SVGGraphics2D g = new org.jfree.svg.SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(defsPrefix);
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGDocument();
  }
}
