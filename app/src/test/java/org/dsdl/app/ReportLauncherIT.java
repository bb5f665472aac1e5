package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsdl report} through the packaged application ({@link Launcher}): re-rendering a run, with
 * and without {@code --visualizers}, and comparing runs with {@code --out}, the comparison page opened
 * in headless Chromium; and every refusal with its exit code.
 */
class ReportLauncherIT {
  @TempDir
  static Path dir;
  private static Launcher launcher;
  private static Path a;
  private static Path b;

  @BeforeAll
  static void twoTinyRuns() throws Exception {
    launcher = new Launcher(dir);
    a = dir.resolve("run-a");
    b = dir.resolve("run-b");
    Process pa = launcher.start("a", tiny(a, 1));
    Process pb = launcher.start("b", tiny(b, 2));
    assertThat(launcher.result("a", pa).code()).isZero();
    assertThat(launcher.result("b", pb).code()).isZero();
  }

  private static String[] tiny(Path out, int seed) {
    return new String[] {"run", "--out", out.toString(), "--set", "dataset={type: tokens, trainPerClass: 40, testPerClass: 10, minPerClass: 40}",
        "--set", "training.epochs=1", "--set", "model.preset=vgg-tiny", "--set", "seed=" + seed};
  }

  @Test
  void reRendersARunWithItsOwnVisualizersOrTheOnesAsked() throws Exception {
    Files.delete(a.resolve("report.html"));
    Launcher.Result all = launcher.run("report", a.toString());
    assertThat(all.code()).as(all.err()).isZero();
    assertThat(a.resolve("report.html")).exists();
    // quiet: the png visualizer says what it wrote in one line, not one per figure
    assertThat((all.err() + all.out()).lines().filter(l -> l.contains("png")).toList()).singleElement().asString()
        .contains("png: wrote").contains(" files in ");
    Launcher.Result html = launcher.run("report", a.toString(), "--visualizers", "html");
    assertThat(html.code()).as(html.err()).isZero();
    assertThat(html.err() + html.out()).contains("html: wrote").doesNotContain("png: wrote");
  }

  @Test
  void comparesTwoRunsOnOnePageWithBothRunsLines() throws Exception {
    Path page = dir.resolve("out").resolve("compare.html");
    Launcher.Result r = launcher.run("report", a.toString(), b.toString(), "--out", page.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(page);
    assertThat(html).contains("<meta name=\"generator\" content=\"dsdl report --out\">").contains("default-src 'none'");
    assertThat(html.chars().filter(c -> c > 0x7f).count()).as("characters beyond ASCII (written as escapes)").isZero();
    // again: a page dsdl wrote is replaced
    assertThat(launcher.run("report", a.toString(), b.toString(), "--out", page.toString()).code()).isZero();
    if (!Files.isExecutable(PageInChromium.BINARY)) {
      return; // the page's content is checked in a browser where there is one
    }
    PageInChromium.Loaded loaded = PageInChromium.load(page.toUri().toString(), dir, "compare");
    String dom = loaded.dom();
    assertThat(loaded.body()).as("no script error").doesNotContain("data-errors");
    assertThat(loaded.log()).as("no console error").doesNotContain("Uncaught").doesNotContain(":CONSOLE");
    int at = dom.indexOf("data-metric=\"accuracy/test_accuracy/\"");
    assertThat(at).as("the held-out accuracy chart").isPositive();
    String chart = dom.substring(dom.lastIndexOf("<div", at), dom.indexOf("</svg>", at));
    assertThat(chart).contains("data-run=\"0\"").contains("data-run=\"1\"");
    // each metric's unit and caption as the run report gives them (MetricGuide, shared through the api)
    assertThat(dom).contains("A line per run. Unit: fraction correct (0–1). A rising line: more exemplars classified correctly.")
        .contains("A line per run. Unit: cross-entropy (nats). A rising line: a worse fit (loss falls as the network learns).");
    assertThat(dom).contains("run-a").contains("run-b").contains("class=\"differs\"").contains("<td>seed</td>");
    assertThat(dom.indexOf("<section id=\"findings\"")).isEqualTo(dom.indexOf("<section"));
    assertThat(PageInChromium.screenshot(page, dir, "compare.png", 1280, 1600)).exists();
  }

  @Test
  void refusesBadInputWithExitCode2AndOneClearLine() throws Exception {
    Path foreign = dir.resolve("notes.html");
    Files.writeString(foreign, "my notes");
    Launcher.Result r = launcher.run("report", a.toString(), b.toString(), "--out", foreign.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("exists and was not written by dsdl report").doesNotContain("\tat ");
    assertThat(Files.readString(foreign)).isEqualTo("my notes");

    Path notARun = Files.createDirectories(dir.resolve("empty"));
    r = launcher.run("report", a.toString(), notARun.toString(), "--out", dir.resolve("x.html").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is not a dsdl run directory: run.json is missing");
    assertThat(dir.resolve("x.html")).doesNotExist();

    r = launcher.run("report", a.toString(), b.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("to compare 2 runs give --out FILE");

    r = launcher.run("report", a.toString(), b.toString(), "--out", dir.resolve("y.html").toString(), "--visualizers", "html");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("give one or the other");

    r = launcher.run("report", a.toString(), a.toString(), "--out", dir.resolve("z.html").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is given twice");

    r = launcher.run("report", a.toString(), b.toString(), "--out", notARun.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is a directory");
  }
}
