package org.dsdl.visualizers.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.api.viz.Visualizer;

/**
 * {@code report.html}: one self-contained file. The run's data goes in as JSON inside a
 * {@code <script type="application/json">} element (with {@code <}, {@code >} and {@code &}
 * escaped, so no text from a config, a class name or a plugin can end the element or become
 * markup); the page's script and styles are inline; the script builds every element and sets all
 * text through {@code textContent}, never as HTML. Nothing is fetched from the network.
 */
final class HtmlVisualizer implements Visualizer {
  static final String FILE = "report.html";
  private final HtmlParameters p;

  HtmlVisualizer(HtmlParameters p) {
    this.p = p;
  }

  @Override
  public List<Path> render(RunRecord run) throws IOException {
    String json = new ObjectMapper().writeValueAsString(ReportData.build(run, p.maxMatrixFrames()));
    String page = resource("report.html")
        .replace("/*STYLE*/", resource("report.css"))
        .replace("/*SCRIPT*/", resource("report.js"))
        .replace("@TITLE@", escape("dsdl report: " + run.info().name()))
        .replace("@DATA@", scriptSafe(json));
    Path target = run.directory().resolve(FILE);
    OutputFiles.writeAtomically(target, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
    return List.of(target);
  }

  @Override
  public void checkpoint(Snapshot snapshot, Path runDirectory, Supplier<RunRecord> runSoFar) throws IOException {
    if (p.live()) {
      render(runSoFar.get());
    }
  }

  /** Text for HTML element content and attribute values. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** JSON that can sit inside a script element: the characters that could close it or start markup become JSON escapes. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HtmlVisualizer.class.getResourceAsStream("/org/dsdl/visualizers/html/" + name)) {
      if (in == null) {
        throw new IOException("the html visualizer's resource " + name + " is missing from its jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
