package org.dsdl.api.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The script and styles every dsdl HTML page is built from: a run's {@code report.html}, the
 * comparison of runs ({@code dsdl report RUN_A RUN_B --out FILE}) and a sweep's report. The script
 * defines one global, {@code DSDL}, with the page's components: elements made with every text set
 * through {@code textContent}, number formats, the colour-blind-safe palettes (Okabe–Ito for
 * categories, viridis for depth, a blue–red diverging scale), line charts over training steps with
 * intervals drawn as bands or bars on their metric's chart, a caption under each, heat maps and
 * tables. A page inlines both texts, so it stays one self-contained file; a visualizer plugin
 * writing its own page can use them the same way.
 */
public final class ReportComponents {
  private ReportComponents() {}

  /** The components' script (defines {@code DSDL}); inline it before the page's own script. */
  public static String script() {
    return resource("report-components.js");
  }

  /** The components' styles; inline them before the page's own. */
  public static String style() {
    return resource("report-components.css");
  }

  private static String resource(String name) {
    try (InputStream in = ReportComponents.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("dsdl's api jar lacks its resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the api's resource " + name, e);
    }
  }
}
