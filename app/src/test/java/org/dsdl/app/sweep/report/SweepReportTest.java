package org.dsdl.app.sweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dsdl.app.sweep.HandBuiltSweep.f;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsdl.api.probe.MetricRole;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.PageInChromium;
import org.dsdl.app.rundir.Json;
import org.dsdl.app.sweep.HandBuiltSweep;
import org.dsdl.app.sweep.SweepManifest;
import org.dsdl.app.sweep.SweepRun;
import org.dsdl.app.sweep.results.ResultRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's report.html from a hand-built sweep: two conditions (one with a hostile name) × two
 * seeds, a whole-network and a per-layer series, a per-class event, findings. The data it embeds is
 * checked against statistics worked out by hand; a headless Chromium (where installed) renders it.
 */
class SweepReportTest {
  static final String HOSTILE = "<script>document.title='owned'</script>&\"x\"";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;
  List<SweepRun> runs;
  List<ResultRow> rows;

  @BeforeEach
  void sweep() throws Exception {
    HandBuiltSweep sweep = HandBuiltSweep.in(dir);
    SweepRun d1 = HandBuiltSweep.run("dense", 1, "dataset.trainPerClass", 500);
    SweepRun d2 = HandBuiltSweep.run("dense", 2, "dataset.trainPerClass", 500);
    SweepRun h1 = HandBuiltSweep.run(HOSTILE, 1, "dataset.trainPerClass", 50);
    SweepRun h2 = HandBuiltSweep.run(HOSTILE, 2, "dataset.trainPerClass", 50);
    runs = List.of(d1, d2, h1, h2);
    sweep.withFindings(d1, "COMPLETED", f("LAYER_IDENTITY", "fc2", "EMERGED", 10), f("CLASS_IDENTITY", HOSTILE, "EMERGED", 100));
    sweep.withFindings(d2, "COMPLETED", f("LAYER_IDENTITY", "fc2", "EMERGED", 100), f("CLASS_IDENTITY", HOSTILE, "NOT_DISTINGUISHABLE", null));
    sweep.withFindings(h1, "COMPLETED", f("LAYER_IDENTITY", "fc2", "NOT_DISTINGUISHABLE", null));
    sweep.withFindings(h2, "COMPLETED", f("LAYER_IDENTITY", "fc2", "PRESENT_AT_INITIALISATION", null));
    for (SweepRun r : runs) {
      if (r != h2) { // h2 has no report of its own
        Files.writeString(dir.resolve("runs").resolve(r.name()).resolve("report.html"), "<html></html>");
      }
    }
    Json.PRETTY.writeValue(dir.resolve("sweep.json").toFile(), new SweepManifest(1, "study <b>one</b>", RunStatus.RUNNING, "local", 1, 0,
        Map.of(), JsonNodeFactory.instance.objectNode(), "2025-01-01T00:00:00Z", 12.5, runs.stream().map(r -> new SweepManifest.Entry(r.name(),
            r.condition(), null, r.settings(), r.seed(), "runs/" + r.name(), RunStatus.COMPLETED, 0, null, 3.0)).toList(), List.of()));
    rows = new ArrayList<>();
    long[] steps = {0, 10, 100};
    double[][] accuracy = {{0.2, 0.5, 0.9}, {0.2, 0.7, 0.8}, {0.2, 0.3, 0.4}, {0.2, 0.3, 0.6}}; // per run, per checkpoint
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 3; c++) {
        rows.add(row(runs.get(r), c, steps[c], "accuracy", "test_accuracy", null, null, MetricRole.SERIES, accuracy[r][c]));
        rows.add(row(runs.get(r), c, steps[c], "linear-probe", "probe_accuracy", "c1", null, MetricRole.SERIES, 0.5 + r * 0.01));
        rows.add(row(runs.get(r), c, steps[c], "linear-probe", "probe_accuracy", "fc2", null, MetricRole.SERIES, 0.6 + c * 0.1));
        rows.add(row(runs.get(r), c, steps[c], "linear-probe", "probe_accuracy_ci_low", "fc2", null, MetricRole.SERIES, 0.1));
      }
      rows.add(row(runs.get(r), 0, 0, "filter-coupling", "mean_coupling_bootstrap_sd", "c1", null, MetricRole.SUMMARY, 0.01));
      // class T's onset: dense at 10 and 100; the hostile condition once at 100, once never
      rows.add(row(runs.get(r), 2, 100, "accuracy", "identity_onset_step", null, "T", MetricRole.EVENT,
          new double[] {10, 100, 100, Double.NaN}[r]));
    }
  }

  static ResultRow row(SweepRun run, int checkpoint, long step, String probe, String metric, String layer, String label, MetricRole role,
      double value) {
    return new ResultRow(run, checkpoint, step, step / 10.0, probe, metric, layer, label, role, value);
  }

  private Path render() throws Exception {
    List<Path> written = new SweepReport().write(dir, runs, rows);
    assertThat(written).containsExactly(dir.resolve("report.html"));
    return written.get(0);
  }

  static JsonNode data(String page) throws Exception {
    int at = page.indexOf("id=\"dsdl-data\">") + "id=\"dsdl-data\">".length();
    return JSON.readTree(page.substring(at, page.indexOf("</script>", at)));
  }

  @Test
  void embedsTheStatisticsAcrossSeedsFindingsEventsAndRuns() throws Exception {
    JsonNode d = data(Files.readString(render(), StandardCharsets.UTF_8));
    assertThat(d.get("name").asText()).isEqualTo("study <b>one</b>");
    assertThat(d.get("keys").toString()).isEqualTo("[\"dataset.trainPerClass\"]");
    assertThat(d.at("/conditions/1/label").asText()).isEqualTo(HOSTILE);
    assertThat(d.at("/conditions/1/settings/dataset.trainPerClass").asText()).isEqualTo("50");
    assertThat(d.at("/steps/0").toString()).isEqualTo("{\"0\":0,\"1\":10,\"2\":100}"); // checkpoint → step

    // curves: series metrics only (no _ci_low bound, no summary), test_accuracy first, layers in order
    assertThat(d.get("series")).extracting(m -> m.get("probe").asText() + "/" + m.get("metric").asText())
        .containsExactly("accuracy/test_accuracy", "linear-probe/probe_accuracy");
    JsonNode dense = d.at("/series/0/layers/0/lines/0");
    assertThat(dense.get("condition").asInt()).isZero();
    assertThat(dense.get("c").toString()).isEqualTo("[0,1,2]");
    assertThat(dense.get("m").toString()).isEqualTo("[0.2,0.6,0.85]");
    // at checkpoint 1: 0.5 and 0.7: SD 0.1414214, half width t(0.975, 1) · SD / √2 = 12.7062047 · 0.1 = 1.27062
    assertThat(dense.at("/lo/1").asDouble()).isCloseTo(0.6 - 1.27062, within(1e-5));
    assertThat(dense.at("/hi/1").asDouble()).isCloseTo(0.6 + 1.27062, within(1e-5));
    assertThat(dense.at("/mn/1").asDouble()).isEqualTo(0.5);
    assertThat(dense.at("/mx/1").asDouble()).isEqualTo(0.7);
    assertThat(dense.at("/lo/0").asDouble()).as("both seeds equal: a zero-width interval").isEqualTo(0.2);
    assertThat(dense.get("n").toString()).isEqualTo("[2,2,2]");
    assertThat(d.at("/series/1/layers").findValuesAsText("layer")).containsExactly("c1", "fc2");
    assertThat(d.at("/series/1/layers/0/lines")).hasSize(2);
    assertThat(d.get("leftOut")).isEmpty();

    // final values at the last checkpoint: hostile condition 0.4 and 0.6
    JsonNode finals = d.get("finals");
    assertThat(finals).extracting(r -> r.get("metric").asText() + "/" + r.get("layer").asText())
        .containsExactly("test_accuracy/null", "probe_accuracy/c1", "probe_accuracy/fc2");
    assertThat(finals.at("/0/cells/1/m").asDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(finals.at("/0/cells/1/step").asLong()).isEqualTo(100);
    assertThat(finals.at("/0/cells/1/hi").asDouble()).isCloseTo(0.5 + 12.7062047 * 0.1, within(1e-5));

    // events: each seed's step, the never-happened counted as missing
    JsonNode onset = d.at("/events/0");
    assertThat(onset.get("metric").asText()).isEqualTo("identity_onset_step");
    assertThat(onset.at("/rows/0/label").asText()).isEqualTo("T");
    assertThat(onset.at("/rows/0/cells/0/v").toString()).isEqualTo("[10.0,100.0]");
    assertThat(onset.at("/rows/0/cells/0/m").asDouble()).isEqualTo(55);
    assertThat(onset.at("/rows/0/cells/1/v").toString()).isEqualTo("[100.0,null]");
    assertThat(onset.at("/rows/0/cells/1/missing").asInt()).isEqualTo(1);
    assertThat(onset.at("/rows/0/cells/1/lo").isNull()).as("one seed: no interval").isTrue();
    assertThat(d.get("events")).hasSize(1);

    // findings pivoted: a row per finding, a cell per condition
    JsonNode findings = d.at("/findings/rows");
    assertThat(findings).extracting(r -> r.get("topic").asText() + " " + r.get("subject").asText())
        .containsExactly("CLASS_IDENTITY " + HOSTILE, "LAYER_IDENTITY fc2");
    assertThat(findings.at("/0/cells/0").toString())
        .isEqualTo("{\"n\":2,\"held\":1,\"emerged\":1,\"present\":0,\"not\":1,\"missing\":0,\"stepN\":1,\"median\":100.0,\"min\":100.0,\"max\":100.0}");
    assertThat(findings.at("/0/cells/1").isNull()).isTrue();
    assertThat(findings.at("/1/cells/0/median").asDouble()).isEqualTo(55);
    assertThat(findings.at("/1/cells/1/held").asInt()).isEqualTo(1);

    // runs: outcome from sweep.json, whether each has its own report
    assertThat(d.get("runs")).extracting(r -> r.get("name").asText() + " " + r.get("condition").asInt() + " " + r.get("status").asText() + " "
        + r.get("report").asBoolean()).containsExactly("dense_seed-1 0 COMPLETED true", "dense_seed-2 0 COMPLETED true",
        "script_document.title_owned_script_x__seed-1 1 COMPLETED true", "script_document.title_owned_script_x__seed-2 1 COMPLETED false");
  }

  @Test
  void isOneSelfContainedPageWithEveryNameEscaped() throws Exception {
    String page = Files.readString(render(), StandardCharsets.UTF_8);
    assertThat(page).contains("default-src 'none'").doesNotContain("src=\"http").doesNotContain("href=\"http");
    assertThat(page).doesNotContain("<script>document.title").doesNotContain("<b>one</b>");
    assertThat(page).contains("\\u003cscript\\u003edocument.title='owned'\\u003c/script\\u003e\\u0026");
    assertThat(page).contains("<title>dsdl sweep: study &lt;b&gt;one&lt;/b&gt;</title>");
    assertThat(page.indexOf("</script>")).as("the data element closes only once, at its end").isGreaterThan(page.indexOf("id=\"dsdl-data\""));
    assertThat(page).contains("runs/\" + encodeURIComponent(r.name) + \"/report.html");
    assertThat(page.chars().filter(c -> c > 0x7f).count()).as("characters beyond ASCII (written as escapes)").isZero();
  }

  @Test
  void markersInTheDataAreNotReplaced() {
    assertThat(org.dsdl.api.viz.ReportComponents.fill("<t>@TITLE@</t>@DATA@<t>@TITLE@</t>", Map.of("@TITLE@", "@DATA@", "@DATA@", "{\"a\":\"@TITLE@\"}")))
        .isEqualTo("<t>@DATA@</t>{\"a\":\"@TITLE@\"}<t>@DATA@</t>");
  }

  @Test
  void curvesStopAtTheirPointBudgetAndSayWhatTheyLeftOut() throws Exception {
    rows = new ArrayList<>();
    SweepRun a = runs.get(0);
    SweepRun b = runs.get(2);
    int metrics = SweepReportData.MAX_POINTS / (2 * 100) + 5; // 2 conditions × 100 checkpoints each
    for (int m = 0; m < metrics; m++) {
      for (int c = 0; c < 100; c++) {
        rows.add(row(a, c, c, "p", "m" + m, null, null, MetricRole.SERIES, c));
        rows.add(row(b, c, c, "p", "m" + m, null, null, MetricRole.SERIES, c));
      }
    }
    String page = Files.readString(render(), StandardCharsets.UTF_8);
    JsonNode d = data(page);
    assertThat(d.get("series")).hasSize(SweepReportData.MAX_POINTS / 200);
    assertThat(d.get("leftOut")).hasSize(5);
    assertThat(d.at("/leftOut/0").asText()).isEqualTo("p · m" + SweepReportData.MAX_POINTS / 200);
    assertThat(d.get("finals")).as("every metric keeps its final values").hasSize(metrics);
    assertThat(page.length()).as("bounded").isLessThan(3_000_000);
  }

  @Test
  void rendersALinePerConditionInHeadlessChromiumWithoutErrors() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(PageInChromium.BINARY), "headless Chromium (Debian package chromium, installed by .ci/run) is not here");
    Path report = render();
    PageInChromium.Loaded loaded = PageInChromium.load(report.toUri() + "#selftest", dir, "sweep");
    String dom = loaded.dom();
    String body = loaded.body();
    assertThat(body).as("no script error").doesNotContain("data-errors");
    assertThat(loaded.log()).as("no console error").doesNotContain("Uncaught").doesNotContain(":CONSOLE");
    // findings, metrics over training, events, final values, conditions and runs
    assertThat(body).contains("data-sections=\"5\"").contains("data-charts=\"2\"");
    assertThat(body).as("a line per condition").contains("data-lines=\"2\"");
    assertThat(body).as("each condition's band in each of the two charts").contains("data-bands=\"4\"");
    // drawn by the run report's shared line chart (org.dsdl.api.viz.ReportComponents): its cards, a line per condition, intervals as bands
    // (redrawn by the self-test with the min–max band on a linear axis)
    int at = dom.indexOf("<section id=\"curves\"");
    String curves = dom.substring(at, dom.indexOf("</section>", at));
    assertThat(curves.split("class=\"card chart\"", -1)).hasSize(3);
    assertThat(curves.split("class=\"series\"", -1)).hasSize(5);
    assertThat(curves.split("class=\"band\"", -1)).hasSize(5);
    assertThat(curves).contains("data-run=\"0\"").contains("data-run=\"1\"").contains("band: min–max across seeds.").contains(">training step</text>")
        .as("the unit and caption a run's report gives the metric").contains("Unit: fraction correct (0–1). A rising line: more exemplars classified correctly.");
    // as first drawn (95% CI): the accuracy's axis stays within 0…1, its two-seed intervals that reach past it drawn to its edge and its
    // caption saying so; the probe accuracy's intervals stay inside 0…1, its caption says nothing of the kind
    assertThat(body).contains("data-first-y=\"0…1\"").contains("data-clipped=\"1\"");
    assertThat(body).as("every seed's onset that happened").contains("data-seeds=\"3\"");
    // three runs with their own report, each linked twice (under its condition and in the runs table)
    assertThat(body).contains("data-links=\"6\"");
    assertThat(body).contains("data-selftest=\"redrawn: 2 charts, 2 intervals\"").contains("data-overflow-x=\"0\"");
    assertThat(dom.indexOf("<section id=\"findings\"")).as("the first section").isEqualTo(dom.indexOf("<section"));
    assertThat(dom).contains("<a href=\"runs/dense_seed-1/report.html\">seed 1</a>")
        .contains("<a href=\"runs/script_document.title_owned_script_x__seed-1/report.html\">");
    // the hostile name is text in the page, never an element
    assertThat(dom).contains("&lt;script&gt;document.title='owned'&lt;/script&gt;&amp;\"x\"").doesNotContain("<script>document.title");
    assertThat(dom).contains("<title>dsdl sweep: study &lt;b&gt;one&lt;/b&gt;</title>");
    // a screenshot to look at: target/report-screenshots/sweep.png
    assertThat(PageInChromium.screenshot(report, dir, "sweep.png", 1280, 1400)).exists();
  }
}
