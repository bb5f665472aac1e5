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

  /**
   * A page's whole inline script: the components' script, then the page's own {@code pageScript},
   * with every character beyond ASCII written as an escape ({@link HtmlText#script}), so the page
   * stays ASCII.
   */
  public static String script(String pageScript) {
    return HtmlText.script(script() + pageScript);
  }

  /** The components' styles; inline them before the page's own. */
  public static String style() {
    return resource("report-components.css");
  }

  /**
   * {@code template} with each of its markers (the keys of {@code values}) replaced by its value,
   * in one pass from left to right: markers are looked for in the template only, never in what
   * replaces them, so a page's data that happens to contain a marker stays as it is.
   */
  public static String fill(String template, java.util.Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
    int at = 0;
    while (true) {
      int next = -1;
      String marker = null;
      for (String m : values.keySet()) {
        int i = template.indexOf(m, at);
        if (i >= 0 && (next < 0 || i < next)) {
          next = i;
          marker = m;
        }
      }
      if (marker == null) {
        return out.append(template, at, template.length()).toString();
      }
      out.append(template, at, next).append(values.get(marker));
      at = next + marker.length();
    }
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
