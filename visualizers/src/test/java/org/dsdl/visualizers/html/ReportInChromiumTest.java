package org.dsdl.visualizers.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.api.run.RunRecord;
import org.dsdl.visualizers.fixture.Chromium;
import org.dsdl.visualizers.fixture.CouplingRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report as a reader meets it, in a real (headless) browser: findings and headline figures first, charts that respect their data, a graph you can trace. */
class ReportInChromiumTest {
  @TempDir
  Path dir;
  private RunRecord run;
  private Path report;
  private Chromium chromium;

  @BeforeEach
  void render() throws Exception {
    chromium = Chromium.in(dir);
    run = CouplingRuns.run(dir.resolve("run"), "coupling", 1);
    report = new HtmlVisualizer(new HtmlParameters(false, 16)).render(run).get(0);
  }

  private GraphMeasurement graphAt(int checkpoint) {
    return run.measurements().stream().filter(m -> m instanceof GraphMeasurement && m.key().checkpoint().index() == checkpoint)
        .map(m -> (GraphMeasurement) m).findFirst().orElseThrow();
  }

  @Test
  void opensOnTheFindingsWithTheThreeHeadlineFiguresAndEndsWithTheRunDetails() throws Exception {
    Chromium.Page page = chromium.load(report, "#render-all").assertClean();
    List<String> sections = ids(page.dom());
    assertThat(sections.get(0)).isEqualTo("findings");
    assertThat(sections.get(sections.size() - 1)).as("run metadata at the end").isEqualTo("summary");
    String findings = page.section("findings");
    assertThat(findings).contains("class ring: held-out recall stays at or above the onset threshold from step 16");
    // (a) held-out accuracy and the three classes' recall, each class's onset a dashed rule
    String emergence = card(findings, "id=\"emergence\"");
    assertThat(Chromium.count(emergence, "class=\"series\"")).isEqualTo(4);
    assertThat(Chromium.count(emergence, "class=\"mark\"")).as("a rule per class onset").isEqualTo(3);
    assertThat(emergence).contains("data-y-min=\"0\"");
    // (b) layers × checkpoints: a column for each checkpoint with a control task (no grey columns, nothing interpolated), every cell filled;
    // conv2's onset at step 8 (a column) outlined, dense's at step 4 (a checkpoint without a control) a bar between the columns of steps 2 and 8
    long controlled = run.measurements().stream().filter(m -> m.key().probe().equals("linear-probe") && m.key().metric().equals("control_accuracy"))
        .map(m -> m.key().checkpoint().index()).distinct().count();
    assertThat(controlled).as("the fixture's control task ran at some checkpoints only").isLessThan(CouplingRuns.STEPS.length).isEqualTo(6);
    String map = card(findings, "id=\"identity-map\"");
    assertThat(map).contains("data-columns=\"" + controlled + "\"").contains("data-cells=\"" + 3 * controlled + "\"")
        .contains("linear-probe selectivity = probe accuracy − control-task accuracy").contains("Columns: the 6 of 10 checkpoints where the control task ran");
    for (long step : new long[] {0, 2, 8, 32, 128, 256}) {
      assertThat(map).as("column labelled with its step").contains(">" + step + "</text>");
    }
    assertThat(map).doesNotContain(">4</text>").doesNotContain(">16</text>");
    assertThat(Chromium.count(map, "class=\"onset\"")).as("conv2's onset at step 8; conv1 has none").isEqualTo(1);
    assertThat(Chromium.count(map, "class=\"onset-between\"")).as("dense's at step 4").isEqualTo(1);
    // (c) the coupling graph with its caption
    assertThat(findings).contains("class=\"card graph\"").contains("The coupling graph: units of consecutive layers");
    Path shot = chromium.screenshot(report, "", "report-findings", 1400);
    assertThat(shot).exists();
  }

  @Test
  void chartsRespectTheirData() throws Exception {
    Chromium.Page page = chromium.load(report, "#render-all").assertClean();
    String dom = page.dom();
    // a constant metric and the companions of a metric have no chart of their own
    for (String metric : List.of("rsa/category_fit_max", "linear-probe/selectivity_ci_low", "linear-probe/selectivity_ci_high",
        "filter-coupling/mean_coupling_bootstrap_sd", "filter-coupling/mean_coupling_null_mean", "filter-coupling/mean_coupling_p")) {
      assertThat(dom).as(metric).doesNotContain("data-metric=\"" + metric + "\"");
    }
    String values = page.section("values");
    assertThat(values).contains("category_fit_max").contains("0.66").contains("(10 checkpoints, constant)")
        .contains("mean_coupling").contains("0.08 ± 0.01");
    // the bootstrap interval is a band on selectivity's chart; the null and bootstrap SD bars on mean_coupling's
    assertThat(Chromium.count(card(dom, "data-metric=\"linear-probe/selectivity\""), "class=\"band\"")).isEqualTo(3);
    assertThat(Chromium.count(card(dom, "data-metric=\"filter-coupling/mean_coupling\""), "class=\"whisker\"")).as("2 nulls + 1 bootstrap SD per layer").isEqualTo(9);
    // the loss cannot go below 0, nor the accuracy above 1
    String learning = page.section("learning");
    Matcher y = Pattern.compile("data-y-min=\"([^\"]+)\" data-y-max=\"([^\"]+)\"").matcher(learning);
    int charts = 0;
    while (y.find()) {
      assertThat(Double.parseDouble(y.group(1))).isGreaterThanOrEqualTo(0);
      charts++;
    }
    assertThat(charts).isEqualTo(2);
    assertThat(dom).contains("data-y-max=\"1\"");
    // every line chart says its unit and what a rising line means
    int cards = Chromium.count(dom, "class=\"card chart\"");
    assertThat(cards).isGreaterThan(5);
    assertThat(Chromium.count(dom, "A rising line: ")).isGreaterThanOrEqualTo(cards);
  }

  @Test
  void clickingAUnitHighlightsItsStrongestInputAncestryAndDescendantsAndTheSliderKeepsIt() throws Exception {
    int last = CouplingRuns.STEPS.length - 1;
    // a unit of the middle layer (ancestry and descendants), of the last (ancestry only) and of the first that feeds something (descendants only)
    String first = java.util.stream.IntStream.range(0, CouplingRuns.WIDTH[0]).mapToObj(j -> "0:" + j)
        .filter(u -> CouplingRuns.tracedEdges(graphAt(last), u) > 0).findFirst().orElseThrow();
    for (String unit : List.of("1:3", "2:0", first)) {
      int expected = CouplingRuns.tracedEdges(graphAt(last), unit);
      assertThat(expected).as("the fixture gives " + unit + " something to trace").isPositive();
      Chromium.Page page = chromium.load(report, "#selftest&unit=" + unit).assertClean();
      String graph = card(page.section("findings"), "class=\"card graph\"");
      assertThat(graph).contains("data-highlighted-edges=\"" + expected + "\"");
      assertThat(graph).contains("data-picked=\"" + unit + "\"");
    }
    // moved to the first checkpoint, the selection stays and is traced in that checkpoint's graph
    int atFirst = CouplingRuns.tracedEdges(graphAt(0), "1:3");
    Chromium.Page moved = chromium.load(report, "#selftest&unit=1:3&ck=0").assertClean();
    String graph = card(moved.section("findings"), "class=\"card graph\"");
    assertThat(graph).contains("data-highlighted-edges=\"" + atFirst + "\"").contains("data-picked=\"1:3\"").contains("checkpoint 0 · step 0");
    chromium.screenshot(report, "#selftest&unit=1:3", "report-graph-traced", 1400);
  }

  @Test
  void theThresholdSliderFadesEdgesWeakerThanItAndTheClassFilterThoseOfOtherClasses() throws Exception {
    int last = CouplingRuns.STEPS.length - 1;
    double max = 0;
    for (int k = 0; k <= last; k++) {
      for (GraphMeasurement.Edge e : graphAt(k).edges()) {
        max = Math.max(max, Math.abs(e.weight()));
      }
    }
    double threshold = max * 60 / 100; // as the page computes it from the slider's 0…100
    long weak = graphAt(last).edges().stream().filter(e -> Math.abs(e.weight()) < threshold).count();
    assertThat(weak).as("the fixture has weak and strong edges").isPositive().isLessThan(graphAt(last).edges().size());
    Chromium.Page page = chromium.load(report, "#selftest&threshold=0.6").assertClean();
    String graph = card(page.section("findings"), "class=\"card graph\"");
    assertThat(graph).contains("data-faded-edges=\"" + weak + "\"");
    assertThat(graph).contains("data-visible-edges=\"" + (graphAt(last).edges().size() - weak) + "\"");

    // class 1 at the last checkpoint: preferred_class = (j + 9) % 3 == 1 for units j = 1, 4, 7; an edge stays if either end prefers it
    GraphMeasurement g = graphAt(last);
    long other = g.edges().stream().filter(e -> !prefers(g, e.source(), 1) && !prefers(g, e.target(), 1)).count();
    Chromium.Page filtered = chromium.load(report, "#selftest&class=1").assertClean();
    String fg = card(filtered.section("findings"), "class=\"card graph\"");
    assertThat(fg).contains("data-faded-edges=\"" + other + "\"");
  }

  @Test
  void opensOnTheFirstScreenAloneAndDrawsTheRestAfterwardsWithoutBeingAsked() throws Exception {
    // as the page has loaded: the findings and figure (c) drawn (its checkpoint slider live: the other frames have arrived), nothing below yet
    Chromium.Page opened = chromium.load(report, "").assertClean();
    assertThat(ids(opened.dom())).startsWith("findings");
    assertThat(card(opened.section("findings"), "class=\"card graph\"")).contains("data-visible-edges=").doesNotContain("disabled");
    // a reader who waits gets every section, the same ones as the render-all path the DOM tests use
    Chromium.Page settled = chromium.settle(report, 20_000).assertClean();
    assertThat(settled.attribute("data-rendered")).isEqualTo("all");
    assertThat(ids(settled.dom())).isEqualTo(ids(chromium.load(report, "#render-all").assertClean().dom())).hasSizeGreaterThan(5);
    // the self-test draws everything too, and says how long the first screen took and how long all of it
    Chromium.Page self = chromium.load(report, "#selftest").assertClean();
    assertThat(ids(self.dom())).isEqualTo(ids(settled.dom()));
    assertThat(Integer.parseInt(self.attribute("data-render-ms"))).isPositive().isLessThanOrEqualTo(Integer.parseInt(self.attribute("data-render-all-ms")));
    // the first screen's time is taken once figure (c) is drawn, before the rest of the data is read and the next section drawn
    String timing = self.attribute("data-timing");
    assertThat(timing.indexOf("figure c ")).isPositive().isLessThan(timing.indexOf("first screen "));
    assertThat(timing.indexOf("first screen ")).isLessThan(timing.indexOf("more ")).isLessThan(timing.indexOf("learning "));
    // the whole page's time is read once every section is drawn and laid out, and before the self-test moves a slider
    assertThat(timing).contains("every section " + self.attribute("data-render-all-ms") + ",");
    assertThat(timing.indexOf("summary ")).isPositive().isLessThan(timing.indexOf("every section ")).isLessThan(timing.indexOf("self-test "));
  }

  private static boolean prefers(GraphMeasurement g, String id, int k) {
    return g.nodes().stream().anyMatch(n -> n.id().equals(id) && n.attributes().get("preferred_class") == k);
  }

  /** The section ids in page order. */
  private static List<String> ids(String dom) {
    Matcher m = Pattern.compile("<section id=\"([^\"]+)\"").matcher(dom);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The element (a card) whose start tag contains {@code marker}, up to the next card or figure. */
  private static String card(String html, String marker) {
    int at = html.indexOf(marker);
    assertThat(at).as(marker).isNotNegative();
    int start = html.lastIndexOf("<div", at);
    int end = html.length();
    for (String next : List.of("<div class=\"card", "<div class=\"figure", "</section>")) {
      int i = html.indexOf(next, at + marker.length());
      if (i >= 0) {
        end = Math.min(end, i);
      }
    }
    return html.substring(start, end);
  }
}
