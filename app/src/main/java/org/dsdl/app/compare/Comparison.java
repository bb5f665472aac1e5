package org.dsdl.app.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.viz.HtmlText;
import org.dsdl.api.viz.ReportComponents;
import org.dsdl.app.DsdlException;
import org.dsdl.app.rundir.RunDirectory;
import org.dsdl.app.rundir.RunRecordReader;

/**
 * {@code dsdl report RUN_A RUN_B … --out FILE}: one self-contained page that sets runs side by
 * side — their findings, every metric with a line per run, the config keys in which they differ —
 * built from the same {@link ReportComponents} as a run's report, under its rules (data as escaped
 * JSON, every text set as text, nothing fetched). The page carries a generator mark, so a later
 * comparison may replace a page dsdl wrote but never another file.
 */
public final class Comparison {
  /** The mark in every comparison page's head: a file without it is not overwritten. */
  static final String GENERATOR = "<meta name=\"generator\" content=\"dsdl report --out\">";

  private Comparison() {}

  /**
   * Checks the input before reading anything heavy: each directory a run directory (its
   * {@code run.json} readable), none given twice, and {@code out} either new or a page this command
   * wrote. Bad input is a {@link DsdlException#badInput} naming the path.
   */
  public static void check(List<Path> runDirs, Path out) {
    Set<Path> seen = new HashSet<>();
    for (Path d : runDirs) {
      if (!Files.isDirectory(d)) {
        throw DsdlException.badInput("'" + d + "' is not a directory; dsdl report compares run directories");
      }
      if (!Files.isRegularFile(d.resolve(RunDirectory.MANIFEST))) {
        throw DsdlException.badInput("'" + d + "' is not a dsdl run directory: " + RunDirectory.MANIFEST + " is missing");
      }
      if (!seen.add(d.toAbsolutePath().normalize())) {
        throw DsdlException.badInput("'" + d + "' is given twice; compare each run once");
      }
      RunRecordReader.manifest(d);
    }
    if (Files.isDirectory(out)) {
      throw DsdlException.badInput("--out '" + out + "' is a directory; give the comparison page's file name, e.g. compare.html");
    }
    if (Files.exists(out) && !writtenByDsdl(out)) {
      throw DsdlException.badInput("--out '" + out + "' exists and was not written by dsdl report; refusing to overwrite it (remove it or choose another name)");
    }
  }

  private static boolean writtenByDsdl(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      return head.contains(GENERATOR);
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads the runs and writes the page to {@code out} (atomically); returns it. Call {@link #check} first. */
  public static Path write(List<Path> runDirs, Path out) throws IOException {
    List<RunRecord> runs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Path d : runDirs) {
      RunRecord r = RunRecordReader.read(d);
      runs.add(r);
      labels.add(label(d, r));
    }
    String json = new ObjectMapper().writeValueAsString(ComparisonData.build(runs, labels));
    String title = "dsdl comparison: " + String.join(" · ", labels);
    String page = ReportComponents.fill(resource("compare.html"), Map.of(
        "<!--GENERATOR-->", GENERATOR,
        "/*STYLE*/", ReportComponents.style() + resource("compare.css"),
        "/*SCRIPT*/", ReportComponents.script(resource("compare.js")),
        "@TITLE@", HtmlText.escape(title),
        "@DATA@", HtmlText.scriptSafe(json)));
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputFiles.writeAtomically(out, o -> o.write(page.getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  /** A run's label on the page: its directory's name, and the run's name where that differs. */
  private static String label(Path dir, RunRecord r) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    String d = name == null ? dir.toString() : name.toString();
    return d.equals(r.info().name()) ? d : d + " (" + r.info().name() + ")";
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Comparison.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("the comparison page's resource " + name + " is missing from dsdl's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
