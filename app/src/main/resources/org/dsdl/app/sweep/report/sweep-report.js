(function () {
  "use strict";
  var errors = [];
  window.addEventListener("error", function (e) { errors.push(String(e.message)); document.body.setAttribute("data-errors", errors.join(" | ")); });

  var D = JSON.parse(document.getElementById("dsdl-data").textContent);
  var C = D.conditions;
  // the shared report components (org.dsdl.api.viz.ReportComponents): elements, ticks, hover, the colour-blind-safe palette
  var U = DSDL, el = U.el, svg = U.svg, tickText = U.tickText, niceTicks = U.niceTicks, showTip = U.showTip, hideTip = U.hideTip;
  var BANDS = { ci: "95% CI of the mean across seeds", range: "min–max across seeds", none: "none" };
  var state = { band: "ci", axis: "log" };

  /** Numbers to 5 significant digits (a sweep's means and intervals), where a run's report gives 6. */
  function fmt(v) {
    if (v === null || v === undefined || (typeof v === "number" && !isFinite(v))) { return "—"; }
    if (typeof v !== "number") { return String(v); }
    if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-4)) { return v.toExponential(4); }
    return String(Number(v.toPrecision(5)));
  }
  var colourOf = U.colourOf;
  function swatch(c) { var s = el("span", { "class": "swatch" }); s.style.setProperty("--c", colourOf(c)); return s; }
  var main = document.getElementById("report");
  var section = U.section;
  function legend() { return U.legend(C.map(function (c, i) { return { name: c.label, colour: colourOf(i) }; })); }
  function subjectOf(layer, label) { return label ? label + (layer ? " · " + layer : "") : (layer || "network"); }
  /** The step axis: log10 with step 0 at 0.5 (as the run report), or linear. */
  function axis(maxStep) {
    var log = state.axis === "log";
    return {
      log: log,
      x: function (s) { return log ? Math.log10(Math.max(s, 0.5)) : s; },
      label: log ? "training step (log; step 0 at 0.5)" : "training step",
      ticks: function (lo, hi) {
        if (!log) { return niceTicks(lo, hi).filter(function (t) { return t >= lo && t <= hi; }).map(function (t) { return [t, t]; }); }
        var out = [];
        for (var d = Math.ceil(lo); d <= Math.floor(hi); d++) { out.push([d, Math.pow(10, d)]); }
        return out;
      },
      max: maxStep
    };
  }
  function bandOf(p, k) {
    if (state.band === "ci") { return [p.lo[k], p.hi[k]]; }
    if (state.band === "range") { return [p.mn[k], p.mx[k]]; }
    return [null, null];
  }
  function stepAt(c, ck) { return D.steps[c][String(ck)]; }

  // ---- line chart over steps: a line per condition (mean across seeds) with its band, drawn by the shared line chart ----
  function curveChart(title, lines, extra, m) {
    // a wide interval ends at what the metric can take (as the events' bars end at the axis); the hover gives it whole
    var clipped = false;
    function clip(v) {
      if (v === null || v === undefined) { return v; }
      var c = Math.max(m.lower === null ? -Infinity : m.lower, Math.min(m.upper === null ? Infinity : m.upper, v));
      if (c !== v) { clipped = true; }
      return c;
    }
    var series = lines.map(function (ln) {
      var x = [], y = [], low = [], high = [], notes = [];
      ln.c.forEach(function (ck, k) {
        var b = bandOf(ln, k);
        x.push(stepAt(ln.condition, ck)); y.push(ln.m[k]); low.push(clip(b[0])); high.push(clip(b[1]));
        notes.push("95% CI [" + fmt(ln.lo[k]) + ", " + fmt(ln.hi[k]) + "]  min–max [" + fmt(ln.mn[k]) + ", " + fmt(ln.mx[k]) + "]  n=" + ln.n[k]);
      });
      var sr = { name: C[ln.condition].label, x: x, y: y, colour: colourOf(ln.condition), run: ln.condition, notes: notes, width: 1.6 };
      if (state.band !== "none") { sr.low = low; sr.high = high; }
      return sr;
    });
    var card = U.lineChart(title, series, {
      axis: state.axis === "log" ? U.STEP_AXIS : U.linearAxis("training step"), width: 360, height: 210, legend: false, format: fmt,
      unit: m.unit, bounds: [m.lower, m.upper],
      caption: "A line per condition: the mean across its seeds" + (state.band === "none" ? "." : "; band: " + BANDS[state.band]
        + (clipped ? ", drawn within what the metric can take (hover for the whole interval)" : "") + ".")
        + " Unit: " + m.unit + ". A rising line: " + m.rising + "."
    });
    if (extra) { card.insertBefore(extra, card.children[1]); }
    return card;
  }

  // ---- findings across seeds: a row per finding, a column per condition ----
  function findingsSection() {
    var fs = section("findings", "Findings across seeds");
    var rows = D.findings.rows;
    if (!rows.length) {
      fs.appendChild(el("p", null, "No run of this sweep wrote findings.json (the findings visualizer was not among the base config's visualizers, or no run completed)."));
      return;
    }
    fs.appendChild(el("p", { "class": "muted" }, "Each cell: in how many of the condition's seeds the finding holds (it emerged in training, or was present at initialisation, beyond its control), and where it emerged, the median step and the range across those seeds. Each run's own findings are in its report."));
    var t = el("table", { "class": "findings" });
    var head = el("tr");
    head.appendChild(el("th", null, "finding"));
    C.forEach(function (c, i) { var th = el("th"); th.appendChild(swatch(i)); th.appendChild(document.createTextNode(c.label)); head.appendChild(th); });
    t.appendChild(head);
    var topic = null;
    rows.forEach(function (r) {
      if (r.topic !== topic) {
        topic = r.topic;
        var tr0 = el("tr", { "class": "topic" });
        tr0.appendChild(el("th", { colspan: String(C.length + 1) }, r.topicText));
        t.appendChild(tr0);
      }
      var tr = el("tr");
      tr.appendChild(el("td", null, r.subject));
      r.cells.forEach(function (f) {
        var td = el("td", { "class": "cell" });
        if (f === null) { td.appendChild(el("span", { "class": "muted" }, "not measured")); tr.appendChild(td); return; }
        td.appendChild(el("span", { "class": "frac" }, f.held + "/" + f.n));
        var detail = [];
        if (f.emerged) { detail.push("emerged " + f.emerged + (f.stepN ? (f.min === f.max ? " · step " + fmt(f.median) : " · step " + fmt(f.median) + " (" + fmt(f.min) + "–" + fmt(f.max) + ")") : "")); }
        if (f.present) { detail.push("at initialisation " + f.present); }
        if (f.not) { detail.push("not beyond control " + f.not); }
        if (f.missing) { detail.push("not reported " + f.missing); }
        td.appendChild(el("span", { "class": "detail" }, detail.join("; ")));
        var frac = f.n ? f.held / f.n : 0;
        if (f.held) { td.style.background = "rgba(44,160,44," + (0.08 + 0.3 * frac).toFixed(3) + ")"; }
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
    fs.appendChild(t);
  }

  // ---- conditions, their settings and every run's own report ----
  function runsSection() {
    var rs = section("runs", "Conditions and runs");
    var t = el("table");
    var head = el("tr");
    ["condition"].concat(D.keys).concat(["seeds", "runs (each run's own report)"]).forEach(function (h) { head.appendChild(el("th", null, h)); });
    t.appendChild(head);
    C.forEach(function (c, i) {
      var tr = el("tr");
      var td = el("td"); td.appendChild(swatch(i)); td.appendChild(document.createTextNode(c.label)); tr.appendChild(td);
      D.keys.forEach(function (k) { tr.appendChild(el("td", null, c.settings[k] === undefined ? "—" : c.settings[k])); });
      tr.appendChild(el("td", { "class": "num" }, c.seeds));
      var links = el("td");
      D.runs.filter(function (r) { return r.condition === i; }).forEach(function (r, j) {
        if (j) { links.appendChild(document.createTextNode(" · ")); }
        links.appendChild(runLink(r, "seed " + r.seed));
      });
      tr.appendChild(links);
      t.appendChild(tr);
    });
    rs.appendChild(t);
    rs.appendChild(el("h3", null, "Runs"));
    var rt = el("table");
    var rh = el("tr");
    ["run", "condition", "seed", "status", "exit code", "seconds", "error"].forEach(function (h) { rh.appendChild(el("th", null, h)); });
    rt.appendChild(rh);
    D.runs.forEach(function (r) {
      var tr = el("tr");
      var td = el("td"); td.appendChild(runLink(r, r.name)); tr.appendChild(td);
      tr.appendChild(el("td", null, C[r.condition].label));
      tr.appendChild(el("td", { "class": "num" }, r.seed));
      tr.appendChild(el("td", null, r.status));
      tr.appendChild(el("td", { "class": "num" }, r.exitCode === undefined ? "—" : r.exitCode));
      tr.appendChild(el("td", { "class": "num" }, r.seconds === undefined ? "—" : fmt(r.seconds)));
      tr.appendChild(el("td", null, r.error || ""));
      rt.appendChild(tr);
    });
    rs.appendChild(rt);
  }
  function runLink(r, text) {
    if (!r.report) { return el("span", { "class": "muted", title: "no report.html in its run directory" }, text); }
    return el("a", { href: "runs/" + encodeURIComponent(r.name) + "/report.html" }, text);
  }

  // ---- metrics over training ----
  var curveGrid = null;
  function curvesSection() {
    if (!D.series.length) { return; }
    var cs = section("curves", "Metrics over training");
    cs.appendChild(el("p", { "class": "muted" }, "A line per condition: the mean across its seeds at each checkpoint; the band as chosen below (a condition with one seed has no confidence band; with few seeds the 95% CI is wide: t(0.975, n−1) is 12.7 for 2 seeds, 4.3 for 3, 2.8 for 5). Per-layer metrics: choose the layer in each chart. Hover for the values."));
    var controls = el("div", { "class": "controls" });
    controls.appendChild(choice("band: ", BANDS, "band"));
    controls.appendChild(choice("step axis: ", { log: "log", linear: "linear" }, "axis"));
    cs.appendChild(controls);
    cs.appendChild(legend());
    curveGrid = el("div");
    cs.appendChild(curveGrid);
    if (D.leftOut.length) {
      cs.appendChild(el("p", { "class": "muted" }, "Not drawn, to keep this page small (their final values are in the table below, every value in summary.csv): " + D.leftOut.join(", ")));
    }
    drawCurves();
  }
  function choice(label, options, key) {
    var wrap = el("label", null, label);
    var sel = el("select", { "data-control": key });
    Object.keys(options).forEach(function (k) { var o = el("option", { value: k }, options[k]); if (k === state[key]) { o.selected = true; } sel.appendChild(o); });
    sel.addEventListener("change", function () { state[key] = sel.value; drawCurves(); drawEvents(); });
    wrap.appendChild(sel);
    return wrap;
  }
  var chosenLayer = {};
  function drawCurves() {
    if (!curveGrid) { return; }
    while (curveGrid.firstChild) { curveGrid.removeChild(curveGrid.firstChild); }
    var probe = null, grid = null;
    D.series.forEach(function (m, mi) {
      if (m.probe !== probe) {
        probe = m.probe;
        curveGrid.appendChild(el("h3", null, probe));
        grid = el("div", { "class": "grid" });
        curveGrid.appendChild(grid);
      }
      var li = chosenLayer[mi] || 0;
      var select = null;
      if (m.layers.length > 1) {
        select = el("select", { "aria-label": "layer" });
        m.layers.forEach(function (l, i) { var o = el("option", { value: String(i) }, "layer " + (l.layer || "network")); if (i === li) { o.selected = true; } select.appendChild(o); });
      }
      var title = m.metric + (m.layers.length === 1 && m.layers[0].layer ? " · " + m.layers[0].layer : "");
      var card = curveChart(title, m.layers[li].lines, select, m);
      if (select) {
        select.addEventListener("change", function () {
          chosenLayer[mi] = +select.value;
          var fresh = curveChart(title, m.layers[+select.value].lines, select, m);
          card.parentNode.replaceChild(fresh, card);
          card = fresh;
        });
      }
      grid.appendChild(card);
    });
  }

  // ---- events: each seed's step as a point, the interval across seeds, the mean ----
  var eventBox = null;
  function eventsSection() {
    if (!D.events.length) { return; }
    var es = section("events", "Events across seeds");
    es.appendChild(el("p", { "class": "muted" }, "Onsets and settling steps (each probe's event rule is in docs/metrics.md): a row per condition, each seed's step as a dot, the bar the band chosen above (95% CI of the mean, or min–max), the tick the mean; seeds in which the event never happened are counted at the right."));
    es.appendChild(legend());
    eventBox = el("div", { "class": "grid" });
    es.appendChild(eventBox);
    drawEvents();
  }
  function drawEvents() {
    if (!eventBox) { return; }
    while (eventBox.firstChild) { eventBox.removeChild(eventBox.firstChild); }
    var maxStep = 1;
    D.steps.forEach(function (st) { Object.keys(st).forEach(function (k) { maxStep = Math.max(maxStep, st[k]); }); });
    D.events.forEach(function (e) { e.rows.forEach(function (r) { r.cells.forEach(function (c) { if (c) { c.v.forEach(function (v) { if (v !== null) { maxStep = Math.max(maxStep, v); } }); } }); }); });
    D.events.forEach(function (e) { eventBox.appendChild(eventChart(e, maxStep)); });
  }
  function eventChart(e, maxStep) {
    var ax = axis(), W = 560, L = 150, R = 62, rowH = 12, gap = 8, top = 6;
    var heights = e.rows.length * (C.length * rowH + gap);
    var H = top + heights + 26;
    var card = el("div", { "class": "card" });
    card.appendChild(el("div", { "class": "title" }, e.probe + " · " + e.metric));
    var s = svg("svg", { width: W, height: H, role: "img" });
    card.appendChild(s);
    var xmin = ax.x(0), xmax = ax.x(maxStep);
    if (xmax <= xmin) { xmax = xmin + 1; }
    function px(step) { return L + (ax.x(step) - xmin) / (xmax - xmin) * (W - L - R); }
    ax.ticks(xmin, xmax).forEach(function (t) {
      s.appendChild(svg("line", { x1: px(t[1]), x2: px(t[1]), y1: 0, y2: top + heights, stroke: "#eef" }));
      var tt = svg("text", { x: px(t[1]), y: H - 14, "text-anchor": "middle" }); tt.textContent = tickText(t[1]); s.appendChild(tt);
    });
    var last = svg("text", { x: px(maxStep), y: H - 14, "text-anchor": "middle" }); last.textContent = String(maxStep); s.appendChild(last);
    var xl = svg("text", { x: (L + W - R) / 2, y: H - 2, "text-anchor": "middle" }); xl.textContent = ax.label; s.appendChild(xl);
    e.rows.forEach(function (r, ri) {
      var y0 = top + ri * (C.length * rowH + gap);
      var label = svg("text", { x: L - 8, y: y0 + C.length * rowH / 2 + 3, "text-anchor": "end" });
      label.textContent = subjectOf(r.layer, r.label).slice(0, 40);
      s.appendChild(label);
      r.cells.forEach(function (c, ci) {
        if (c === null) { return; }
        var y = y0 + ci * rowH + rowH / 2, colour = colourOf(ci);
        var band = state.band === "ci" ? [c.lo, c.hi] : state.band === "range" ? [c.mn, c.mx] : [null, null];
        if (band[0] !== null && band[1] !== null) {
          var clamp = function (v) { return Math.min(maxStep, Math.max(0, v)); }; // a wide interval ends at the axis
          s.appendChild(svg("line", { "class": "interval", x1: px(clamp(band[0])), x2: px(clamp(band[1])), y1: y, y2: y, stroke: colour, "stroke-width": 4, "stroke-opacity": 0.45 }));
        }
        if (c.m !== null) { s.appendChild(svg("line", { x1: px(c.m), x2: px(c.m), y1: y - rowH / 2 + 1, y2: y + rowH / 2 - 1, stroke: colour, "stroke-width": 2 })); }
        c.v.forEach(function (v) { if (v !== null) { s.appendChild(svg("circle", { "class": "seed", cx: px(v), cy: y, r: 3, fill: colour, "fill-opacity": 0.75 })); } });
        if (c.missing) { var never = svg("text", { "class": "never", x: W - R + 4, y: y + 3 }); never.textContent = "never " + c.missing + "/" + (c.n + c.missing); s.appendChild(never); }
        var hit = svg("rect", { x: L, y: y - rowH / 2, width: W - L, height: rowH, fill: "transparent" });
        hit.addEventListener("mousemove", function (evt) {
          showTip(evt, subjectOf(r.layer, r.label) + " · " + C[ci].label + "\nmean " + fmt(c.m) + "  95% CI [" + fmt(c.lo) + ", " + fmt(c.hi) + "]  min–max [" + fmt(c.mn) + ", " + fmt(c.mx) + "]"
            + "\nseeds: " + c.v.map(function (v) { return v === null ? "never" : fmt(v); }).join(", "));
        });
        hit.addEventListener("mouseleave", hideTip);
        s.appendChild(hit);
      });
    });
    return card;
  }

  // ---- final values per condition ----
  function finalsSection() {
    if (!D.finals.length) { return; }
    var fs = section("finals", "Final values");
    fs.appendChild(el("p", { "class": "muted" }, "At each condition's last checkpoint: mean ± half the 95% CI across seeds (n seeds); with one seed, its value."));
    var probe = null, table = null, first = true;
    D.finals.forEach(function (r) {
      if (r.probe !== probe) {
        probe = r.probe;
        var d = el("details");
        if (first) { d.open = true; first = false; }
        d.appendChild(el("summary", null, probe));
        table = el("table");
        var head = el("tr");
        head.appendChild(el("th", null, "metric"));
        head.appendChild(el("th", null, "layer"));
        C.forEach(function (c, i) { var th = el("th"); th.appendChild(swatch(i)); th.appendChild(document.createTextNode(c.label)); head.appendChild(th); });
        table.appendChild(head);
        d.appendChild(table);
        fs.appendChild(d);
      }
      var tr = el("tr");
      tr.appendChild(el("td", null, r.metric));
      tr.appendChild(el("td", null, r.layer || "network"));
      r.cells.forEach(function (c) {
        if (c === null || c.m === null) { tr.appendChild(el("td", { "class": "num" }, "—")); return; }
        var text = c.lo !== null && c.hi !== null ? fmt(c.m) + " ± " + fmt((c.hi - c.lo) / 2) + " (n=" + c.n + ")" : fmt(c.m) + " (n=" + c.n + ")";
        tr.appendChild(el("td", { "class": "num", title: "step " + c.step + (c.sd !== null ? ", SD " + fmt(c.sd) : "") + (c.lo !== null ? ", 95% CI [" + fmt(c.lo) + ", " + fmt(c.hi) + "]" : "") }, text));
      });
      table.appendChild(tr);
    });
    if (D.finalRowsLeftOut) { fs.appendChild(el("p", { "class": "muted" }, D.finalRowsLeftOut + " more rows are in summary.csv.")); }
  }

  function render() {
    main.removeChild(document.getElementById("loading"));
    findingsSection();
    curvesSection();
    eventsSection();
    finalsSection();
    runsSection();
  }

  try { render(); } catch (e) { errors.push(String(e && e.stack || e)); document.body.setAttribute("data-errors", errors.join(" | ")); throw e; }

  // ---- self-test for headless browsers: #selftest counts what was drawn, then switches the band and the axis and redraws ----
  if (location.hash === "#selftest") {
    var b = document.body;
    var firstChart = document.querySelector("#curves .card.chart svg");
    b.setAttribute("data-sections", String(document.querySelectorAll("section").length));
    b.setAttribute("data-charts", String(document.querySelectorAll("#curves .card.chart").length));
    b.setAttribute("data-lines", firstChart ? String(firstChart.querySelectorAll("path.series").length) : "0");
    b.setAttribute("data-bands", String(document.querySelectorAll("#curves polygon.band").length));
    b.setAttribute("data-seeds", String(document.querySelectorAll("#events circle.seed").length));
    b.setAttribute("data-links", String(document.querySelectorAll("#runs a[href]").length));
    var firstCard = document.querySelector("#curves .card.chart");
    b.setAttribute("data-first-y", firstCard ? firstCard.getAttribute("data-y-min") + "…" + firstCard.getAttribute("data-y-max") : "");
    b.setAttribute("data-clipped", String(Array.prototype.filter.call(document.querySelectorAll("#curves .caption"), function (c) {
      return c.textContent.indexOf("drawn within what the metric can take") >= 0; }).length));
    state.band = "range"; state.axis = "linear"; drawCurves(); drawEvents();
    b.setAttribute("data-selftest", "redrawn: " + document.querySelectorAll("#curves .card.chart").length + " charts, "
      + document.querySelectorAll("#events line.interval").length + " intervals");
    b.setAttribute("data-overflow-x", String(document.documentElement.scrollWidth - document.documentElement.clientWidth));
  }
})();
