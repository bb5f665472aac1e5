package org.dsdl.visualizers.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.dsdl.api.run.RunRecord;
import org.dsdl.visualizers.fixture.Runs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlVisualizerTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir
  Path dir;

  private Path render(boolean live) throws Exception {
    RunRecord run = Runs.sample(dir);
    List<Path> written = new HtmlVisualizer(new HtmlParameters(live, 16)).render(run);
    assertThat(written).containsExactly(dir.resolve("report.html"));
    return written.get(0);
  }

  @Test
  void isOneSelfContainedFileWithEveryTextEscaped() throws Exception {
    String page = Files.readString(render(false), StandardCharsets.UTF_8);
    // nothing fetched: no external URLs in attributes, and a policy that forbids loading anything
    assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http").contains("default-src 'none'");
    // the hostile class name and run name never appear as markup
    assertThat(page).doesNotContain(Runs.HOSTILE).doesNotContain("<b>run</b>");
    assertThat(page).contains("sample &lt;b&gt;run&lt;/b&gt;").contains("\\u003cscript\\u003edocument.title");
    assertThat(page.indexOf("</script>")).as("the data element closes only once, at its end")
        .isGreaterThan(page.indexOf("id=\"dsdl-data\""));
    assertThat(org.dsdl.api.viz.HtmlText.scriptSafe("{\"a\":\"</script><!--&\"}")).isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\"}");
    // ASCII throughout (a browser decodes that fastest): the script's and the data's "·", "…", "—" as escapes
    assertThat(page.chars().filter(c -> c > 0x7f).count()).as("characters beyond ASCII").isZero();
    assertThat(page).contains("\\u00b7").contains("Rendering&hellip;");
  }

  @Test
  void liveModeRendersAtCheckpointsOnlyWhenAsked() throws Exception {
    RunRecord run = Runs.sample(dir);
    new HtmlVisualizer(new HtmlParameters(false, 16)).checkpoint(null, dir, () -> run);
    assertThat(dir.resolve("report.html")).doesNotExist();
    new HtmlVisualizer(new HtmlParameters(true, 16)).checkpoint(null, dir, () -> run);
    assertThat(dir.resolve("report.html")).exists();
  }

  @Test
  void opensInHeadlessChromiumWithoutErrorsAndTheSliderMoves() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium (Debian package chromium, installed by .ci/run) is not here");
    Path report = render(false);
    Path stderr = dir.resolve("chromium.err");
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + dir.resolve("profile"), "--window-size=1280,2400", "--dump-dom", report.toUri() + "#selftest")
        .redirectError(stderr.toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String body = dom.substring(dom.indexOf("<body"), dom.indexOf('>', dom.indexOf("<body")) + 1);
    assertThat(body).as("no script error").doesNotContain("data-errors");
    assertThat(Files.readString(stderr)).as("no console error").doesNotContain("Uncaught").doesNotContain(":CONSOLE");
    // the self-test moved the first slider from the last checkpoint to the first
    assertThat(body).contains("data-selftest=\"checkpoint 3 · step 400 · epoch 10 -&gt; checkpoint 0 · step 0 · epoch 0\"");
    assertThat(body).contains("data-sections=\"8\""); // findings (its class identity onsets), run, learning curves, …
    assertThat(body).as("the symmetric matrix (pairs), sent as its lower triangle, is whole again in the page").contains("data-mirrored=\"1\"");
    // a 10,000-character class name wraps inside the page instead of widening it
    assertThat(body).contains("data-overflow-x=\"0\"");
    // the hostile class name is text in the page, never an element
    assertThat(dom).contains("&lt;script&gt;document.title='owned'&lt;/script&gt;").doesNotContain("<script>document.title");
    assertThat(dom).contains("<title>dsdl report: sample &lt;b&gt;run&lt;/b&gt;</title>");

    Path shot = dir.resolve("report.png");
    Process s = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--user-data-dir=" + dir.resolve("profile2"), "--window-size=1280,2400", "--screenshot=" + shot, report.toUri().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("shot.log").toFile()).start();
    assertThat(s.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(ImageIO.read(shot.toFile()).getWidth()).isEqualTo(1280);
  }

  @Test
  void findingsComeFirstInTheReportAsPlainText() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium (Debian package chromium, installed by .ci/run) is not here");
    org.dsdl.testkit.RunRecordBuilder b = org.dsdl.testkit.RunRecordBuilder.in(dir).name("findings").classes("T", "<i>L</i>")
        .checkpointsAt(0, 10, 100);
    b.scalar("accuracy", "test_accuracy", null, 0.3, 0.6, 0.9);
    b.add(new org.dsdl.api.measure.Measurements("accuracy", b.checkpoint(2))
        .vector("identity_onset_step", null, List.of("T", "<i>L</i>"), new double[] {10, Double.NaN}).list());
    Path report = new HtmlVisualizer(new HtmlParameters(false, 16)).render(b.build()).get(0);
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + dir.resolve("profile"),
        "--dump-dom", report.toUri().toString()).redirectError(dir.resolve("chromium.err").toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String body = dom.substring(dom.indexOf("<body"), dom.indexOf('>', dom.indexOf("<body")) + 1);
    assertThat(body).as("no script error").doesNotContain("data-errors");
    assertThat(dom.indexOf("<section id=\"findings\"")).as("the first section").isEqualTo(dom.indexOf("<section"));
    assertThat(dom).contains("class T: held-out recall stays at or above the onset threshold from step 10")
        .contains("between steps 0 and 10 (checkpoint spacing)").contains("Not distinguishable from control")
        .contains("class &lt;i&gt;L&lt;/i&gt;: held-out recall never stays at the onset threshold");
  }

  @Test
  void drawsEachClassPathwayBesideItsStatisticsInHeadlessChromium() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium (Debian package chromium, installed by .ci/run) is not here");
    Path report = new HtmlVisualizer(new HtmlParameters(false, 16)).render(org.dsdl.visualizers.fixture.AttributionRuns.run(dir)).get(0);
    Path stderr = dir.resolve("chromium.err");
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + dir.resolve("profile"), "--window-size=1280,2400", "--dump-dom", report.toUri() + "#selftest")
        .redirectError(stderr.toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String body = dom.substring(dom.indexOf("<body"), dom.indexOf('>', dom.indexOf("<body")) + 1);
    assertThat(body).as("no script error").doesNotContain("data-errors");
    assertThat(Files.readString(stderr)).as("no console error").doesNotContain("Uncaught").doesNotContain(":CONSOLE");
    int at = dom.indexOf("<section id=\"pathways\">");
    assertThat(at).as("the Class pathways section").isPositive();
    String section = dom.substring(at, dom.indexOf("</section>", at));
    assertThat(section.split("class=\"card pathway\"", -1)).as("a pathway per class").hasSize(3);
    // the self-test moved class T's slider (the page's first) to checkpoint 0; its pathway there and class 2's at the last
    // checkpoint each have 4 + 3 + 1 units (c1, fc, the class's logit)
    assertThat(body).contains("data-selftest=\"checkpoint 5 · step 400 · epoch 0 -&gt; checkpoint 0 · step 0 · epoch 0\"");
    assertThat(section.split("<circle", -1)).hasSize(17);
    assertThat(section.split("pathway specificity · bars: null ± 2 SD<", -1)).as("specificity with its null, per class").hasSize(3);
    assertThat(section).contains(">pathway concentration<").contains(">pathway consistency<").contains(">pathway stability<");
    assertThat(section.split("stroke-dasharray=\"4,3\"", -1)).as("class T's onset in fc, once").hasSize(2);
    assertThat(section).contains("c1 → fc").contains("fc → logits");
    assertThat(dom).as("the statistics are not drawn again under Other probes").doesNotContain("<section id=\"other\"");
    assertThat(dom).contains("&lt;script&gt;document.title='owned'&lt;/script&gt;").doesNotContain("<script>document.title");
  }
}
