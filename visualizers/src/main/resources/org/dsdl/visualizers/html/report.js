(function () {
  "use strict";
  var errors = [];
  window.addEventListener("error", function (e) { errors.push(String(e.message)); document.body.setAttribute("data-errors", errors.join(" | ")); });

  var D = JSON.parse(document.getElementById("dsdl-data").textContent);
  var CK = D.checkpoints;
  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"];
  var IDENTITY = ["selectivity", "rsa", "class-geometry", "linear-probe"];
  var COUPLING = ["filter-coupling", "cka", "weight-coupling", "coupling-graph"];
  var SVGNS = "http://www.w3.org/2000/svg";
  var tip = el("div", { "class": "tip" });
  document.body.appendChild(tip);

  // ---- small helpers: every text goes through textContent ----
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { for (var k in attrs) { e.setAttribute(k, attrs[k]); } }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    return e;
  }
  function fmt(v) {
    if (v === null || v === undefined || (typeof v === "number" && !isFinite(v))) { return "—"; }
    if (typeof v !== "number") { return String(v); }
    if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-4)) { return v.toExponential(5); }
    return String(Number(v.toPrecision(6)));
  }
  function tickText(v) {
    if (v !== 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3)) { return v.toExponential(1).replace("e+", "e"); }
    return String(Math.round(v * 1e6) / 1e6);
  }
  function showTip(evt, text) { tip.textContent = text; tip.style.display = "block"; tip.style.left = (evt.clientX + 14) + "px"; tip.style.top = (evt.clientY + 10) + "px"; }
  function hideTip() { tip.style.display = "none"; }
  function ckLabel(p) { var c = CK[p]; return "checkpoint " + c.i + " · step " + c.step + " · epoch " + fmt(c.epoch); }
  var main = document.getElementById("report");
  var toc = document.getElementById("toc");
  function section(id, title) {
    var s = el("section", { id: id });
    s.appendChild(el("h2", null, title));
    main.appendChild(s);
    var a = el("a", { href: "#" + id }, title);
    toc.appendChild(a);
    return s;
  }

  // ---- line chart: series [{name, xs (checkpoint positions), ys, colour?, low/high? (a band),
  //      whiskers? [{p, mid, lo, hi, note}] (intervals at some checkpoints, e.g. a permutation null),
  //      marks? [checkpoint position] (events, dashed)}], x = step (log) or epoch;
  //      the card's cursorAt(p) draws a rule at checkpoint position p ----
  function lineChart(title, series, opts) {
    opts = opts || {};
    var W = opts.width || 330, H = opts.height || 200, L = 44, R = 8, T = 8, B = 26;
    var card = el("div", { "class": "card" });
    card.style.width = W + "px";
    card.appendChild(el("div", { "class": "title" }, title));
    var s = svg("svg", { width: W, height: H, role: "img" });
    card.appendChild(s);
    var byEpoch = opts.epoch === true;
    function xOf(p) { var c = CK[p]; return byEpoch ? c.epoch : Math.log10(Math.max(c.step, 0.5)); }
    var xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity;
    series.forEach(function (sr) {
      sr.ys.forEach(function (y, k) {
        if (y === null || !isFinite(y)) { return; }
        var x = xOf(sr.xs[k]);
        xmin = Math.min(xmin, x); xmax = Math.max(xmax, x); ymin = Math.min(ymin, y); ymax = Math.max(ymax, y);
      });
      (sr.whiskers || []).forEach(function (w) {
        if (isFinite(w.lo) && isFinite(w.hi)) { ymin = Math.min(ymin, w.lo); ymax = Math.max(ymax, w.hi); }
      });
    });
    if (!isFinite(xmin)) { card.appendChild(el("div", { "class": "muted" }, "no finite values")); return card; }
    if (xmax === xmin) { xmax = xmin + 1; }
    if (ymax === ymin) { ymax = ymin + 1; ymin = ymin - 1; }
    var pad = (ymax - ymin) * 0.05; ymin -= pad; ymax += pad;
    var ticks = niceTicks(ymin, ymax);
    ymin = Math.min(ymin, ticks[0]); ymax = Math.max(ymax, ticks[ticks.length - 1]);
    function px(x) { return L + (x - xmin) / (xmax - xmin) * (W - L - R); }
    function py(y) { return T + (1 - (y - ymin) / (ymax - ymin)) * (H - T - B); }
    s.appendChild(svg("rect", { x: L, y: T, width: W - L - R, height: H - T - B, fill: "#fff", stroke: "#e3e6ec" }));
    for (var t = 0; t < ticks.length; t++) {
      var yv = ticks[t];
      s.appendChild(svg("line", { x1: L, x2: W - R, y1: py(yv), y2: py(yv), stroke: "#f0f1f4" }));
      var lab = svg("text", { x: L - 4, y: py(yv) + 3, "text-anchor": "end" }); lab.textContent = tickText(yv); s.appendChild(lab);
    }
    if (byEpoch) {
      for (var e = 0; e <= 4; e++) {
        var xv = xmin + (xmax - xmin) * e / 4;
        var tx = svg("text", { x: px(xv), y: H - 12, "text-anchor": "middle" }); tx.textContent = fmt(xv); s.appendChild(tx);
      }
    } else {
      for (var d = Math.ceil(xmin); d <= Math.floor(xmax); d++) {
        s.appendChild(svg("line", { x1: px(d), x2: px(d), y1: T, y2: H - B, stroke: "#f0f1f4" }));
        var tt = svg("text", { x: px(d), y: H - 12, "text-anchor": "middle" }); tt.textContent = String(Math.pow(10, d)); s.appendChild(tt);
      }
    }
    var xl = svg("text", { x: (L + W - R) / 2, y: H - 1, "text-anchor": "middle" });
    xl.textContent = byEpoch ? "epoch" : "training step (log; step 0 at 0.5)"; s.appendChild(xl);
    series.forEach(function (sr, i) {
      if (!sr.low) { return; }
      var pts = [], back = [];
      sr.xs.forEach(function (p, k) {
        if (sr.low[k] === null || sr.high[k] === null || sr.low[k] === undefined) { return; }
        pts.push(px(xOf(p)).toFixed(1) + "," + py(sr.high[k]).toFixed(1));
        back.unshift(px(xOf(p)).toFixed(1) + "," + py(sr.low[k]).toFixed(1));
      });
      if (pts.length) { s.appendChild(svg("polygon", { points: pts.concat(back).join(" "), fill: sr.colour || PALETTE[i % PALETTE.length], "fill-opacity": 0.15, stroke: "none" })); }
    });
    series.forEach(function (sr, i) {
      var colour = sr.colour || PALETTE[i % PALETTE.length];
      (sr.marks || []).forEach(function (p) {
        s.appendChild(svg("line", { x1: px(xOf(p)), x2: px(xOf(p)), y1: T, y2: H - B, stroke: colour, "stroke-dasharray": "4,3", "stroke-width": 1.2 }));
      });
      (sr.whiskers || []).forEach(function (w) {
        if (!isFinite(w.lo) || !isFinite(w.hi)) { return; }
        var x = px(xOf(w.p)) + (i - (series.length - 1) / 2) * 3;
        s.appendChild(svg("line", { x1: x, x2: x, y1: py(w.hi), y2: py(w.lo), stroke: colour, "stroke-width": 5, "stroke-opacity": 0.45 }));
        s.appendChild(svg("line", { x1: x - 4, x2: x + 4, y1: py(w.mid), y2: py(w.mid), stroke: colour, "stroke-width": 1.5 }));
      });
      var d = "";
      sr.ys.forEach(function (y, k) {
        if (y === null || !isFinite(y)) { return; }
        d += (d === "" ? "M" : "L") + px(xOf(sr.xs[k])).toFixed(1) + "," + py(y).toFixed(1);
      });
      s.appendChild(svg("path", { d: d, fill: "none", stroke: colour, "stroke-width": 1.6 }));
      if (sr.ys.length <= 2) {
        sr.ys.forEach(function (y, k) { if (y !== null && isFinite(y)) { s.appendChild(svg("circle", { cx: px(xOf(sr.xs[k])), cy: py(y), r: 3, fill: colour })); } });
      }
    });
    var rule = svg("line", { y1: T, y2: H - B, stroke: "#99a", "stroke-dasharray": "3,3", visibility: "hidden" });
    s.appendChild(rule);
    s.addEventListener("mousemove", function (evt) {
      var box = s.getBoundingClientRect();
      var mx = evt.clientX - box.left;
      var best = null, bestDist = Infinity;
      series.forEach(function (sr) {
        sr.xs.forEach(function (p, k) {
          if (sr.ys[k] === null) { return; }
          var dist = Math.abs(px(xOf(p)) - mx);
          if (dist < bestDist) { bestDist = dist; best = p; }
        });
      });
      if (best === null) { return; }
      rule.setAttribute("x1", px(xOf(best))); rule.setAttribute("x2", px(xOf(best))); rule.setAttribute("visibility", "visible");
      var lines = [ckLabel(best)];
      series.forEach(function (sr) {
        var k = sr.xs.indexOf(best);
        if (k >= 0) { lines.push(sr.name + ": " + fmt(sr.ys[k]) + (sr.low && sr.low[k] !== null ? "  [" + fmt(sr.low[k]) + ", " + fmt(sr.high[k]) + "]" : "")); }
        (sr.whiskers || []).forEach(function (w) { if (w.p === best && w.note) { lines.push("  " + w.note); } });
        if ((sr.marks || []).indexOf(best) >= 0) { lines.push("  onset (event) at this checkpoint"); }
      });
      showTip(evt, lines.join("\n"));
    });
    s.addEventListener("mouseleave", function () { rule.setAttribute("visibility", "hidden"); hideTip(); });
    var cursor = svg("line", { y1: T, y2: H - B, stroke: "#1d2330", "stroke-opacity": 0.35, "stroke-width": 2, visibility: "hidden" });
    s.appendChild(cursor);
    card.cursorAt = function (p) {
      var at = CK[p] === undefined ? NaN : px(xOf(p));
      if (!(at >= L - 0.5 && at <= W - R + 0.5)) { cursor.setAttribute("visibility", "hidden"); return; }
      cursor.setAttribute("x1", at); cursor.setAttribute("x2", at); cursor.setAttribute("visibility", "visible");
    };
    if (series.length > 1 && opts.legend !== false) {
      var legend = el("div", { "class": "legend" });
      series.forEach(function (sr, i) { var sp = el("span", null, sr.name); sp.style.setProperty("--c", sr.colour || PALETTE[i % PALETTE.length]); legend.appendChild(sp); });
      card.appendChild(legend);
    }
    return card;
  }
  function niceTicks(lo, hi) {
    var span = hi - lo, step = Math.pow(10, Math.floor(Math.log10(span / 4)));
    [1, 2, 2.5, 5, 10].some(function (m) { if (span / (step * m) <= 5) { step = step * m; return true; } return false; });
    var out = [];
    for (var v = Math.floor(lo / step) * step; v <= hi + step * 0.5; v += step) { out.push(Math.round(v / step) * step); }
    return out;
  }
  /** Series of a metric, with the bands of its _ci_low / _ci_high siblings when they exist. */
  function withBands(key, list) {
    var series = scalarSeries(list);
    var low = byKey[key + "_ci_low"], high = byKey[key + "_ci_high"];
    if (low && high) {
      series.forEach(function (sr, i) {
        var lo = low.filter(function (x) { return (x.layer || "network") === sr.name; })[0];
        var hi = high.filter(function (x) { return (x.layer || "network") === sr.name; })[0];
        if (lo && hi) { sr.low = sr.xs.map(function (p) { return lo.v[p]; }); sr.high = sr.xs.map(function (p) { return hi.v[p]; }); }
      });
    }
    return series;
  }
  var byKey = {};
  function scalarSeries(list) {
    return list.map(function (sc) {
      var xs = [], ys = [];
      sc.v.forEach(function (y, p) { if (y !== null) { xs.push(p); ys.push(y); } });
      return { name: sc.layer || "network", xs: xs, ys: ys };
    });
  }

  // ---- heat map on a canvas, hover shows the exact cell ----
  function colour(v, lo, hi) {
    if (v === null || !isFinite(v)) { return "rgb(200,200,200)"; }
    if (lo < 0) {
      var t = Math.max(-1, Math.min(1, v / hi)), f = Math.round(255 * (1 - Math.abs(t)));
      return t >= 0 ? "rgb(255," + f + "," + f + ")" : "rgb(" + f + "," + f + ",255)";
    }
    var u = Math.max(0, Math.min(1, (v - lo) / (hi - lo || 1)));
    return "rgb(" + Math.round(255 - u * 247) + "," + Math.round(255 - u * 207) + "," + Math.round(255 - u * 148) + ")";
  }
  function rangeOf(frames) {
    var lo = Infinity, hi = -Infinity;
    frames.forEach(function (f) { f.forEach(function (r) { r.forEach(function (v) { if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }); }); });
    if (!isFinite(lo)) { return [0, 1]; }
    if (lo < 0) { var m = Math.max(-lo, hi); return [-m, m || 1]; }
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
    // small matrices (classes, layers) get their labels drawn beside them; large ones name cells on hover
    var labelled = rows <= 24 && cols <= 24;
    var L = labelled ? 90 : 0, T = labelled ? 70 : 0, R = labelled ? 50 : 0;
    var canvas = el("canvas", { width: L + cols * cell + R, height: T + rows * cell });
    card.style.width = Math.max(L + cols * cell, 330) + "px";
    var range = rangeOf(m.v);
    var current = m.v.length - 1;
    function short(text) { text = String(text); return text.length > 14 ? text.slice(0, 13) + "…" : text; }
    function draw(k) {
      current = k;
      var g = canvas.getContext("2d");
      g.fillStyle = "#fff"; g.fillRect(0, 0, canvas.width, canvas.height);
      var f = m.v[k];
      for (var i = 0; i < f.length; i++) { for (var j = 0; j < f[i].length; j++) { g.fillStyle = colour(f[i][j], range[0], range[1]); g.fillRect(L + j * cell, T + i * cell, cell, cell); } }
      if (labelled) {
        g.fillStyle = "#5a6275"; g.font = "10px sans-serif"; g.textBaseline = "middle";
        g.textAlign = "right";
        rowsOf(k).forEach(function (r, i) { g.fillText(short(r), L - 4, T + (i + 0.5) * cell); });
        g.textAlign = "left";
        colsOf(k).forEach(function (c, j) {
          g.save(); g.translate(L + (j + 0.5) * cell, T - 4); g.rotate(-Math.PI / 4); g.fillText(short(c), 0, 0); g.restore();
        });
      }
    }
    canvas.addEventListener("mousemove", function (evt) {
      var box = canvas.getBoundingClientRect();
      var j = Math.floor((evt.clientX - box.left - L) / cell), i = Math.floor((evt.clientY - box.top - T) / cell);
      var f = m.v[current];
      if (i >= 0 && i < f.length && j >= 0 && j < f[i].length) { showTip(evt, rowsOf(current)[i] + " × " + colsOf(current)[j] + ": " + fmt(f[i][j]) + "\n" + ckLabel(m.ck[current])); }
    });
    canvas.addEventListener("mouseleave", hideTip);
    card.appendChild(canvas);
    card.appendChild(el("div", { "class": "muted" }, "colour range " + fmt(range[0]) + " … " + fmt(range[1]) + (m.ck.length < m.frames ? " · " + m.ck.length + " of " + m.frames + " checkpoints kept" : "")));
    card.appendChild(slider(m.ck, draw));
    return card;
  }

  // ---- a checkpoint slider over the positions in ck; calls show(k) with the index into ck ----
  function slider(ck, show) {
    var box = el("div", { "class": "slider" });
    var input = el("input", { type: "range", min: 0, max: ck.length - 1, value: ck.length - 1, "class": "ck-slider" });
    var label = el("span", { "class": "ck-label" });
    function update() { var k = Number(input.value); label.textContent = ckLabel(ck[k]); show(k); }
    input.addEventListener("input", update);
    box.appendChild(input); box.appendChild(label);
    update();
    return box;
  }

  // ---- the coupling graph: layers as columns, nodes coloured by preferred class, edge width by weight ----
  function graphView(g) {
    var card = el("div", { "class": "card" });
    card.appendChild(el("div", { "class": "title" }, g.probe + " · " + g.metric + (g.layer ? " · " + g.layer : "")));
    var groups = [];
    g.groups.forEach(function (x) { if (groups.indexOf(x) < 0) { groups.push(x); } });
    var W = Math.max(600, groups.length * 170), H = 520, pos = [];
    var counts = groups.map(function (gr) { return g.groups.filter(function (x) { return x === gr; }).length; });
    var seen = groups.map(function () { return 0; });
    g.ids.forEach(function (id, i) {
      var c = groups.indexOf(g.groups[i]);
      pos.push([60 + c * (W - 120) / Math.max(1, groups.length - 1), 24 + (seen[c]++ + 0.5) * (H - 40) / counts[c]]);
    });
    var s = svg("svg", { width: W, height: H });
    groups.forEach(function (gr, c) { var t = svg("text", { x: pos[g.groups.indexOf(gr)][0], y: 12, "text-anchor": "middle" }); t.textContent = gr; s.appendChild(t); });
    var edgeLayer = svg("g", {}), nodeLayer = svg("g", {});
    s.appendChild(edgeLayer); s.appendChild(nodeLayer);
    var pc = g.attributes.indexOf("preferred_class"), dead = g.attributes.indexOf("dead"), sel = g.attributes.indexOf("selectivity");
    var stats = el("div", { "class": "muted" });
    function draw(k) {
      while (edgeLayer.firstChild) { edgeLayer.removeChild(edgeLayer.firstChild); }
      while (nodeLayer.firstChild) { nodeLayer.removeChild(nodeLayer.firstChild); }
      var e = g.edges[k], maxW = 0;
      for (var q = 2; q < e.length; q += 3) { maxW = Math.max(maxW, Math.abs(e[q])); }
      for (var r = 0; r < e.length; r += 3) {
        var a = pos[e[r]], b = pos[e[r + 1]], w = e[r + 2];
        var cls = pc >= 0 ? g.attrs[k][pc][e[r + 1]] : -1;
        edgeLayer.appendChild(svg("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: cls >= 0 ? PALETTE[cls % PALETTE.length] : "#888",
          "stroke-opacity": 0.35, "stroke-width": (0.3 + 2.2 * Math.abs(w) / (maxW || 1)).toFixed(2) }));
      }
      g.ids.forEach(function (id, i) {
        var isDead = dead >= 0 && g.attrs[k][dead][i] === 1;
        var c = pc >= 0 ? g.attrs[k][pc][i] : -1;
        var node = svg("circle", { cx: pos[i][0], cy: pos[i][1], r: 3, fill: isDead || c < 0 ? "#ccc" : PALETTE[c % PALETTE.length] });
        node.addEventListener("mousemove", function (evt) {
          var lines = [g.groups[i] + " unit " + id.split(":").pop()];
          g.attributes.forEach(function (name, ai) { var v = g.attrs[k][ai][i]; lines.push(name + ": " + (name === "preferred_class" && v >= 0 && D.classes[v] !== undefined ? D.classes[v] : fmt(v))); });
          showTip(evt, lines.join("\n"));
        });
        node.addEventListener("mouseleave", hideTip);
        nodeLayer.appendChild(node);
      });
      stats.textContent = (e.length / 3) + " edges shown; colour = preferred class of the unit (edges: of the receiving unit); grey = dead";
    }
    card.appendChild(s);
    var legend = el("div", { "class": "legend" });
    D.classes.forEach(function (name, i) { var sp = el("span", null, name); sp.style.setProperty("--c", PALETTE[i % PALETTE.length]); legend.appendChild(sp); });
    card.appendChild(legend);
    card.appendChild(stats);
    card.appendChild(slider(g.ck, draw));
    return card;
  }

  // ---- class pathways: per class, the units its logit draws its kept influence from, layer by layer ----
  var STATS = ["specificity", "concentration", "consistency", "stability"];
  // layer pairs by depth, shallow (light green) to deep (dark violet): viridis without its palest yellow
  var DEPTH = ["#b5de2b", "#6ece58", "#35b779", "#1f9e89", "#26828e", "#31688e", "#3e4989", "#482878", "#440154"];
  function depthColour(i, n) { return DEPTH[n <= 1 ? DEPTH.length - 1 : Math.round(i * (DEPTH.length - 1) / (n - 1))]; }
  function className(k) { return D.classes[k] !== undefined ? D.classes[k] : "class " + k; }
  function statKey(P, stat, k) { return P.probe + "/pathway_" + stat + "_c" + k; }
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
          var line = svg("line", { x1: x(l), y1: y(a), x2: x(l + 1), y2: y(b), stroke: own ? PALETTE[k % PALETTE.length] : "#9aa3b5",
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
          var pc = f.p[l][j], share = f.s[l][j] || 0, r = Math.min(10, 2.5 + 7 * Math.sqrt(share));
          var node = svg("circle", { cx: x(l), cy: y(j), r: r.toFixed(2), fill: pc >= 0 ? PALETTE[pc % PALETTE.length] : "#ccc", stroke: "#fff" });
          node.addEventListener("mousemove", function (evt) {
            showTip(evt, P.layers[l] + " unit " + unit + "\npreferred class: " + (pc >= 0 ? className(pc) : "none (dead)") + "\nselectivity: " + fmt(f.q[l][j])
              + "\nshare of " + className(k) + "'s pathway: " + fmt(share));
          });
          node.addEventListener("mouseleave", hideTip);
          nodeLayer.appendChild(node);
          var label = svg("text", { x: x(l) + r + 3, y: y(j) + 3, "class": "unit" }); label.textContent = String(unit); nodeLayer.appendChild(label);
        });
      });
      onShow(C.ck[i]);
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
      var nm = byKey[key + "_null_mean"] || [], ns = byKey[key + "_null_sd"] || [], pv = byKey[key + "_p"] || [];
      var withNull = false;
      function ofLayer(xs, layer) { return xs.filter(function (x) { return (x.layer || "network") === layer; })[0]; }
      var onsetOf = new RegExp("(^|_)c" + k + "(_|$)");
      var series = scalarSeries(list).map(function (sr) {
        var at = P.layers.indexOf(sr.name);
        var m = ofLayer(nm, sr.name), sd = ofLayer(ns, sr.name), pp = ofLayer(pv, sr.name);
        if (m) {
          sr.whiskers = [];
          m.v.forEach(function (mean, p) {
            if (mean === null) { return; }
            var d = sd && sd.v[p] !== null ? sd.v[p] : 0, pval = pp ? pp.v[p] : null;
            sr.whiskers.push({ p: p, mid: mean, lo: mean - 2 * d, hi: mean + 2 * d,
              note: "null " + fmt(mean) + " ± " + fmt(d) + (pval !== null && pval !== undefined ? ", p = " + fmt(pval) : "") });
            withNull = true;
          });
        }
        sr.marks = [];
        D.events.forEach(function (e) {
          // an onset of this statistic, class and layer: a per-layer scalar named for the class, or a per-layer vector over classes
          var mine = e.probe === P.probe && e.step !== null && e.metric.indexOf(stat) >= 0
            && ((e.label === sr.name && !e.layer && onsetOf.test(e.metric)) || (e.layer === sr.name && e.label === className(k)));
          if (!mine) { return; }
          CK.forEach(function (c, p) { if (c.step === e.step && sr.marks.indexOf(p) < 0) { sr.marks.push(p); } });
        });
        sr.colour = depthColour(Math.max(0, at - 1), P.layers.length - 1);
        sr.name = at > 0 ? P.layers[at - 1] + " → " + sr.name : sr.name;
        return sr;
      });
      charts.push(lineChart("pathway " + stat + (withNull ? " · bars: null ± 2 SD" : ""), series, { width: 300, height: 170, legend: false }));
    });
    return charts;
  }
  function pathwaySection(s) {
    s.appendChild(el("p", { "class": "muted" }, "Per class, its pathway through the class attribution graph (first-order influences of each unit on the next layer,"
      + " averaged over the class's exemplars; see docs/metrics.md, class-attribution), with a checkpoint slider."
      + " Nodes: per layer, the units through which most of the class's kept influence reaches its logit (each unit passes its share back to its kept inputs"
      + " in proportion to their influence), largest share at top, area ∝ share, label = unit index, coloured by preferred class (grey: dead)."
      + " Edges: kept influences (a unit's strongest positive inputs for the class), width ∝ influence relative to the largest of that layer pair over the run,"
      + " in the class's colour where both units prefer it. With it, the pathway statistics per layer pair, shallow (light) to deep (dark):"
      + " bars are a permutation null (mean ± 2 SD) where the probe computed one, dashed lines onsets, the grey rule the slider's checkpoint."));
    D.pathways.forEach(function (P) {
      if (D.pathways.length > 1) { s.appendChild(el("h3", null, P.probe)); }
      var legend = el("div", { "class": "legend" });
      legend.appendChild(el("span", { "class": "plain" }, "layer pairs:"));
      P.layers.slice(1).forEach(function (name, i) {
        var sp = el("span", null, P.layers[i] + " → " + name); sp.style.setProperty("--c", depthColour(i, P.layers.length - 1)); legend.appendChild(sp);
      });
      var classes = el("div", { "class": "legend" });
      classes.appendChild(el("span", { "class": "plain" }, "preferred class:"));
      D.classes.forEach(function (name, i) { var sp = el("span", null, name); sp.style.setProperty("--c", PALETTE[i % PALETTE.length]); classes.appendChild(sp); });
      s.appendChild(classes);
      s.appendChild(legend);
      P.classes.forEach(function (C) {
        s.appendChild(el("h3", null, className(C.k)));
        var row = el("div", { "class": "grid" });
        var charts = pathwayStats(P, C.k);
        row.appendChild(pathwayCard(P, C, function (p) { charts.forEach(function (c) { if (c.cursorAt) { c.cursorAt(p); } }); }));
        var stats = el("div", { "class": "grid stats" });
        charts.forEach(function (c) { stats.appendChild(c); });
        row.appendChild(stats);
        s.appendChild(row);
      });
    });
  }

  // ---- per-unit vectors over training: a heat strip (units × checkpoints) ----
  function heatStrip(v) {
    var card = el("div", { "class": "card" });
    card.appendChild(el("div", { "class": "title" }, v.probe + " · " + v.metric + (v.layer ? " · " + v.layer : "")));
    var units = v.labels.length, frames = v.v.length;
    var cw = Math.max(2, Math.floor(300 / frames)), ch = Math.max(1, Math.min(6, Math.floor(200 / units)));
    var canvas = el("canvas", { width: frames * cw, height: units * ch });
    card.style.width = Math.max(frames * cw, 200) + "px";
    var range = rangeOf([v.v]);
    var g = canvas.getContext("2d");
    for (var f = 0; f < frames; f++) { for (var u = 0; u < units; u++) { g.fillStyle = colour(v.v[f][u], range[0], range[1]); g.fillRect(f * cw, u * ch, cw, ch); } }
    canvas.addEventListener("mousemove", function (evt) {
      var box = canvas.getBoundingClientRect();
      var f = Math.floor((evt.clientX - box.left) / cw), u = Math.floor((evt.clientY - box.top) / ch);
      if (f >= 0 && f < frames && u >= 0 && u < units) { showTip(evt, v.labels[u] + ": " + fmt(v.v[f][u]) + "\n" + ckLabel(v.ck[f])); }
    });
    canvas.addEventListener("mouseleave", hideTip);
    card.appendChild(canvas);
    card.appendChild(el("div", { "class": "muted" }, "rows: " + units + " " + (units > 1 ? "entries" : "entry") + " · columns: checkpoints → · range " + fmt(range[0]) + " … " + fmt(range[1])));
    return card;
  }

  // ---- kernels of the first convolution over training ----
  function kernelView(m) {
    var card = el("div", { "class": "card" });
    card.appendChild(el("div", { "class": "title" }, "first-layer kernels · " + (m.layer || "")));
    var ky = 0, kx = 0, kc = 0;
    m.cols.forEach(function (c) { var r = /y(\d+)x(\d+)c(\d+)/.exec(c); if (r) { ky = Math.max(ky, +r[1] + 1); kx = Math.max(kx, +r[2] + 1); kc = Math.max(kc, +r[3] + 1); } });
    var wrap = el("div", { "class": "kernels" });
    var canvases = m.rows.map(function (name) { var c = el("canvas", { width: kx, height: ky, title: name }); wrap.appendChild(c); return c; });
    var range = rangeOf(m.v);
    function draw(k) {
      canvases.forEach(function (c, f) {
        var g = c.getContext("2d");
        for (var y = 0; y < ky; y++) { for (var x = 0; x < kx; x++) {
          var v = 0; for (var ch = 0; ch < kc; ch++) { v += m.v[k][f][(y * kx + x) * kc + ch]; }
          g.fillStyle = colour(v / kc, range[0], range[1]); g.fillRect(x, y, 1, 1);
        } }
      });
    }
    card.appendChild(wrap);
    card.appendChild(el("div", { "class": "muted" }, m.rows.length + " filters, " + ky + "×" + kx + (kc > 1 ? " (mean over " + kc + " input channels)" : "") + "; red positive, blue negative"));
    card.appendChild(slider(m.ck, draw));
    return card;
  }

  // ---- events timeline ----
  function timeline(events) {
    var rows = events.filter(function (e) { return e.step !== null; });
    var W = 760, rowH = 16, L = 260, H = 30 + rows.length * rowH;
    var s = svg("svg", { width: W, height: H });
    var maxStep = CK.length ? CK[CK.length - 1].step : 1;
    function px(step) { return L + Math.log10(Math.max(step, 0.5) / 0.5) / Math.log10(Math.max(maxStep, 1) / 0.5) * (W - L - 20); }
    for (var d = 0; Math.pow(10, d) <= maxStep; d++) {
      s.appendChild(svg("line", { x1: px(Math.pow(10, d)), x2: px(Math.pow(10, d)), y1: 0, y2: H - 20, stroke: "#eef" }));
      var t = svg("text", { x: px(Math.pow(10, d)), y: H - 6, "text-anchor": "middle" }); t.textContent = String(Math.pow(10, d)); s.appendChild(t);
    }
    rows.forEach(function (e, i) {
      var y = 12 + i * rowH;
      var label = svg("text", { x: L - 8, y: y + 4, "text-anchor": "end" }); label.textContent = e.metric.replace(/_step$/, "") + " · " + (e.label || "network") + (e.layer ? " · " + e.layer : "") + " (" + e.probe + ")"; s.appendChild(label);
      var dot = svg("circle", { cx: px(e.step), cy: y, r: 4, fill: PALETTE[["cka", "filter-coupling", "linear-probe", "accuracy", "coupling-graph"].indexOf(e.probe) + 1] || "#555" });
      dot.addEventListener("mousemove", function (evt) { showTip(evt, e.probe + " " + e.metric + " " + (e.label || "") + ": step " + fmt(e.step)); });
      dot.addEventListener("mouseleave", hideTip);
      s.appendChild(dot);
    });
    return s;
  }

  // ---- the page ----
  function table(rows, head) {
    var t = el("table");
    if (head) { var tr = el("tr"); head.forEach(function (h) { tr.appendChild(el("th", null, h)); }); t.appendChild(tr); }
    rows.forEach(function (r) { var tr = el("tr"); r.forEach(function (c, i) { tr.appendChild(el("td", typeof c === "number" && i > 0 ? { "class": "num" } : null, typeof c === "number" ? c.toLocaleString("en") : c)); }); t.appendChild(tr); });
    return t;
  }

  function render() {
    main.removeChild(document.getElementById("loading"));
    var R = D.run || {};
    var F = D.findings || [];
    if (F.length) {
      var fs = section("findings", "Findings");
      var stated = F.filter(function (f) { return f.verdict !== "NOT_DISTINGUISHABLE"; });
      var rest = F.filter(function (f) { return f.verdict === "NOT_DISTINGUISHABLE"; });
      var list = function (items) {
        var ul = el("ul", { "class": "findings" });
        items.forEach(function (f) {
          var li = el("li", { "data-verdict": f.verdict }, f.statement);
          if (f.uncertainty) { li.appendChild(el("span", { "class": "uncertainty" }, " (" + f.uncertainty + ")")); }
          ul.appendChild(li);
        });
        return ul;
      };
      fs.appendChild(el("p", null, stated.length ? "What passed its control (emerged in training, or present at initialisation):" : "No claim passed its control."));
      if (stated.length) { fs.appendChild(list(stated)); }
      if (rest.length) { fs.appendChild(el("h3", null, "Not distinguishable from control")); fs.appendChild(list(rest)); }
    }
    var sum = section("summary", "Run");
    var ds = R.dataset || {};
    var facts = [["name", D.name], ["status", D.status], ["seed", D.seed], ["checkpoints", CK.length], ["trainable parameters", D.parameters],
      ["classes", D.classes.join(", ")]];
    if (!R.versions) { facts.push(["dsdl", D.dsdlVersion]); }
    if (R.versions) { Object.keys(R.versions).forEach(function (k) { facts.push([k, typeof R.versions[k] === "object" ? JSON.stringify(R.versions[k]) : R.versions[k]]); }); }
    if (R.timings) { ["total", "training", "checkpoints"].forEach(function (k) { if (typeof R.timings[k] === "number") { facts.push([k + " (s)", fmt(R.timings[k])]); } }); }
    if (R.error) { facts.push(["error", R.error]); }
    sum.appendChild(table(facts));
    if (D.contactSheet) {
      sum.appendChild(el("h3", null, "Dataset: the first training exemplars of each class"));
      sum.appendChild(el("img", { "class": "sheet", src: D.contactSheet, alt: "contact sheet of the training exemplars" }));
    }
    if (ds && Object.keys(ds).length) {
      sum.appendChild(el("h3", null, "Dataset summary"));
      var drows = [];
      Object.keys(ds).forEach(function (k) { var v = ds[k]; if (typeof v !== "object") { drows.push([k, v]); } else if (Array.isArray(v) && v.length <= 20) { drows.push([k, JSON.stringify(v)]); } });
      sum.appendChild(table(drows));
    }
    if (R.model && R.model.layers) {
      sum.appendChild(el("h3", null, "Model " + (R.model.name || "")));
      sum.appendChild(table(R.model.layers.map(function (l) { return [l.name, l.kind, JSON.stringify(l.outputShape), l.parameters]; }), ["layer", "kind", "output shape", "parameters"]));
    }
    if (R.config) {
      sum.appendChild(el("h3", null, "Resolved config"));
      sum.appendChild(el("pre", { "class": "config" }, JSON.stringify(R.config, null, 2)));
    }
    if (R.probeFailures && R.probeFailures.length) {
      sum.appendChild(el("h3", null, "Probe failures"));
      sum.appendChild(el("pre", { "class": "config" }, JSON.stringify(R.probeFailures, null, 2)));
    }

    // learning curves
    D.scalars.forEach(function (s) { (byKey[s.probe + "/" + s.metric] = byKey[s.probe + "/" + s.metric] || []).push(s); });
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
      ["loss", "accuracy"].forEach(function (kind) {
        var series = [];
        ["train", "test"].forEach(function (split) {
          (byKey["accuracy/" + split + "_" + kind] || []).forEach(function (s) { var sr = scalarSeries([s])[0]; sr.name = split === "test" ? "held-out" : "train"; series.push(sr); });
        });
        if (series.length) { lcGrid.appendChild(lineChart(kind, series, { epoch: useEpoch, width: 420, height: 240 })); }
      });
      D.vectors.filter(function (v) { return v.probe === "accuracy" && !v.layer && v.labels.length <= 20; }).forEach(function (v) {
        var series = v.labels.map(function (name, i) { return { name: name, xs: v.ck, ys: v.v.map(function (f) { return f[i]; }) }; });
        lcGrid.appendChild(lineChart(v.metric + " (per class)", series, { epoch: useEpoch, width: 420, height: 240 }));
      });
    }
    box.addEventListener("change", function () { useEpoch = box.checked; drawLearning(); });
    drawLearning();

    var drawn = pathwayKeys();
    var probes = [];
    D.scalars.filter(function (m) { return !drawn[m.probe + "/" + m.metric]; }).concat(D.vectors, D.matrices, D.graphs)
      .forEach(function (m) { if (probes.indexOf(m.probe) < 0) { probes.push(m.probe); } });
    function family(id, title, names, intro) {
      var members = probes.filter(function (p) { return names === null ? IDENTITY.indexOf(p) < 0 && COUPLING.indexOf(p) < 0 && p !== "accuracy" : names.indexOf(p) >= 0; });
      if (!members.length) { return; }
      var s = section(id, title);
      if (intro) { s.appendChild(el("p", { "class": "muted" }, intro)); }
      members.forEach(function (p) {
        s.appendChild(el("h3", null, p));
        var grid = el("div", { "class": "grid" });
        Object.keys(byKey).filter(function (k) { return k.split("/")[0] === p && !/_ci_(low|high)$/.test(k) && !drawn[k]; }).forEach(function (k) {
          var hasBand = byKey[k + "_ci_low"] && byKey[k + "_ci_high"];
          grid.appendChild(lineChart(k.split("/")[1] + (hasBand ? " (band: 95% bootstrap interval)" : ""), withBands(k, byKey[k])));
        });
        D.vectors.filter(function (v) { return v.probe === p; }).forEach(function (v) { grid.appendChild(heatStrip(v)); });
        D.matrices.filter(function (m) { return m.probe === p && m.metric !== "kernels"; }).forEach(function (m) { grid.appendChild(heatmap(m)); });
        s.appendChild(grid);
        D.graphs.filter(function (g) { return g.probe === p; }).forEach(function (g) { s.appendChild(graphView(g)); });
      });
    }
    family("identity", "Identity: does each layer carry category identity?", IDENTITY, "Small multiples: one chart per metric, a line per layer; hover for exact values.");
    family("coupling", "Coupling: how feature detectors bind into features", COUPLING, "The coupling graph's slider is the filmstrip of graphical bootstrapping.");
    if (D.pathways && D.pathways.length) { pathwaySection(section("pathways", "Class pathways: graphical bootstrapping over training")); }
    var kernels = D.matrices.filter(function (m) { return m.metric === "kernels"; });
    if (kernels.length) { var ks = section("kernels", "First-layer kernels over training"); kernels.forEach(function (m) { ks.appendChild(kernelView(m)); }); }
    if (D.events.length) {
      var ev = section("events", "Events timeline");
      ev.appendChild(el("p", { "class": "muted" }, "Settling times (CKA to final stays ≥ threshold), identity onsets (per class and per layer) and coupling onsets; step on a log axis."));
      ev.appendChild(timeline(D.events));
      ev.appendChild(table(D.events.map(function (e) { return [e.probe, e.metric, (e.label || "network") + (e.layer ? " · " + e.layer : ""), e.step === null ? "not reached" : e.step]; }), ["probe", "event", "of", "step"]));
    }
    family("other", "Other probes", null, "Probes this report does not know, drawn by kind: scalars as lines, vectors as heat strips, matrices as heat maps, graphs as drawings.");
    var conf = D.matrices.filter(function (m) { return m.probe === "accuracy"; });
    if (conf.length) { var cs = section("confusion", "Confusion"); var cg = el("div", { "class": "grid" }); conf.forEach(function (m) { cg.appendChild(heatmap(m)); }); cs.appendChild(cg); }
  }

  try { render(); } catch (e) { errors.push(String(e && e.stack || e)); document.body.setAttribute("data-errors", errors.join(" | ")); throw e; }

  // ---- self-test for headless browsers: #selftest moves the first slider to its start ----
  if (location.hash === "#selftest") {
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
    document.body.setAttribute("data-sections", String(document.querySelectorAll("section").length));
    document.body.setAttribute("data-render-ms", String(Math.round(performance.now())));
    document.body.setAttribute("data-overflow-x", String(document.documentElement.scrollWidth - document.documentElement.clientWidth));
  }
})();
