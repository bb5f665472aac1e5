package org.dsdl.app.sweep.report;

import org.dsdl.api.viz.HtmlText;
import org.dsdl.api.viz.ReportComponents;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.app.DsdlException;
import org.dsdl.app.sweep.SweepJournal;
import org.dsdl.app.sweep.SweepManifest;
import org.dsdl.app.sweep.SweepRun;
import org.dsdl.app.sweep.findings.SweepFindings;
import org.dsdl.app.sweep.results.ResultRow;
import org.dsdl.app.sweep.results.ResultsWriter;
import org.dsdl.app.sweep.results.SummaryRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep's {@code report.html}: one self-contained page under the run report's rules. The data
 * ({@link SweepReportData}) goes in as JSON inside a {@code <script type="application/json">}
 * element with {@code <}, {@code >} and {@code &} escaped, so no condition name, setting, class or
 * run name can end the element or become markup; the page's script and styles are inline and its
 * policy forbids loading anything; the script sets every text through {@code textContent} and
 * links each run's own report by a relative path, {@code runs/NAME/report.html}.
 *
 * <p>The page is built from the shared {@link ReportComponents} (elements, ticks, hover, palette) and a script of
 * its own for the rest: the run report (the {@code html} visualizer) is a plugin the
 * application never references, and its charts place points by a run's checkpoints, where the
 * conditions of a sweep may have checkpoints at other steps. Its look follows the run report's.
 */
public final class SweepReport implements ResultsWriter {
  /** The file's name. */
  public static final String FILE = "report.html";
  private static final Logger LOG = LoggerFactory.getLogger(SweepReport.class);

  @Override
  public List<Path> write(Path sweepDir, List<SweepRun> runs, List<ResultRow> rows) throws IOException {
    SweepManifest manifest = manifest(sweepDir);
    String name = manifest != null && manifest.name() != null ? manifest.name()
        : sweepDir.getFileName() == null ? "sweep" : sweepDir.getFileName().toString();
    Map<SweepRun, Path> dirs = new LinkedHashMap<>();
    runs.forEach(r -> dirs.put(r, sweepDir.resolve(SweepJournal.RUNS).resolve(r.name())));
    var findings = SweepFindings.aggregate(runs, SweepFindings.collect(runs, dirs::get));
    String json = new ObjectMapper().writeValueAsString(SweepReportData.build(name, manifest, runs, dirs, SummaryRow.of(rows), findings));
    String page = ReportComponents.fill(resource("sweep-report.html"), Map.of("/*STYLE*/", ReportComponents.style() + resource("sweep-report.css"), "/*SCRIPT*/",
        ReportComponents.script(resource("sweep-report.js")), "@TITLE@", HtmlText.escape("dsdl sweep: " + name), "@DATA@", HtmlText.scriptSafe(json)));
    Path target = sweepDir.resolve(FILE);
    OutputFiles.writeAtomically(target, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
    return List.of(target);
  }

  /** The sweep's manifest, or null where there is none (the page then does without the runs' outcomes). */
  private static SweepManifest manifest(Path sweepDir) {
    if (!Files.isRegularFile(sweepDir.resolve(SweepJournal.MANIFEST))) {
      return null;
    }
    try {
      return SweepJournal.read(sweepDir);
    } catch (DsdlException e) {
      LOG.warn("{}; the sweep report shows the runs without their outcomes", e.getMessage());
      return null;
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SweepReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("the sweep report's resource " + name + " is missing from dsdl's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
