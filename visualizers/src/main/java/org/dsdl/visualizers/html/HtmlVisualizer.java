package org.dsdl.visualizers.html;

import org.dsdl.api.viz.HtmlText;
import org.dsdl.api.viz.ReportComponents;
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
 * markup); the page's script and styles are inline (the shared {@link ReportComponents}, then the run report's own); the script builds every element and sets all
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
        .replace("/*STYLE*/", ReportComponents.style() + resource("report.css"))
        .replace("/*SCRIPT*/", ReportComponents.script() + resource("report.js"))
        .replace("@TITLE@", HtmlText.escape("dsdl report: " + run.info().name()))
        .replace("@DATA@", HtmlText.scriptSafe(json));
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

  private static String resource(String name) throws IOException {
    try (InputStream in = HtmlVisualizer.class.getResourceAsStream("/org/dsdl/visualizers/html/" + name)) {
      if (in == null) {
        throw new IOException("the html visualizer's resource " + name + " is missing from its jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
