(function () {
  "use strict";
  var errors = [];
  window.addEventListener("error", function (e) { errors.push(String(e.message)); document.body.setAttribute("data-errors", errors.join(" | ")); });

  var U = DSDL, el = U.el, svg = U.svg, fmt = U.fmt, showTip = U.showTip, hideTip = U.hideTip;
  var timing = ["script " + Math.round(performance.now())];
  var D = JSON.parse(document.getElementById("dsdl-data").textContent);
  timing.push("data " + Math.round(performance.now()));
  var CK = D.checkpoints;
  var GUIDES = D.guides || {};
  var IDENTITY = ["selectivity", "rsa", "class-geometry", "linear-probe"];
  var COUPLING = ["filter-coupling", "cka", "weight-coupling", "coupling-graph"];
  // companions of a metric, drawn on its chart or listed in a table, never charts of their own
  var COMPANIONS = ["_ci_low", "_ci_high", "_null_mean", "_null_sd", "_p", "_bootstrap_sd"];
  var R = D.run || {};
  var LAYERS = (R.model && R.model.layers ? R.model.layers.map(function (l) { return l.name; }) : []);

  function ckLabel(p) { var c = CK[p]; return "checkpoint " + c.i + " · step " + c.step + " · epoch " + fmt(c.epoch); }
  var byStep = {};
  CK.forEach(function (c, p) { if (byStep[c.step] === undefined) { byStep[c.step] = p; } });
  function labelAtStep(step) { return byStep[step] !== undefined ? ckLabel(byStep[step]) : "step " + fmt(step); }
  function className(k) { return D.classes[k] !== undefined ? D.classes[k] : "class " + k; }
  /** Class k's colour: Okabe–Ito without black (black is the whole network's line). */
  function classColour(k) { var c = U.PALETTE.filter(function (x) { return x !== "#000000"; }); return c[((k % c.length) + c.length) % c.length]; }
  function layerColour(name) {
    var at = LAYERS.indexOf(name);
    if (name === "network" || at < 0) { return "#000000"; }
    return U.depthColour(at, LAYERS.length);
  }
  function guide(probe, metric) {
    var g = GUIDES[probe + "/" + metric];
    return g || { unit: "", lower: null, upper: null, rising: "a larger " + metric, caption: "" };
  }

  var main = document.getElementById("report");
  function section(id, title) {
    timing.push(id + " " + Math.round(performance.now()));
    return U.section(id, title);
  }

  // ---- a checkpoint slider over the positions in ck; calls show(k) with the index into ck ----
  function slider(ck, show) {
    var box = el("div", { "class": "slider" });
    var input = el("input", { type: "range", min: 0, max: ck.length - 1, value: ck.length - 1, "class": "ck-slider", "aria-label": "checkpoint" });
    var label = el("span", { "class": "ck-label" });
    function update() { var k = Number(input.value); label.textContent = ckLabel(ck[k]); show(k); }
    input.addEventListener("input", update);
    box.appendChild(input); box.appendChild(label);
    update();
    return box;
  }

  // ---- scalars: series by layer, with what belongs on their chart ----
  var byKey = {};
  D.scalars.forEach(function (s) { (byKey[s.probe + "/" + s.metric] = byKey[s.probe + "/" + s.metric] || []).push(s); });
  function companionOf(key) {
    for (var i = 0; i < COMPANIONS.length; i++) {
      var sfx = COMPANIONS[i];
      if (key.length > sfx.length && key.slice(-sfx.length) === sfx && byKey[key.slice(0, -sfx.length)]) { return key.slice(0, -sfx.length); }
    }
    return null;
  }
  function layerOf(x) { return x.layer || "network"; }
  function ofLayer(list, layer) { return (list || []).filter(function (x) { return layerOf(x) === layer; })[0]; }
  function finite(v) { return v !== null && v !== undefined && isFinite(v); }
  /** A whole number with commas between thousands ("1,240,000"); toLocaleString would load the browser's locale data (~40 ms). */
  function grouped(n) { return String(Math.round(Number(n))).replace(/\B(?=(\d{3})+$)/g, ","); }
  /** Whether every series of the metric has at most one value, or one value throughout: a table row, not a chart. */
  function isFlat(list) {
    return list.every(function (sc) {
      var vs = sc.v.filter(finite);
      return vs.length <= 1 || vs.every(function (v) { return v === vs[0]; });
    });
  }
  /** The series of one metric: x = step; with its bootstrap band, permutation-null bars and bootstrap-SD bar when they exist. */
  function seriesOf(key) {
    var list = byKey[key];
    var low = byKey[key + "_ci_low"], high = byKey[key + "_ci_high"], nm = byKey[key + "_null_mean"], ns = byKey[key + "_null_sd"],
      pv = byKey[key + "_p"], bs = byKey[key + "_bootstrap_sd"];
    return list.map(function (sc) {
      var name = layerOf(sc), xs = [], ys = [], lo = [], hi = [];
      var l = ofLayer(low, name), h = ofLayer(high, name);
      sc.v.forEach(function (y, p) {
        if (y === null) { return; }
        xs.push(CK[p].step); ys.push(y);
        if (l && h) { lo.push(l.v[p]); hi.push(h.v[p]); }
      });
      var sr = { name: name, x: xs, y: ys, colour: layerColour(name) };
      if (l && h) { sr.low = lo; sr.high = hi; }
      var m = ofLayer(nm, name), sd = ofLayer(ns, name), pp = ofLayer(pv, name), b = ofLayer(bs, name);
      sr.whiskers = [];
      if (m) {
        m.v.forEach(function (mean, p) {
          if (!finite(mean)) { return; }
          var d = sd && finite(sd.v[p]) ? sd.v[p] : 0, pval = pp ? pp.v[p] : null;
          sr.whiskers.push({ x: CK[p].step, mid: mean, lo: mean - 2 * d, hi: mean + 2 * d,
            note: "permutation null " + fmt(mean) + " ± " + fmt(d) + (finite(pval) ? ", p = " + fmt(pval) : "") });
        });
      }
      if (b) {
        b.v.forEach(function (sdv, p) {
          if (!finite(sdv) || !finite(sc.v[p])) { return; }
          sr.whiskers.push({ x: CK[p].step, mid: sc.v[p], lo: sc.v[p] - 2 * sdv, hi: sc.v[p] + 2 * sdv, note: "± 2 bootstrap SD (" + fmt(sdv) + ")" });
        });
      }
      return sr;
    });
  }
  function chartOf(key, title, opts) {
    var pm = key.split("/"), g = guide(pm[0], pm[1]);
    var series = seriesOf(key);
    var notes = [];
    if (series.some(function (s) { return s.low; })) { notes.push("band: 95% bootstrap interval"); }
    if (byKey[key + "_null_mean"]) { notes.push("bars: permutation null, mean ± 2 SD"); }
    if (byKey[key + "_bootstrap_sd"]) { notes.push("bar at step 0: ± 2 bootstrap SD"); }
    opts = opts || {};
    var chart = U.lineChart(title || pm[1], series, {
      unit: g.unit, bounds: [g.lower, g.upper], tipLabel: labelAtStep, width: opts.width, height: opts.height, legend: opts.legend,
      caption: "Unit: " + g.unit + ". A rising line: " + g.rising + "." + (notes.length ? " " + notes.join("; ") + "." : "")
    });
    chart.setAttribute("data-metric", key);
    return chart;
  }
  function layerLegend(names) {
    return U.legend(names.map(function (n) { return { name: n, colour: layerColour(n) }; }));
  }

  // ---- heat map on a canvas, hover shows the exact cell ----
  function rangeOf(frames) {
    var lo = Infinity, hi = -Infinity;
    frames.forEach(function (f) { f.forEach(function (r) { r.forEach(function (v) { if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }); }); });
    return spanOf(lo, hi);
  }
  /** A matrix's colour range over all its frames: from its smallest and largest value, which come with the data (its frames stay packed until shown). */
  function matrixRange(m) {
    return m.range ? spanOf(m.range[0], m.range[1]) : rangeOf(m.v.map(function (f, k) { return frameOf(m, k); }));
  }
  /** The colour scale's ends for values from lo to hi: symmetric about 0 when they straddle it, else from 0 (or below). */
  function spanOf(lo, hi) {
    if (!isFinite(lo)) { return [0, 1]; }
    if (lo < 0 && hi > 0) { var m = Math.max(-lo, hi); return [-m, m]; }
    return [Math.min(0, lo), hi > lo ? hi : lo + 1];
  }
  function heatmap(m) {
    var card = el("div", { "class": "card" });
    card.appendChild(el("div", { "class": "title" }, m.probe + " · " + m.metric + (m.layer ? " · " + m.layer : "")));
    function rowsOf(k) { return m.labels ? m.labels[k][0] : m.rows; }
    function colsOf(k) { return m.labels ? m.labels[k][1] : m.cols; }
    var rows = 0, cols = 0;
    m.v.forEach(function (f, k) { rows = Math.max(rows, rowsOf(k).length); cols = Math.max(cols, colsOf(k).length); });
    var cell = Math.max(2, Math.min(28, Math.floor(300 / Math.max(rows, cols, 1))));
    var labelled = rows <= 24 && cols <= 24;
    var L = labelled ? 90 : 0, T = labelled ? 70 : 0, R2 = labelled ? 50 : 0;
    // a pixel a cell, shown cell × cell pixels without smoothing (a canvas's cost grows with its pixels); the labels around it in SVG
    var box = el("div", { "class": "heatmap" });
    box.style.width = (L + cols * cell + R2) + "px"; box.style.height = (T + rows * cell) + "px";
    var canvas = el("canvas", { width: Math.max(1, cols), height: Math.max(1, rows), "class": "cells" });
    canvas.style.left = L + "px"; canvas.style.top = T + "px"; canvas.style.width = cols * cell + "px"; canvas.style.height = rows * cell + "px";
    box.appendChild(canvas);
    var labels = labelled ? svg("svg", { width: L + cols * cell + R2, height: T + rows * cell, "class": "labels" }) : null;
    if (labels) { box.appendChild(labels); }
    card.style.width = Math.max(L + cols * cell, 330) + "px";
    var range = matrixRange(m);
    var current = m.v.length - 1, shownLabels = null;
    function short(text) { text = String(text); return text.length > 14 ? text.slice(0, 13) + "…" : text; }
    function label(x, y, text, attrs) { var t = svg("text", attrs); t.setAttribute("x", x); t.setAttribute("y", y); t.textContent = short(text); labels.appendChild(t); }
    function draw(k) {
      current = k;
      var g = canvas.getContext("2d"), f = frameOf(m, k);
      g.clearRect(0, 0, canvas.width, canvas.height);
      U.paintGrid(g, 0, 0, f.length, f.length ? f[0].length : 0, 1, 1, function (i, j) { return f[i][j]; }, range[0], range[1]);
      var key = labelled ? JSON.stringify([rowsOf(k), colsOf(k)]) : null;
      if (labelled && key !== shownLabels) {
        shownLabels = key;
        while (labels.firstChild) { labels.removeChild(labels.firstChild); }
        rowsOf(k).forEach(function (r, i) { label(L - 4, T + (i + 0.5) * cell, r, { "text-anchor": "end", "dominant-baseline": "central" }); });
        colsOf(k).forEach(function (c, j) { var x = L + (j + 0.5) * cell, y = T - 4; label(x, y, c, { "dominant-baseline": "central", transform: "rotate(-45 " + x + " " + y + ")" }); });
      }
    }
    canvas.addEventListener("mousemove", function (evt) {
      var at = canvas.getBoundingClientRect();
      var j = Math.floor((evt.clientX - at.left) / cell), i = Math.floor((evt.clientY - at.top) / cell);
      var f = frameOf(m, current);
      if (i >= 0 && i < f.length && j >= 0 && j < f[i].length) { showTip(evt, rowsOf(current)[i] + " × " + colsOf(current)[j] + ": " + fmt(f[i][j]) + "\n" + ckLabel(m.ck[current])); }
    });
    canvas.addEventListener("mouseleave", hideTip);
    card.appendChild(box);
    card.appendChild(U.colourBar(range[0], range[1], m.metric));
    if (m.ck.length < m.frames) { card.appendChild(el("div", { "class": "muted" }, m.ck.length + " of " + m.frames + " checkpoints kept")); }
    card.appendChild(slider(m.ck, draw));
    return card;
  }

  // ---- the coupling graph you can trace: click a unit for its strongest-input ancestry and its descendants ----
  /**
   * The strongest-input forest of one frame: for each unit, the edge from its strongest input (largest weight, the first on ties).
   * A unit's ancestry follows these edges down to the first layer; its descendants are the units reached up through them.
   */
  function strongestInputs(edges) {
    var best = {};
    for (var r = 0; r < edges.length; r += 3) {
      var t = edges[r + 1], w = edges[r + 2];
      if (best[t] === undefined || w > edges[best[t] + 2]) { best[t] = r; }
    }
    return best;
  }
  function traced(edges, unit) {
    var best = strongestInputs(edges), on = {}, children = {};
    Object.keys(best).forEach(function (t) { var r = best[t], s = edges[r]; (children[s] = children[s] || []).push(r); });
    var seen = {}, u = unit;
    while (best[u] !== undefined && !seen[u]) { seen[u] = true; on[best[u]] = true; u = edges[best[u]]; }
    var queue = [unit], done = {};
    while (queue.length) {
      var s = queue.shift();
      if (done[s]) { continue; }
      done[s] = true;
      (children[s] || []).forEach(function (r) { on[r] = true; queue.push(edges[r + 1]); });
    }
    return on;
  }
  function graphView(g) {
    var card = el("div", { "class": "card graph" });
    card.appendChild(el("div", { "class": "title" }, g.probe + " · " + g.metric + (g.layer ? " · " + g.layer : "")));
    var groups = [];
    g.groups.forEach(function (x) { if (groups.indexOf(x) < 0) { groups.push(x); } });
    var pc = g.attributes.indexOf("preferred_class"), dead = g.attributes.indexOf("dead");
    var last = g.ck.length - 1;
    // units of a layer ordered by their preferred class at the last checkpoint, so a class's units sit together
    var W = Math.max(640, Math.min(1120, groups.length * 190)), H = 560, pos = [];
    groups.forEach(function (gr, c) {
      var members = [];
      g.ids.forEach(function (id, i) { if (g.groups[i] === gr) { members.push(i); } });
      function key(i) { var v = pc >= 0 ? g.attrs[last][pc][i] : 0; return (dead >= 0 && g.attrs[last][dead][i] === 1) || v === null || v < 0 ? 1e9 : v; }
      members.sort(function (a, b) { return key(a) - key(b) || a - b; });
      members.forEach(function (i, j) { pos[i] = [50 + c * (W - 100) / Math.max(1, groups.length - 1), 26 + (j + 0.5) * (H - 36) / members.length]; });
    });
    var r = g.ids.length > 300 ? 2.2 : 3.2;
    // one canvas, not an element per edge and unit: a graph of ~1,250 edges and ~450 units as SVG took most of the first screen's time
    var ratio = window.devicePixelRatio || 1;
    var canvas = el("canvas", { width: Math.round(W * ratio), height: Math.round(H * ratio), "class": "coupling" });
    canvas.style.width = W + "px"; canvas.style.height = H + "px";
    // the largest weight of all frames (written with the data: the first screen has only the last frame)
    var maxAll = g.maxWeight;
    var state = { k: last, picked: null, threshold: 0, cls: -1 };
    var stats = el("div", { "class": "muted graph-stats" });
    function classOf(i) { return pc >= 0 ? g.attrs[state.k][pc][i] : -1; }
    function isDead(i) { return dead >= 0 && g.attrs[state.k][dead][i] === 1; }
    /** The unit under the pointer (within a few pixels of its centre), or null. */
    function unitAt(evt) {
      var box = canvas.getBoundingClientRect(), x = evt.clientX - box.left, y = evt.clientY - box.top, best = null, bestD = (r + 3) * (r + 3);
      pos.forEach(function (p, i) { var d = (p[0] - x) * (p[0] - x) + (p[1] - y) * (p[1] - y); if (d <= bestD) { bestD = d; best = i; } });
      return best;
    }
    canvas.addEventListener("mousemove", function (evt) {
      var i = unitAt(evt);
      if (i === null) { hideTip(); canvas.style.cursor = ""; return; }
      canvas.style.cursor = "pointer";
      var out = [g.groups[i] + " unit " + g.ids[i].split(":").pop()];
      g.attributes.forEach(function (name, ai) { var v = g.attrs[state.k][ai][i]; out.push(name + ": " + (name === "preferred_class" && v >= 0 && D.classes[v] !== undefined ? D.classes[v] : fmt(v))); });
      out.push("click: trace its strongest inputs down and its descendants up");
      showTip(evt, out.join("\n"));
    });
    canvas.addEventListener("mouseleave", hideTip);
    canvas.addEventListener("click", function (evt) { var i = unitAt(evt); state.picked = i === null || state.picked === i ? null : i; restyle(); });
    /** Checkpoint k's edges and node attributes unpacked (the rest of the data keeps them packed until shown); false before they are here. */
    function frame(k) {
      if (typeof g.edges[k] === "string") { g.edges[k] = unpack(g.edges[k]); g.attrs[k] = g.attrs[k].map(unpack); }
      return !!g.edges[k];
    }
    function draw(k) {
      if (!frame(k)) { return; }
      state.k = k;
      restyle();
    }
    /** Paints the frame: faded edges first, then the others, the traced ones on top, then the units; counts what it drew. */
    function restyle() {
      var e = g.edges[state.k], on = state.picked === null ? null : traced(e, state.picked), units = {}, shown = 0, lit = 0, faded = 0;
      var c = canvas.getContext("2d"), passes = [[], [], []];
      c.setTransform(ratio, 0, 0, ratio, 0, 0);
      c.clearRect(0, 0, W, H);
      c.fillStyle = "#1d2330"; c.font = "11px sans-serif"; c.textAlign = "center";
      groups.forEach(function (gr, col) { c.fillText(gr, 50 + col * (W - 100) / Math.max(1, groups.length - 1), 12); });
      for (var q = 0; q < e.length; q += 3) {
        var below = Math.abs(e[q + 2]) < state.threshold;
        var off = state.cls >= 0 && classOf(e[q + 1]) !== state.cls && classOf(e[q]) !== state.cls;
        var hl = on !== null && on[q] === true;
        if (hl) { lit++; units[e[q]] = true; units[e[q + 1]] = true; passes[2].push(q); } else if (below || off || on !== null) { faded++; passes[0].push(q); } else { passes[1].push(q); }
        if (!below && !off) { shown++; }
      }
      c.lineCap = "round";
      passes.forEach(function (list, pass) {
        list.forEach(function (q) {
          var a = pos[e[q]], b = pos[e[q + 1]], cl = classOf(e[q + 1]);
          c.globalAlpha = pass === 0 ? 0.04 : pass === 1 ? 0.3 : 0.95;
          c.strokeStyle = pass === 2 ? "#000" : cl >= 0 && cl !== null ? classColour(cl) : "#888";
          c.lineWidth = 0.3 + 2.2 * Math.abs(e[q + 2]) / (maxAll || 1);
          c.beginPath(); c.moveTo(a[0], a[1]); c.lineTo(b[0], b[1]); c.stroke();
        });
      });
      g.ids.forEach(function (id, i) {
        var cl = classOf(i), dim = (state.cls >= 0 && cl !== state.cls) || (on !== null && !units[i] && i !== state.picked);
        c.globalAlpha = dim ? 0.15 : 1;
        c.fillStyle = isDead(i) || cl < 0 || cl === null ? "#c8cbd2" : classColour(cl);
        c.beginPath(); c.arc(pos[i][0], pos[i][1], r, 0, 2 * Math.PI); c.fill();
        if (i === state.picked || units[i]) { c.strokeStyle = "#000"; c.lineWidth = i === state.picked ? 2.5 : 1.5; c.stroke(); }
      });
      c.globalAlpha = 1;
      card.setAttribute("data-highlighted-edges", String(lit));
      card.setAttribute("data-visible-edges", String(shown));
      card.setAttribute("data-faded-edges", String(faded));
      if (state.picked === null) { card.removeAttribute("data-picked"); } else { card.setAttribute("data-picked", g.ids[state.picked]); }
      stats.textContent = (e.length / 3) + " edges at this checkpoint, " + shown + " at or above the threshold" + (state.cls >= 0 ? " touching " + className(state.cls) + "'s units" : "")
        + (state.picked === null ? "; click a unit to trace it" : "; " + g.groups[state.picked] + " unit " + g.ids[state.picked].split(":").pop() + ": "
          + lit + " edges in its strongest-input ancestry and descendants (click it again, or the background, to clear)");
    }
    card.appendChild(canvas);
    card.appendChild(U.legend(D.classes.map(function (name, i) { return { name: name, colour: classColour(i) }; }).concat([{ name: "dead / no preferred class", colour: "#c8cbd2" }])));
    var controls = el("div", { "class": "controls" });
    var th = el("label", null, "fade edges weaker than ");
    var thInput = el("input", { type: "range", min: 0, max: 100, value: 0, "class": "edge-threshold", "aria-label": "edge-strength threshold" });
    var thValue = el("span", { "class": "threshold-value" }, fmt(0));
    thInput.addEventListener("input", function () { state.threshold = maxAll * Number(thInput.value) / 100; thValue.textContent = fmt(state.threshold); restyle(); });
    th.appendChild(thInput); th.appendChild(thValue);
    controls.appendChild(th);
    var cl = el("label", null, "units preferring ");
    var select = el("select", { "class": "class-filter", "aria-label": "filter units by preferred class" });
    select.appendChild(el("option", { value: "-1" }, "any class"));
    D.classes.forEach(function (name, i) { select.appendChild(el("option", { value: String(i) }, name)); });
    select.addEventListener("change", function () { state.cls = Number(select.value); restyle(); });
    cl.appendChild(select);
    controls.appendChild(cl);
    card.appendChild(controls);
    var sl = slider(g.ck, draw), ckInput = sl.querySelector("input");
    // the other checkpoints' frames come with the rest of the data, after the first screen is drawn
    if (g.edges.some(function (e) { return e === null; })) { ckInput.disabled = true; whenAll(function () { ckInput.disabled = false; }); }
    card.appendChild(sl);
    card.appendChild(stats);
    card.appendChild(U.caption("The coupling graph: units of consecutive layers (columns, shallow to deep; a layer's units ordered by preferred class), each unit joined to its"
      + " strongest inputs from the layer before, edge width ∝ coupling strength, colour = preferred class of the receiving unit. Graphical bootstrapping:"
      + " click a unit to highlight the chain of its strongest inputs down to the first layer and the units it is the strongest input of, up to the last;"
      + " the selection stays as the checkpoint slider moves. Edge weight unit: as the probe couples units (|Pearson r| of responses, or kernel-slice norm)."));
    card.select = function (id) { var i = g.ids.indexOf(id); if (i >= 0) { state.picked = state.picked === i ? null : i; restyle(); } };
    card.threshold = function (fraction) { thInput.value = String(Math.round(fraction * 100)); thInput.dispatchEvent(new Event("input")); };
    return card;
  }

  // ---- headline figures ----
  function emergenceFigure() {
    var acc = (byKey["accuracy/test_accuracy"] || [])[0];
    var recall = D.vectors.filter(function (v) { return v.metric === "test_recall" && !v.layer; })[0];
    if (!acc && !recall) { return null; }
    var series = [];
    if (recall) {
      recall.labels.forEach(function (name, i) {
        var marks = [];
        D.events.forEach(function (e) { if (e.metric === "identity_onset_step" && !e.layer && e.label === name && finite(e.step)) { marks.push(e.step); } });
        series.push({ name: name, x: recall.ck.map(function (p) { return CK[p].step; }), y: recall.v.map(function (f) { return f[i]; }), colour: classColour(i), marks: marks, width: 1.5 });
      });
    }
    if (acc) {
      var xs = [], ys = [];
      acc.v.forEach(function (y, p) { if (y !== null) { xs.push(CK[p].step); ys.push(y); } });
      series.push({ name: "held-out accuracy", x: xs, y: ys, colour: "#000000", width: 2.8 });
    }
    var g = guide("accuracy", "test_accuracy");
    var fig = U.lineChart("Emergence of classification", series, {
      width: 470, height: 300, unit: "fraction correct (0–1)", bounds: [0, 1], domain: [0, 1], tipLabel: labelAtStep,
      caption: "Held-out accuracy (black) and each class's held-out recall (colours) over training; dashed rules: each class's onset (from then on its recall stays at"
        + " or above the onset threshold). Unit: fraction (0–1). A rising line: " + g.rising + "."
    });
    fig.setAttribute("id", "emergence");
    return fig;
  }
  /** The identity measure the map shows: a control-corrected one when the run has it. */
  function identityMeasure() {
    var keys = Object.keys(byKey);
    var controlled = keys.filter(function (k) { var pm = k.split("/"); return pm[1] === "selectivity" && byKey[pm[0] + "/control_accuracy"]; })[0];
    if (controlled) {
      return { key: controlled, what: "linear-probe selectivity = probe accuracy − control-task accuracy (Hewitt & Liang 2019), the identity a linear probe decodes beyond what it can memorise" };
    }
    var probe = keys.filter(function (k) { return k.split("/")[1] === "probe_accuracy"; })[0];
    if (probe) { return { key: probe, what: "linear-probe accuracy (no control task ran, so not control-corrected)" }; }
    var sel = keys.filter(function (k) { return k.split("/")[1] === "mean_selectivity"; })[0];
    return sel ? { key: sel, what: "mean class selectivity index of the live units (not control-corrected)" } : null;
  }
  function identityMap() {
    var m = identityMeasure();
    if (!m) { return null; }
    var list = byKey[m.key].filter(function (x) { return x.layer; });
    if (!list.length) { return null; }
    list.sort(function (a, b) { return LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer); });
    var probe = m.key.split("/")[0];
    var lo = 0, hi = 0;
    list.forEach(function (x) { x.v.forEach(function (v) { if (finite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }); });
    if (hi === lo) { hi = lo + 1; }
    // columns: only the checkpoints where the measure exists (a control task may run at some checkpoints only); nothing interpolated
    var cols = [];
    CK.forEach(function (c, p) { if (list.some(function (x) { return finite(x.v[p]); })) { cols.push(p); } });
    if (!cols.length) { return null; }
    var n = cols.length, L = 118, T = 8, B = 30, cw = Math.max(4, Math.min(56, Math.floor(520 / n))), rh = Math.max(14, Math.min(30, Math.floor(260 / list.length)));
    var W = Math.max(L + n * cw + 10, 380), H = T + list.length * rh + B;
    var card = el("div", { "class": "card idmap", id: "identity-map" });
    card.appendChild(el("div", { "class": "title" }, "Identity map: layers × checkpoints"));
    var s = svg("svg", { width: W, height: H });
    var onsets = {};
    D.events.forEach(function (e) { if (e.probe === probe && e.metric === "identity_onset_step" && finite(e.step)) { onsets[e.label] = e.step; } });
    var filled = 0;
    s.appendChild(svg("rect", { x: L, y: T, width: n * cw, height: list.length * rh - 1, fill: U.BLANK }));
    list.forEach(function (x, row) {
      var t = svg("text", { x: L - 6, y: T + row * rh + rh / 2 + 3, "text-anchor": "end" }); t.textContent = x.layer.length > 18 ? x.layer.slice(0, 17) + "…" : x.layer; s.appendChild(t);
      cols.forEach(function (p, j) {
        var v = x.v[p], c = CK[p];
        if (!finite(v)) { return; }
        filled++;
        var cell = svg("rect", { x: L + j * cw, y: T + row * rh, width: cw - 0.5, height: rh - 1, fill: U.scaleColour(v, lo, hi), "class": "cell" });
        cell.addEventListener("mousemove", function (evt) {
          var lines = [x.layer + " · " + ckLabel(p), m.key.split("/")[1] + ": " + fmt(v)];
          var lw = ofLayer(byKey[m.key + "_ci_low"], x.layer), up = ofLayer(byKey[m.key + "_ci_high"], x.layer);
          if (lw && up && finite(lw.v[p])) { lines.push("95% bootstrap interval [" + fmt(lw.v[p]) + ", " + fmt(up.v[p]) + "]"); }
          ["probe_accuracy", "control_accuracy"].forEach(function (k) { var o = ofLayer(byKey[probe + "/" + k], x.layer); if (o && finite(o.v[p])) { lines.push(k + ": " + fmt(o.v[p])); } });
          if (onsets[x.layer] === c.step) { lines.push("identity onset of this layer"); }
          showTip(evt, lines.join("\n"));
        });
        cell.addEventListener("mouseleave", hideTip);
        s.appendChild(cell);
      });
    });
    s.appendChild(svg("rect", { x: L, y: T, width: n * cw, height: list.length * rh - 1, fill: "none", stroke: "#dfe2e8" }));
    // a layer's onset: its cell outlined where the onset's checkpoint is a column, else a black bar between the columns around it
    var between = 0;
    list.forEach(function (x, row) {
      var step = onsets[x.layer];
      if (step === undefined) { return; }
      var j = cols.indexOf(byStep[step]);
      if (j >= 0) {
        s.appendChild(svg("rect", { x: L + j * cw + 0.5, y: T + row * rh + 0.5, width: cw - 1.5, height: rh - 2, fill: "none", stroke: "#000", "stroke-width": 2, "class": "onset" }));
        return;
      }
      var after = 0;
      while (after < n && CK[cols[after]].step < step) { after++; }
      var bar = svg("rect", { x: L + after * cw - 2, y: T + row * rh, width: 4, height: rh - 1, fill: "#000", "class": "onset-between" });
      bar.addEventListener("mousemove", function (evt) { showTip(evt, x.layer + ": identity onset at step " + step + (after > 0 && after < n ? ", between the columns of steps "
        + CK[cols[after - 1]].step + " and " + CK[cols[after]].step : "") + " (the measure was not computed there)"); });
      bar.addEventListener("mouseleave", hideTip);
      s.appendChild(bar);
      between++;
    });
    var lastTick = -Infinity;
    cols.forEach(function (p, j) {
      if (L + j * cw - lastTick > 26 || j === n - 1 && L + j * cw - lastTick > 18) {
        var tx = svg("text", { x: L + j * cw + cw / 2, y: H - B + 12, "text-anchor": "middle" }); tx.textContent = String(CK[p].step); s.appendChild(tx);
        lastTick = L + j * cw;
      }
    });
    var xl = svg("text", { x: L + n * cw / 2, y: H - 4, "text-anchor": "middle" });
    xl.textContent = n < CK.length ? "the " + n + " checkpoints where it was computed (labels: training step)" : "checkpoints, one column each (labels: training step)";
    s.appendChild(xl);
    card.appendChild(s);
    card.setAttribute("data-cells", String(filled));
    card.setAttribute("data-columns", String(n));
    var bar = el("div");
    bar.appendChild(U.colourBar(lo, hi, m.key.split("/")[1]));
    card.appendChild(bar);
    card.appendChild(U.caption("Emergence by depth and time: colour = " + m.what + ". " + (lo < 0 ? "Blue below 0, red above. " : "")
      + (n < CK.length ? "Columns: the " + n + " of " + CK.length + " checkpoints where " + (probe === "linear-probe" ? "the control task ran" : "it was computed")
        + ", in order, not evenly spaced in steps (labels: each column's training step); nothing is interpolated"
        + (probe === "linear-probe" ? " (linear-probe's controlEvery: 1 computes it at every checkpoint)" : "") + ". "
        : "Columns: every checkpoint. ")
      + "A black outline marks a layer's identity onset" + (between ? "; a black bar between two columns an onset at a checkpoint between them" : "") + "."));
    card.style.maxWidth = (W + 12) + "px";
    return card;
  }

  // ---- per-unit vectors over training: a heat strip (units × checkpoints) ----
  function heatStrip(v) {
    var card = el("div", { "class": "card" });
    card.appendChild(el("div", { "class": "title" }, v.probe + " · " + v.metric + (v.layer ? " · " + v.layer : "")));
    var units = v.labels.length, frames = v.v.length;
    var cw = Math.max(2, Math.floor(300 / frames)), ch = Math.max(1, Math.min(6, Math.floor(200 / units)));
    // a pixel a cell, shown cw × ch pixels a cell without smoothing: a canvas's cost grows with its pixels
    var canvas = el("canvas", { width: frames, height: units, "class": "cells" });
    canvas.style.width = frames * cw + "px"; canvas.style.height = units * ch + "px";
    card.style.width = Math.max(frames * cw, 200) + "px";
    var range = rangeOf([v.v]);
    // a preferred class is a category, not a quantity: the classes' colours, not a scale
    var categorical = v.metric === "preferred_class";
    U.paintGrid(canvas.getContext("2d"), 0, 0, units, frames, 1, 1, function (u, f) { return v.v[f][u]; }, range[0], range[1],
      categorical ? D.classes.map(function (n, k) { return classColour(k); }) : null);
    canvas.addEventListener("mousemove", function (evt) {
      var box = canvas.getBoundingClientRect();
      var fi = Math.floor((evt.clientX - box.left) / cw), ui = Math.floor((evt.clientY - box.top) / ch);
      if (fi >= 0 && fi < frames && ui >= 0 && ui < units) { showTip(evt, v.labels[ui] + ": " + fmt(v.v[fi][ui]) + "\n" + ckLabel(v.ck[fi])); }
    });
    canvas.addEventListener("mouseleave", hideTip);
    card.appendChild(canvas);
    card.appendChild(categorical ? U.legend(D.classes.map(function (n, k) { return { name: n, colour: classColour(k) }; })) : U.colourBar(range[0], range[1], v.metric));
    card.appendChild(U.caption("Rows: " + units + " " + (units > 1 ? "entries" : "entry") + "; columns: checkpoints, left to right. " + (guide(v.probe, v.metric).unit ? "Unit: " + guide(v.probe, v.metric).unit + "." : "")));
    return card;
  }

  // ---- kernels of the first convolution over training ----
  function kernelView(m) {
    var card = el("div", { "class": "card" });
    card.appendChild(el("div", { "class": "title" }, "first-layer kernels · " + (m.layer || "")));
    var ky = 0, kx = 0, kc = 0;
    m.cols.forEach(function (c) { var rr = /y(\d+)x(\d+)c(\d+)/.exec(c); if (rr) { ky = Math.max(ky, +rr[1] + 1); kx = Math.max(kx, +rr[2] + 1); kc = Math.max(kc, +rr[3] + 1); } });
    // every filter on one canvas (a canvas has a cost of its own): a grid of filters, each drawn at S pixels a weight, a gap between
    var S = Math.max(2, Math.round(36 / Math.max(kx, ky))), GAP = 4, per = Math.min(m.rows.length, 16);
    var fw = kx * S + GAP, fh = ky * S + GAP, lines = Math.ceil(m.rows.length / per);
    // a 1-pixel frame round each filter (weights near 0 are near white), so the grid starts 1 pixel in
    var canvas = el("canvas", { width: per * fw - GAP + 2, height: lines * fh - GAP + 2, "class": "kernels", "data-filters": String(m.rows.length) });
    var g = canvas.getContext("2d"), frame = null;
    function mean(f, y, x) { var v = 0; for (var ch = 0; ch < kc; ch++) { v += frame[f][(y * kx + x) * kc + ch]; } return v / kc; }
    var range = matrixRange(m);
    function draw(k) {
      frame = frameOf(m, k);
      g.strokeStyle = "#ddd"; g.lineWidth = 1;
      m.rows.forEach(function (name, f) {
        var x0 = 1 + (f % per) * fw, y0 = 1 + Math.floor(f / per) * fh;
        U.paintGrid(g, x0, y0, ky, kx, S, S, function (y, x) { return mean(f, y, x); }, range[0], range[1]);
        g.strokeRect(x0 - 0.5, y0 - 0.5, kx * S + 1, ky * S + 1);
      });
    }
    canvas.addEventListener("mousemove", function (evt) {
      var box = canvas.getBoundingClientRect(), px = evt.clientX - box.left - 1, py = evt.clientY - box.top - 1;
      var f = Math.floor(py / fh) * per + Math.floor(px / fw), x = Math.floor((px % fw) / S), y = Math.floor((py % fh) / S);
      if (f < m.rows.length && x < kx && y < ky) { showTip(evt, m.rows[f] + " (" + y + ", " + x + "): " + fmt(mean(f, y, x))); } else { hideTip(); }
    });
    canvas.addEventListener("mouseleave", hideTip);
    card.appendChild(canvas);
    card.appendChild(U.caption(m.rows.length + " filters, " + ky + "×" + kx + (kc > 1 ? " (mean over " + kc + " input channels)" : "") + "; weights: red positive, blue negative."));
    card.appendChild(slider(m.ck, draw));
    return card;
  }

  // ---- events timeline ----
  function timeline(events) {
    var rows = events.filter(function (e) { return finite(e.step); });
    var W = 760, rowH = 16, L = 260, H = 30 + rows.length * rowH;
    var s = svg("svg", { width: W, height: H });
    var maxStep = CK.length ? CK[CK.length - 1].step : 1;
    function px(step) { return L + Math.log10(Math.max(step, 0.5) / 0.5) / Math.log10(Math.max(maxStep, 1) / 0.5) * (W - L - 20); }
    for (var d = 0; Math.pow(10, d) <= maxStep; d++) {
      s.appendChild(svg("line", { x1: px(Math.pow(10, d)), x2: px(Math.pow(10, d)), y1: 0, y2: H - 20, stroke: "#eef" }));
      var t = svg("text", { x: px(Math.pow(10, d)), y: H - 6, "text-anchor": "middle" }); t.textContent = String(Math.pow(10, d)); s.appendChild(t);
    }
    var probes = [];
    rows.forEach(function (e) { if (probes.indexOf(e.probe) < 0) { probes.push(e.probe); } });
    rows.forEach(function (e, i) {
      var y = 12 + i * rowH;
      var label = svg("text", { x: L - 8, y: y + 4, "text-anchor": "end" }); label.textContent = e.metric.replace(/_step$/, "") + " · " + (e.label || "network") + (e.layer ? " · " + e.layer : "") + " (" + e.probe + ")"; s.appendChild(label);
      var dot = svg("circle", { cx: px(e.step), cy: y, r: 4, fill: U.colourOf(probes.indexOf(e.probe)) });
      dot.addEventListener("mousemove", function (evt) { showTip(evt, e.probe + " " + e.metric + " " + (e.label || "") + ": step " + fmt(e.step)); });
      dot.addEventListener("mouseleave", hideTip);
      s.appendChild(dot);
    });
    return s;
  }

  // ---- class pathways: per class, the units its logit draws its kept influence from, layer by layer ----
  var STATS = ["specificity", "concentration", "consistency", "stability"];
  function statKey(P, stat, k) { return P.probe + "/pathway_" + stat + "_c" + k; }
  function pairColour(i, n) { return U.depthColour(i, n); }
  /** The scalar keys the pathways section draws (so "Other probes" leaves them out). */
  function pathwayKeys() {
    var keys = {};
    (D.pathways || []).forEach(function (P) {
      P.classes.forEach(function (C) {
        STATS.forEach(function (stat) { ["", "_null_mean", "_null_sd", "_p"].forEach(function (x) { keys[statKey(P, stat, C.k) + x] = true; }); });
      });
    });
    return keys;
  }
  function pathwayCard(P, C, onShow) {
    var k = C.k, n = P.layers.length, rows = 1;
    var card = el("div", { "class": "card pathway" });
    card.appendChild(el("div", { "class": "title" }, className(k) + " · pathway from " + P.layers[0] + " to " + P.layers[n - 1]));
    C.f.forEach(function (f) { f.u.forEach(function (col) { rows = Math.max(rows, col.length); }); });
    var colW = 112, W = Math.max(560, n * colW), T = 40, rowH = 26, H = T + rows * rowH + 6;
    function x(l) { return colW / 2 + l * (W - colW) / Math.max(1, n - 1); }
    function y(j) { return T + (j + 0.5) * rowH; }
    var s = svg("svg", { width: W, height: H });
    P.layers.forEach(function (name, l) {
      var t = svg("text", { x: x(l), y: 12, "text-anchor": "middle" }); t.textContent = name.length > 18 ? name.slice(0, 17) + "…" : name; s.appendChild(t);
      var u = svg("text", { x: x(l), y: 25, "text-anchor": "middle", "class": "sub" }); u.textContent = P.widths[l] + " units"; s.appendChild(u);
    });
    var edgeLayer = svg("g", {}), nodeLayer = svg("g", {});
    s.appendChild(edgeLayer); s.appendChild(nodeLayer);
    function draw(i) {
      var f = C.f[i];
      while (edgeLayer.firstChild) { edgeLayer.removeChild(edgeLayer.firstChild); }
      while (nodeLayer.firstChild) { nodeLayer.removeChild(nodeLayer.firstChild); }
      f.e.forEach(function (e, l) {
        for (var q = 0; q + 2 < e.length; q += 3) {
          var a = e[q], b = e[q + 1], w = e[q + 2];
          var own = f.p[l][a] === k && f.p[l + 1][b] === k;
          var line = svg("line", { x1: x(l), y1: y(a), x2: x(l + 1), y2: y(b), stroke: own ? classColour(k) : "#9aa3b5",
            "stroke-opacity": own ? 0.75 : 0.5, "stroke-width": (0.5 + 5 * Math.max(0, w) / (P.maxInfluence[l] || 1)).toFixed(2) });
          line.addEventListener("mousemove", (function (l, a, b, w) { return function (evt) {
            showTip(evt, P.layers[l] + " unit " + f.u[l][a] + " → " + P.layers[l + 1] + " unit " + f.u[l + 1][b] + "\ninfluence for " + className(k) + ": " + fmt(w));
          }; })(l, a, b, w));
          line.addEventListener("mouseleave", hideTip);
          edgeLayer.appendChild(line);
        }
      });
      f.u.forEach(function (col, l) {
        if (!col.length) { var none = svg("text", { x: x(l), y: y(0), "text-anchor": "middle" }); none.textContent = "—"; nodeLayer.appendChild(none); }
        col.forEach(function (unit, j) {
          var pc = f.p[l][j], share = f.s[l][j] || 0, rr = Math.min(10, 2.5 + 7 * Math.sqrt(share));
          var node = svg("circle", { cx: x(l), cy: y(j), r: rr.toFixed(2), fill: pc >= 0 ? classColour(pc) : "#ccc", stroke: "#fff" });
          node.addEventListener("mousemove", function (evt) {
            showTip(evt, P.layers[l] + " unit " + unit + "\npreferred class: " + (pc >= 0 ? className(pc) : "none (dead)") + "\nselectivity: " + fmt(f.q[l][j])
              + "\nshare of " + className(k) + "'s pathway: " + fmt(share));
          });
          node.addEventListener("mouseleave", hideTip);
          nodeLayer.appendChild(node);
          var label = svg("text", { x: x(l) + rr + 3, y: y(j) + 3, "class": "unit" }); label.textContent = String(unit); nodeLayer.appendChild(label);
        });
      });
      onShow(CK[C.ck[i]].step);
    }
    card.style.width = W + "px";
    card.appendChild(s);
    if (C.ck.length < C.frames) { card.appendChild(el("div", { "class": "muted" }, C.ck.length + " of " + C.frames + " checkpoints kept (evenly spaced)")); }
    card.appendChild(slider(C.ck, draw));
    return card;
  }
  function pathwayStats(P, k) {
    var charts = [];
    STATS.forEach(function (stat) {
      var key = statKey(P, stat, k), list = byKey[key];
      if (!list) { return; }
      var onsetOf = new RegExp("(^|_)c" + k + "(_|$)");
      var series = seriesOf(key).map(function (sr) {
        var at = P.layers.indexOf(sr.name);
        sr.marks = [];
        D.events.forEach(function (e) {
          // an onset of this statistic, class and layer: a per-layer scalar named for the class, or a per-layer vector over classes
          var mine = e.probe === P.probe && finite(e.step) && e.metric.indexOf(stat) >= 0
            && ((e.label === sr.name && !e.layer && onsetOf.test(e.metric)) || (e.layer === sr.name && e.label === className(k)));
          if (mine && sr.marks.indexOf(e.step) < 0) { sr.marks.push(e.step); }
        });
        sr.colour = pairColour(Math.max(0, at - 1), P.layers.length - 1);
        sr.name = at > 0 ? P.layers[at - 1] + " → " + sr.name : sr.name;
        return sr;
      });
      var withNull = series.some(function (sr) { return sr.whiskers.length > 0; });
      var g = guide(P.probe, "pathway_" + stat + "_c" + k);
      charts.push(U.lineChart("pathway " + stat + (withNull ? " · bars: null ± 2 SD" : ""), series, { width: 300, height: 180, legend: false, unit: g.unit,
        bounds: [g.lower, g.upper], tipLabel: labelAtStep, caption: "A rising line: " + g.rising + "." }));
    });
    return charts;
  }
  function pathwaySection(s) {
    s.appendChild(el("p", { "class": "muted" }, "Per class, its pathway through the class attribution graph (first-order influences of each unit on the next layer,"
      + " averaged over the class's exemplars; see docs/metrics.md, class-attribution), with a checkpoint slider."
      + " Nodes: per layer, the units through which most of the class's kept influence reaches its logit, largest share at top, area ∝ share, label = unit index,"
      + " coloured by preferred class (grey: dead). Edges: kept influences, width ∝ influence relative to the largest of that layer pair over the run,"
      + " in the class's colour where both units prefer it. Beside it, the pathway statistics per layer pair, shallow (dark) to deep (light):"
      + " bars are a permutation null (mean ± 2 SD) where the probe computed one, dashed lines onsets, the grey rule the slider's checkpoint."));
    D.pathways.forEach(function (P) {
      if (D.pathways.length > 1) { s.appendChild(el("h3", null, P.probe)); }
      s.appendChild(U.legend([{ name: "layer pairs:", colour: "transparent" }].concat(P.layers.slice(1).map(function (name, i) {
        return { name: P.layers[i] + " → " + name, colour: pairColour(i, P.layers.length - 1) };
      }))));
      s.appendChild(U.legend(D.classes.map(function (name, i) { return { name: name, colour: classColour(i) }; })));
      P.classes.forEach(function (C) {
        s.appendChild(el("h3", null, className(C.k)));
        var row = el("div", { "class": "grid" });
        var charts = pathwayStats(P, C.k);
        row.appendChild(pathwayCard(P, C, function (step) { charts.forEach(function (c) { if (c.cursorAt) { c.cursorAt(step); } }); }));
        var stats = el("div", { "class": "grid stats" });
        charts.forEach(function (c) { stats.appendChild(c); });
        row.appendChild(stats);
        s.appendChild(row);
      });
    });
  }

  // ---- the page ----
  function findingsList(F) {
    var ul = el("ul", { "class": "findings" });
    F.forEach(function (f) {
      var li = el("li", { "data-verdict": f.verdict }, f.statement);
      if (f.uncertainty) { li.appendChild(el("span", { "class": "uncertainty" }, " (" + f.uncertainty + ")")); }
      ul.appendChild(li);
    });
    return ul;
  }
  function figure(title, content) {
    var box = el("div", { "class": "figure" });
    box.appendChild(el("h3", null, title));
    box.appendChild(content);
    return box;
  }

  /** The first screen: the findings and the three headline figures (what a reader sees on opening the page). */
  function renderFirst() {
    main.removeChild(document.getElementById("loading"));
    var F = D.findings || [];
    var fs = section("findings", "Findings");
    var stated = F.filter(function (f) { return f.verdict !== "NOT_DISTINGUISHABLE"; });
    var rest = F.filter(function (f) { return f.verdict === "NOT_DISTINGUISHABLE"; });
    fs.appendChild(el("p", null, !F.length ? "This run recorded no events to state findings from." : stated.length
      ? "What passed its control (emerged in training, or present at initialisation):" : "No claim passed its control."));
    if (stated.length) { fs.appendChild(findingsList(stated)); }
    if (rest.length) { fs.appendChild(el("h3", null, "Not distinguishable from control")); fs.appendChild(findingsList(rest)); }
    var headline = el("div", { "class": "headline" });
    timing.push("findings list " + Math.round(performance.now()));
    var em = emergenceFigure();
    timing.push("figure a " + Math.round(performance.now()));
    var idm = identityMap();
    timing.push("figure b " + Math.round(performance.now()));
    if (em) { headline.appendChild(figure("(a) Emergence of classification", em)); }
    if (idm) { headline.appendChild(figure("(b) Emergence by depth and time", idm)); }
    fs.appendChild(headline);
    var coupling = D.graphs.filter(function (g) { return g.metric === "coupling_graph"; })[0];
    if (coupling) {
      drawnGraphs[D.graphs.indexOf(coupling)] = true;
      fs.appendChild(figure("(c) Graphical bootstrapping: the coupling graph", graphView(coupling)));
    }
  }

  /** The sections below the first screen, one function each, in page order (drawn once the rest of the data is here). */
  function restSteps() {
    var steps = [];
    // learning curves: train against held-out
    steps.push(function () {
      var lc = section("learning", "Learning curves");
      var useEpoch = false;
      var lcGrid = el("div", { "class": "grid" });
      var toggle = el("label", { "class": "toggle" });
      var box = el("input", { type: "checkbox" });
      toggle.appendChild(box); toggle.appendChild(document.createTextNode(" against epoch instead of step"));
      lc.appendChild(toggle);
      lc.appendChild(lcGrid);
      function drawLearning() {
        while (lcGrid.firstChild) { lcGrid.removeChild(lcGrid.firstChild); }
        var atX = {};
        CK.forEach(function (c, p) { var x = useEpoch ? c.epoch : c.step; if (atX[x] === undefined) { atX[x] = p; } });
        ["loss", "accuracy"].forEach(function (kind) {
          var series = [];
          ["train", "test"].forEach(function (split) {
            (byKey["accuracy/" + split + "_" + kind] || []).forEach(function (sc) {
              var xs = [], ys = [];
              sc.v.forEach(function (y, p) { if (y !== null) { xs.push(useEpoch ? CK[p].epoch : CK[p].step); ys.push(y); } });
              series.push({ name: split === "test" ? "held-out" : "train", x: xs, y: ys, colour: split === "test" ? "#000000" : "#E69F00", dash: split === "test" ? null : "5,3" });
            });
          });
          if (!series.length) { return; }
          var g = guide("accuracy", "test_" + kind);
          lcGrid.appendChild(U.lineChart(kind, series, { axis: useEpoch ? U.linearAxis("epoch") : U.STEP_AXIS, width: 420, height: 240, unit: g.unit,
            bounds: [g.lower, g.upper], tipLabel: function (x) { return atX[x] !== undefined ? ckLabel(atX[x]) : fmt(x); },
            caption: "Train (dashed, the fixed training-evaluation subset) and held-out (solid). Unit: " + g.unit + ". A rising line: " + g.rising + "." }));
        });
      }
      box.addEventListener("change", function () { useEpoch = box.checked; drawLearning(); });
      drawLearning();
    });

    var drawn = pathwayKeys();
    ["accuracy/train_loss", "accuracy/test_loss", "accuracy/train_accuracy", "accuracy/test_accuracy"].forEach(function (k) { drawn[k] = true; });
    var flat = [];
    Object.keys(byKey).forEach(function (k) { if (!drawn[k] && !companionOf(k) && isFlat(byKey[k])) { flat.push(k); drawn[k] = true; } });
    var probes = [];
    Object.keys(byKey).filter(function (k) { return !drawn[k] && !companionOf(k); }).map(function (k) { return byKey[k][0]; })
      .concat(D.vectors.filter(function (v) { return !(v.metric === "test_recall" && !v.layer); }), D.matrices, D.graphs.filter(function (g, i) { return !drawnGraphs[i]; }))
      .forEach(function (m) { if (probes.indexOf(m.probe) < 0) { probes.push(m.probe); } });
    /** A family's section, then one step per probe of it (a family's charts are the page's heaviest drawing). */
    function family(id, title, names, intro) {
      var members = probes.filter(function (p) { return names === null ? IDENTITY.indexOf(p) < 0 && COUPLING.indexOf(p) < 0 && p !== "accuracy" : names.indexOf(p) >= 0; });
      if (!members.length) { return; }
      var s;
      steps.push(function () {
        s = section(id, title);
        if (intro) { s.appendChild(el("p", { "class": "muted" }, intro)); }
        var layersHere = [];
        members.forEach(function (p) {
          Object.keys(byKey).forEach(function (k) { if (k.split("/")[0] === p) { byKey[k].forEach(function (x) { if (layersHere.indexOf(layerOf(x)) < 0) { layersHere.push(layerOf(x)); } }); } });
        });
        layersHere.sort(function (a, b) { return LAYERS.indexOf(a) - LAYERS.indexOf(b); });
        if (layersHere.length > 1) { s.appendChild(layerLegend(layersHere)); }
      });
      members.forEach(function (p) {
        steps.push(function () {
          timing.push(id + "/" + p + " " + Math.round(performance.now()));
          s.appendChild(el("h3", null, p));
          var grid = el("div", { "class": "grid" });
          Object.keys(byKey).filter(function (k) { return k.split("/")[0] === p && !companionOf(k) && !drawn[k]; }).forEach(function (k) {
            grid.appendChild(chartOf(k, null, { legend: false }));
          });
          D.vectors.filter(function (v) { return v.probe === p && !(v.metric === "test_recall" && !v.layer); }).forEach(function (v) { grid.appendChild(heatStrip(v)); });
          D.matrices.filter(function (m) { return m.probe === p && m.metric !== "kernels"; }).forEach(function (m) { grid.appendChild(heatmap(m)); });
          s.appendChild(grid);
          D.graphs.forEach(function (g, i) { if (g.probe === p && !drawnGraphs[i]) { s.appendChild(graphView(g)); } });
        });
      });
    }
    family("identity", "Identity: does each layer carry category identity?", IDENTITY, "One chart per metric, a line per layer (colour by depth, legend above); hover for exact values.");
    family("coupling", "Coupling: how feature detectors bind into features", COUPLING, "One chart per metric, a line per layer (colour by depth, legend above); the coupling graph is figure (c) under Findings.");
    if (D.pathways && D.pathways.length) { steps.push(function () { pathwaySection(section("pathways", "Class pathways: graphical bootstrapping over training")); }); }
    var kernels = D.matrices.filter(function (m) { return m.metric === "kernels"; });
    if (kernels.length) { steps.push(function () { var ks = section("kernels", "First-layer kernels over training"); kernels.forEach(function (m) { ks.appendChild(kernelView(m)); }); }); }
    if (D.events.length) {
      steps.push(function () {
        var ev = section("events", "Events timeline");
        ev.appendChild(el("p", { "class": "muted" }, "Settling times (CKA to final stays ≥ threshold), identity onsets (per class and per layer) and coupling onsets; step on a log axis."));
        ev.appendChild(timeline(D.events));
        ev.appendChild(U.table(D.events.map(function (e) { return [e.probe, e.metric, (e.label || "network") + (e.layer ? " · " + e.layer : ""), finite(e.step) ? String(e.step) : "not reached"]; }), ["probe", "event", "of", "step"]));
      });
    }
    family("other", "Other probes", null, "Probes this report does not know, drawn by kind: scalars as lines, vectors as heat strips, matrices as heat maps, graphs as drawings.");
    var conf = D.matrices.filter(function (m) { return m.probe === "accuracy"; });
    if (conf.length) { steps.push(function () { var cs = section("confusion", "Confusion"); var cg = el("div", { "class": "grid" }); conf.forEach(function (m) { cg.appendChild(heatmap(m)); }); cs.appendChild(cg); }); }
    steps.push(function () { valuesSection(flat); });
    steps.push(runSection);
    return steps;
  }

  /** Metrics with one value, or one value throughout (no chart), and the permutation tests. */
  function valuesSection(flat) {
    var tests = Object.keys(byKey).filter(function (k) { return /_p$/.test(k) && companionOf(k) && !pathwayKeys()[k]; });
    if (!flat.length && !tests.length) { return; }
    var s = section("values", "Single values and tests");
    if (flat.length) {
      s.appendChild(el("p", { "class": "muted" }, "Metrics that have one value, or the same value at every checkpoint they were measured at: a table, not a chart."));
      var rows = [];
      flat.forEach(function (k) {
        var pm = k.split("/");
        byKey[k].forEach(function (sc) {
          var at = [];
          sc.v.forEach(function (v, p) { if (finite(v)) { at.push(p); } });
          var v = at.length ? sc.v[at[0]] : null;
          rows.push([pm[0], pm[1], layerOf(sc), v === null ? "—" : fmt(v), at.length === 0 ? "never finite" : at.length === 1 ? "step " + CK[at[0]].step
            : "steps " + CK[at[0]].step + "–" + CK[at[at.length - 1]].step + " (" + at.length + " checkpoints, constant)", guide(pm[0], pm[1]).unit]);
        });
      });
      s.appendChild(U.table(rows, ["probe", "metric", "layer", "value", "measured at", "unit"]));
    }
    if (tests.length) {
      s.appendChild(el("h3", null, "Permutation tests (also drawn as bars on their metric's chart)"));
      var trows = [];
      tests.forEach(function (k) {
        var base = companionOf(k);
        byKey[k].forEach(function (pv) {
          var name = layerOf(pv), obs = ofLayer(byKey[base], name), m = ofLayer(byKey[base + "_null_mean"], name), sd = ofLayer(byKey[base + "_null_sd"], name);
          pv.v.forEach(function (p, at) {
            if (!finite(p)) { return; }
            trows.push([base.split("/")[0], base.split("/")[1], name, String(CK[at].step), obs ? fmt(obs.v[at]) : "—",
              (m ? fmt(m.v[at]) : "—") + " ± " + (sd ? fmt(sd.v[at]) : "—"), fmt(p)]);
          });
        });
      });
      s.appendChild(U.table(trows, ["probe", "metric", "layer", "step", "observed", "null mean ± SD", "p (one-sided)"]));
    }
  }

  function runSection() {
    var sum = section("summary", "Run details");
    var ds = R.dataset || {};
    var facts = [["name", D.name], ["status", D.status], ["seed", String(D.seed)], ["checkpoints", String(CK.length)], ["trainable parameters", grouped(D.parameters)],
      ["classes", D.classes.join(", ")]];
    if (!R.versions) { facts.push(["dsdl", D.dsdlVersion]); }
    if (R.versions) { Object.keys(R.versions).forEach(function (k) { facts.push([k, typeof R.versions[k] === "object" ? JSON.stringify(R.versions[k]) : String(R.versions[k])]); }); }
    if (R.timings) { ["total", "training", "checkpoints"].forEach(function (k) { if (typeof R.timings[k] === "number") { facts.push([k + " (s)", fmt(R.timings[k])]); } }); }
    if (R.error) { facts.push(["error", R.error]); }
    sum.appendChild(U.table(facts));
    if (D.contactSheet) {
      sum.appendChild(el("h3", null, "Dataset: the first training exemplars of each class"));
      sum.appendChild(el("img", { "class": "sheet", src: D.contactSheet, alt: "contact sheet of the training exemplars" }));
    }
    if (ds && Object.keys(ds).length) {
      sum.appendChild(el("h3", null, "Dataset summary"));
      var drows = [];
      Object.keys(ds).forEach(function (k) { var v = ds[k]; if (typeof v !== "object") { drows.push([k, String(v)]); } else if (Array.isArray(v) && v.length <= 20) { drows.push([k, JSON.stringify(v)]); } });
      sum.appendChild(U.table(drows));
    }
    if (R.model && R.model.layers) {
      sum.appendChild(el("h3", null, "Model " + (R.model.name || "")));
      sum.appendChild(U.table(R.model.layers.map(function (l) { return [l.name, l.kind, JSON.stringify(l.outputShape), grouped(l.parameters)]; }), ["layer", "kind", "output shape", "parameters"]));
    }
    if (R.config) {
      sum.appendChild(el("h3", null, "Resolved config"));
      sum.appendChild(el("pre", { "class": "config" }, JSON.stringify(R.config, null, 2)));
    }
    if (R.probeFailures && R.probeFailures.length) {
      sum.appendChild(el("h3", null, "Probe failures"));
      sum.appendChild(el("pre", { "class": "config" }, JSON.stringify(R.probeFailures, null, 2)));
    }
  }

  function failed(e) { errors.push(String(e && e.stack || e)); document.body.setAttribute("data-errors", errors.join(" | ")); throw e; }
  var drawnGraphs = {}, waiting = [], complete = false, allMs = null;
  /** Calls f once the rest of the data is here (at once if it is). */
  function whenAll(f) { if (complete) { f(); } else { waiting.push(f); } }
  try { renderFirst(); } catch (e) { failed(e); }
  // what the reader first sees is drawn (and laid out): the time the render-time check reads
  timing.push("figure c " + Math.round(performance.now()));
  document.body.getBoundingClientRect();
  var firstMs = Math.round(performance.now());
  timing.push("first screen " + firstMs);

  /**
   * A number array as the rest of the data packs it (PackedNumbers.java): a header (stride, then per column its kind, a fixed
   * exponent 0-9 or "p" for one per value, and its width in characters), then each value as base-64 digits of a code: 0 is null,
   * else z = code - 1 (kind "p": exponent x = z mod 13, z = floor(z / 13)), n = z / 2 or -(z + 1) / 2, value n / 10^exponent
   * (exact: the double its decimal text parses to). Anything else (an array the packer left as it was) is returned as it is.
   */
  var DIGIT = new Int8Array(128), POW10 = [], KINDS = new Int8Array(9), WIDTHS = new Int8Array(9);
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach(function (ch, i) { DIGIT[ch.charCodeAt(0)] = i; });
  for (var e10 = 0; e10 <= 12; e10++) { POW10.push(Number("1e" + e10)); }
  function unpack(s) {
    if (typeof s !== "string") { return s; }
    var stride = s.charCodeAt(0) - 48, at = 1 + 2 * stride, row = 0;
    for (var j = 0; j < stride; j++) {
      KINDS[j] = s.charCodeAt(1 + 2 * j) === 112 /* p */ ? -1 : s.charCodeAt(1 + 2 * j) - 48;
      WIDTHS[j] = s.charCodeAt(2 + 2 * j) - 48;
      row += WIDTHS[j];
    }
    var n = (s.length - at) / row * stride, out = new Array(n), c = 0;
    for (var i = 0; i < n; i++) {
      var code = 0;
      for (var w = WIDTHS[c]; w > 0; w--) { code = code * 64 + DIGIT[s.charCodeAt(at++)]; }
      if (code === 0) { out[i] = null; } else {
        var z = code - 1, x = KINDS[c];
        if (x < 0) { x = z % 13; z = (z - x) / 13; }
        var v = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
        out[i] = x === 0 ? v : v / POW10[x];
      }
      if (++c === stride) { c = 0; }
    }
    return out;
  }

  /** Frame k of a matrix (as the rest of the data brings it: packed rows; a symmetric one as its lower triangle), unpacked and whole. */
  function frameOf(m, k) {
    if (!m.whole[k]) {
      var f = m.v[k].map(unpack);
      // a symmetric matrix comes as its lower triangle (row i: columns 0…i): mirror it
      if (m.symmetric) { f = f.map(function (row, i) { return f.map(function (r, j) { return j <= i ? row[j] : r[i]; }); }); }
      m.v[k] = f;
      m.whole[k] = true;
    }
    return m.v[k];
  }

  /**
   * The rest of the data (an element after this script, so the first screen does not wait for it to be parsed) joins D:
   * every series, matrix and pathway, and the graphs' other checkpoints.
   */
  function join(more) {
    (more.vectors || []).forEach(function (v) { v.v = v.v.map(unpack); });
    D.vectors = D.vectors.concat(more.vectors || []);
    // a matrix's frames stay packed until shown (frameOf)
    D.matrices = (more.matrices || []).map(function (m) { m.whole = []; return m; });
    D.pathways = more.pathways || [];
    if (more.contactSheet) { D.contactSheet = more.contactSheet; }
    (more.graphs || []).forEach(function (g, i) {
      var to = D.graphs[i];
      // a frame stays packed until the slider shows it (graphView's frame(k)): most are never looked at
      g.edges.forEach(function (e, k) { if (to.edges[k] === null) { to.edges[k] = e; to.attrs[k] = g.attrs[k]; } });
    });
  }
  /**
   * Called by the script after the rest of the data: draws the sections below the first screen, one per task so the page stays
   * responsive; all at once under #selftest or #render-all (headless checks that need every section drawn).
   */
  function more() {
    var all = /^#(selftest|render-all)/.test(location.hash);
    try {
      var node = document.getElementById("dsdl-data-more");
      timing.push("more " + Math.round(performance.now()));
      if (node) { join(JSON.parse(node.textContent)); }
      complete = true;
      waiting.forEach(function (f) { f(); });
      var steps = restSteps();
      if (all) {
        steps.forEach(function (f) { f(); });
        // every section drawn and laid out: the time the render-time check reads (before the self-test moves any slider)
        document.body.getBoundingClientRect();
        allMs = Math.round(performance.now());
        timing.push("every section " + allMs);
        document.body.setAttribute("data-rendered", "all");
        if (/^#selftest/.test(location.hash)) { selfTest(); }
        return;
      }
    } catch (e) { failed(e); }
    (function next() {
      if (!steps.length) { document.body.setAttribute("data-rendered", "all"); return; }
      try { steps.shift()(); } catch (e) { failed(e); }
      setTimeout(next, 0);
    })();
  }
  window.DSDL_REPORT = { more: more };

  // ---- self-test for headless browsers (called once every section is drawn): #selftest moves the first slider to its start;
  //      #selftest&unit=ID clicks that unit of figure (c); #selftest&threshold=F sets its edge threshold to F of the largest weight ----
  function selfTest() {
    // from here on the self-test's own time (its slider moves and clicks), after every section was drawn
    timing.push("self-test " + Math.round(performance.now()));
    var args = {};
    location.hash.slice(1).split("&").slice(1).forEach(function (kv) { var i = kv.indexOf("="); args[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1)); });
    var graph = document.querySelector("#findings .card.graph");
    if (args.unit !== undefined || args.threshold !== undefined || args["class"] !== undefined || args.focus !== undefined) {
      if (graph && args.threshold !== undefined) { graph.threshold(Number(args.threshold)); }
      if (graph && args["class"] !== undefined) { var sel = graph.querySelector("select.class-filter"); sel.value = args["class"]; sel.dispatchEvent(new Event("change")); }
      if (graph && args.unit !== undefined) { graph.select(args.unit); }
      if (graph && args.ck !== undefined) { var gs = graph.querySelector("input.ck-slider"); gs.value = args.ck; gs.dispatchEvent(new Event("input")); }

    } else {
      var input = document.querySelector("input.ck-slider");
      var result = "no slider";
      if (input) {
        var label = input.parentNode.querySelector(".ck-label");
        var before = label.textContent;
        input.value = 0;
        input.dispatchEvent(new Event("input"));
        result = before + " -> " + label.textContent;
      }
      document.body.setAttribute("data-selftest", result);
    }
    // &focus=ID (or "graph"): only that element is shown, for a screenshot of one figure
    var focus = args.focus === "graph" ? graph : args.focus ? document.getElementById(args.focus) : null;
    for (var node = focus; node && node !== main; node = node.parentNode) {
      Array.prototype.forEach.call(node.parentNode.children, function (c) { if (c !== node) { c.style.display = "none"; } });
    }
    document.body.setAttribute("data-sections", String(document.querySelectorAll("section").length));
    // symmetric matrices came as lower triangles: how many are whole again (square, equal to their transpose)
    document.body.setAttribute("data-mirrored", String(D.matrices.filter(function (m) {
      return m.symmetric && m.v.every(function (x, k) {
        var f = frameOf(m, k);
        return f.length === m.rows.length && f.every(function (row, i) { return row.length === f.length && row.every(function (x, j) { return x === f[j][i]; }); });
      });
    }).length));
    document.body.setAttribute("data-render-ms", String(firstMs));
    document.body.setAttribute("data-render-all-ms", String(allMs));
    document.body.setAttribute("data-timing", timing.join(", "));
    var wide = Array.prototype.filter.call(document.querySelectorAll("section > *, .card"), function (e) { return e.getBoundingClientRect().right > document.documentElement.clientWidth; })[0];
    if (wide) { document.body.setAttribute("data-wide", wide.tagName + "." + (wide.getAttribute("class") || "") + "#" + (wide.id || "")); }
    document.body.setAttribute("data-overflow-x", String(document.documentElement.scrollWidth - document.documentElement.clientWidth));
  }
})();
