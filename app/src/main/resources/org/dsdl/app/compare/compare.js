(function () {
  "use strict";
  var errors = [];
  window.addEventListener("error", function (e) { errors.push(String(e.message)); document.body.setAttribute("data-errors", errors.join(" | ")); });

  var U = DSDL, el = U.el, fmt = U.fmt;
  var D = JSON.parse(document.getElementById("dsdl-data").textContent);
  var RUNS = D.runs;
  var main = document.getElementById("report");
  var BAND = ["_ci_low", "_ci_high"];
  var section = U.section;
  function runColour(i) { return U.colourOf(i); }
  function runLegend() { return U.legend(RUNS.map(function (r, i) { return { name: r.label, colour: runColour(i) }; })); }
  function keyOf(m) { return m.probe + "/" + m.metric + "/" + (m.layer || ""); }
  var byKey = {};
  D.metrics.forEach(function (m) { byKey[keyOf(m)] = m; });
  function bandOf(m, sfx) { return byKey[m.probe + "/" + m.metric + sfx + "/" + (m.layer || "")]; }
  function isBand(m) { return BAND.some(function (sfx) { var n = m.metric.length - sfx.length; return n > 0 && m.metric.slice(n) === sfx && byKey[m.probe + "/" + m.metric.slice(0, n) + "/" + (m.layer || "")]; }); }
  function finite(v) { return v !== null && v !== undefined && isFinite(v); }
  function flat(m) {
    return m.runs.every(function (line) {
      if (!line) { return true; }
      var vs = line.y.filter(finite);
      return vs.length <= 1 || vs.every(function (v) { return v === vs[0]; });
    });
  }
  function chart(m, title, opts) {
    var low = bandOf(m, "_ci_low"), high = bandOf(m, "_ci_high");
    var series = [];
    m.runs.forEach(function (line, i) {
      if (!line) { return; }
      var sr = { name: RUNS[i].label, x: line.x, y: line.y, colour: runColour(i), run: i };
      if (low && high && low.runs[i] && high.runs[i]) {
        var lo = {}, hi = {};
        low.runs[i].x.forEach(function (x, k) { lo[x] = low.runs[i].y[k]; });
        high.runs[i].x.forEach(function (x, k) { hi[x] = high.runs[i].y[k]; });
        sr.low = line.x.map(function (x) { return lo[x] === undefined ? null : lo[x]; });
        sr.high = line.x.map(function (x) { return hi[x] === undefined ? null : hi[x]; });
      }
      series.push(sr);
    });
    opts = opts || {};
    // the metric's unit, range and caption as the run report gives them (org.dsdl.api.viz.MetricGuide)
    var c = U.lineChart(title || m.metric, series, { width: opts.width || 360, height: opts.height || 220, legend: false, unit: m.unit, bounds: [m.lower, m.upper],
      domain: opts.domain, caption: "A line per run. Unit: " + m.unit + ". A rising line: " + m.rising + "." + (low && high ? " Band: 95% bootstrap interval." : "") });
    c.setAttribute("data-metric", keyOf(m));
    return c;
  }

  function render() {
    main.removeChild(document.getElementById("loading"));
    // findings side by side
    var fs = section("findings", "Findings, run by run");
    var side = el("div", { "class": "side" });
    RUNS.forEach(function (r, i) {
      var col = el("div", { "class": "run" });
      col.style.setProperty("--c", runColour(i));
      col.appendChild(el("h3", null, r.label));
      col.appendChild(el("div", { "class": "muted" }, "seed " + r.seed + " · " + r.status.toLowerCase() + " · " + r.checkpoints + " checkpoints to step " + r.lastStep));
      if (r.findings) {
        var ul = el("ul", { "class": "findings" });
        var stated = r.findings.filter(function (f) { return f.verdict !== "NOT_DISTINGUISHABLE"; });
        var rest = r.findings.filter(function (f) { return f.verdict === "NOT_DISTINGUISHABLE"; });
        stated.concat(rest).forEach(function (f) {
          var li = el("li", { "data-verdict": f.verdict }, f.statement);
          if (f.uncertainty) { li.appendChild(el("span", { "class": "muted" }, " (" + f.uncertainty + ")")); }
          ul.appendChild(li);
        });
        col.appendChild(el("div", { "class": "muted" }, stated.length + " passed their control, " + rest.length + " did not (grey)"));
        col.appendChild(ul);
      } else {
        col.appendChild(el("p", { "class": "muted" }, r.findingsNote));
      }
      side.appendChild(col);
    });
    fs.appendChild(side);

    // the headline: held-out accuracy and loss, a line per run
    var hs = section("headline", "Learning, run by run");
    hs.appendChild(runLegend());
    var hg = el("div", { "class": "grid" });
    [["test_accuracy", "held-out accuracy"], ["test_loss", "held-out loss"]].forEach(function (h) {
      var m = byKey["accuracy/" + h[0] + "/"];
      if (m) { hg.appendChild(chart(m, h[1], { width: 480, height: 260, domain: h[0] === "test_accuracy" ? [0, 1] : null })); }
    });
    hs.appendChild(hg);

    // every other metric: a line per run, per-layer metrics at the layer chosen
    var layers = [];
    D.metrics.forEach(function (m) { if (m.layer && m.metric !== "test_recall" && layers.indexOf(m.layer) < 0) { layers.push(m.layer); } });
    var ms = section("metrics", "Every metric, run by run");
    var controls = el("div", { "class": "controls" });
    var pick = el("select", { "class": "layer-pick", "aria-label": "layer" });
    layers.forEach(function (l) { pick.appendChild(el("option", { value: l }, l)); });
    if (layers.length) { pick.value = layers[layers.length - 1]; }
    var lab = el("label", null, "per-layer metrics at layer ");
    lab.appendChild(pick);
    if (layers.length) { controls.appendChild(lab); }
    controls.appendChild(runLegend());
    ms.appendChild(controls);
    var grid = el("div", { "class": "grid" });
    ms.appendChild(grid);
    var flats = [];
    D.metrics.forEach(function (m) { if (!isBand(m) && flat(m) && m.probe + "/" + m.metric !== "accuracy/test_accuracy") { flats.push(m); } });
    function drawMetrics() {
      while (grid.firstChild) { grid.removeChild(grid.firstChild); }
      D.metrics.forEach(function (m) {
        if (isBand(m) || flats.indexOf(m) >= 0 || (m.layer && m.metric !== "test_recall" && m.layer !== pick.value)) { return; }
        if (m.probe === "accuracy" && (m.metric === "test_accuracy" || m.metric === "test_loss")) { return; }
        grid.appendChild(chart(m, m.probe + " · " + m.metric + (m.layer ? " · " + m.layer : "")));
      });
    }
    pick.addEventListener("change", drawMetrics);
    drawMetrics();

    if (flats.length) {
      var vs = section("values", "Single values, run by run");
      vs.appendChild(el("p", { "class": "muted" }, "Metrics with one value, or the same value throughout: a table, not a chart."));
      vs.appendChild(U.table(flats.map(function (m) {
        return [m.probe + " · " + m.metric + (m.layer ? " · " + m.layer : "")].concat(m.runs.map(function (line) {
          var v = line ? line.y.filter(finite)[0] : undefined; return v === undefined ? "—" : fmt(v);
        }));
      }), ["metric"].concat(RUNS.map(function (r) { return r.label; }))));
    }

    // configs: the differences first, highlighted
    var cs = section("config", "Config differences");
    var differs = D.config.filter(function (c) { return c.differs; });
    cs.appendChild(el("p", null, differs.length ? differs.length + " of " + D.config.length + " settings differ (highlighted); the rest are shown below them."
      : "The runs' resolved configs are identical (" + D.config.length + " settings)."));
    var t = el("table", { "class": "config-diff" });
    var head = el("tr");
    ["setting"].concat(RUNS.map(function (r) { return r.label; })).forEach(function (h) { head.appendChild(el("th", null, h)); });
    t.appendChild(head);
    differs.concat(D.config.filter(function (c) { return !c.differs; })).forEach(function (c) {
      var tr = el("tr", c.differs ? { "class": "differs" } : null);
      tr.appendChild(el("td", null, c.key));
      c.values.forEach(function (v) { tr.appendChild(el("td", { "class": "value" }, v === null ? "(not set)" : v)); });
      t.appendChild(tr);
    });
    cs.appendChild(t);

    var rs = section("runs", "Runs");
    rs.appendChild(U.table(RUNS.map(function (r) {
      return [r.label, r.name, String(r.seed), r.status, String(r.checkpoints), String(r.lastStep), r.classes.join(", "), r.seconds === undefined ? "—" : fmt(r.seconds)];
    }), ["run", "name", "seed", "status", "checkpoints", "last step", "classes", "total (s)"]));
  }

  try { render(); } catch (e) { errors.push(String(e && e.stack || e)); document.body.setAttribute("data-errors", errors.join(" | ")); throw e; }
  document.body.setAttribute("data-render-ms", String(Math.round(performance.now())));
})();
