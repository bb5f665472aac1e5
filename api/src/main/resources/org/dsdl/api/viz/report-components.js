/* dsdl report components: shared by a run's report, the comparison of runs and a sweep's report.
   Every text goes through textContent; nothing is fetched. */
var DSDL = (function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  // Okabe & Ito (2008): distinguishable with every common colour-vision deficiency; yellow last (weak on white)
  var PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"];
  // viridis, for ordered series (layers by depth): dark violet (shallow) to green-yellow (deep), without the palest yellow
  var VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b"];
  var tip = null;

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
  function niceTicks(lo, hi) {
    var span = hi - lo, step = Math.pow(10, Math.floor(Math.log10(span / 4)));
    [1, 2, 2.5, 5, 10].some(function (m) { if (span / (step * m) <= 5) { step = step * m; return true; } return false; });
    var out = [];
    for (var v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) { out.push(Math.round(v / step) * step); }
    return out;
  }
  function showTip(evt, text) {
    if (!tip) { tip = el("div", { "class": "tip" }); document.body.appendChild(tip); }
    tip.textContent = text; tip.style.display = "block"; tip.style.left = (evt.clientX + 14) + "px"; tip.style.top = (evt.clientY + 10) + "px";
  }
  function hideTip() { if (tip) { tip.style.display = "none"; } }
  function colourOf(i) { return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]; }
  function depthColour(i, n) { return VIRIDIS[n <= 1 ? 0 : Math.round(i * (VIRIDIS.length - 1) / (n - 1))]; }
  function mix(a, b, t) {
    function ch(h, s) { return parseInt(h.substr(s, 2), 16); }
    var r = Math.round(ch(a, 1) + (ch(b, 1) - ch(a, 1)) * t), g = Math.round(ch(a, 3) + (ch(b, 3) - ch(a, 3)) * t), bl = Math.round(ch(a, 5) + (ch(b, 5) - ch(a, 5)) * t);
    return "rgb(" + r + "," + g + "," + bl + ")";
  }
  function ramp(stops, u) {
    u = Math.max(0, Math.min(1, u));
    var x = u * (stops.length - 1), i = Math.min(stops.length - 2, Math.floor(x));
    return mix(stops[i], stops[i + 1], x - i);
  }
  // ColorBrewer RdBu (colour-blind safe), blue negative, red positive, white at 0
  var DIVERGING = ["#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"];
  // viridis whole (with its palest yellow), for values from lo to hi
  var SEQUENTIAL = VIRIDIS.concat(["#fde725"]);
  var BLANK = "rgb(236,238,242)";
  /** A colour for v: diverging around 0 when lo < 0 < hi, else sequential viridis from lo to hi. */
  function scaleColour(v, lo, hi) {
    if (v === null || v === undefined || !isFinite(v)) { return BLANK; }
    if (lo < 0 && hi > 0) { var m = Math.max(-lo, hi); return ramp(DIVERGING, 0.5 + v / (2 * m)); }
    return ramp(SEQUENTIAL, (v - lo) / (hi - lo || 1));
  }
  function rgbOf(hex) { return [parseInt(hex.substr(1, 2), 16), parseInt(hex.substr(3, 2), 16), parseInt(hex.substr(5, 2), 16)]; }
  var SEQUENTIAL_RGB = SEQUENTIAL.map(rgbOf), DIVERGING_RGB = DIVERGING.map(rgbOf);
  /** The colour of u (0…1) on a ramp of [r, g, b] stops, as mix() computes it, packed for a little-endian RGBA pixel. */
  function rampPixel(stops, u) {
    u = Math.max(0, Math.min(1, u));
    var x = u * (stops.length - 1), i = Math.min(stops.length - 2, Math.floor(x)), t = x - i, a = stops[i], b = stops[i + 1];
    var r = Math.round(a[0] + (b[0] - a[0]) * t), g = Math.round(a[1] + (b[1] - a[1]) * t), bl = Math.round(a[2] + (b[2] - a[2]) * t);
    return (255 << 24 | bl << 16 | g << 8 | r) >>> 0;
  }
  var luts = {};
  /** 256 colours of the scale for lo…hi as packed pixels (the same colours scaleColour gives), made once per range. */
  function lut(lo, hi) {
    var key = lo + "," + hi;
    if (luts[key]) { return luts[key]; }
    var out = new Uint32Array(256), diverging = lo < 0 && hi > 0;
    for (var i = 0; i < 256; i++) { out[i] = rampPixel(diverging ? DIVERGING_RGB : SEQUENTIAL_RGB, i / 255); }
    luts[key] = out;
    return out;
  }
  var BLANK_PIXEL = (255 << 24 | 242 << 16 | 238 << 8 | 236) >>> 0;
  /**
   * Draws a rows × cols grid of packed pixels, one per cell (pixel(i, j)), at (x0, y0) with cells of cw × ch: on an untransformed
   * context with whole-pixel cells, written straight into the canvas's pixels; else painted at one pixel a cell and scaled up without
   * smoothing, so a cell costs one write however large it is drawn.
   */
  function drawCells(g, x0, y0, rows, cols, cw, ch, pixel) {
    var t = g.getTransform ? g.getTransform() : null;
    if (t && t.isIdentity && [x0, y0, cw, ch].every(function (n) { return n === Math.round(n); })) {
      // an untransformed context and whole pixels: the scaled-up cells written straight into the canvas (no second canvas to scale)
      var W = cols * cw, img = g.createImageData(W, rows * ch), out = new Uint32Array(img.data.buffer);
      for (var r = 0, at = 0; r < rows; r++) {
        var line = at;
        for (var c = 0; c < cols; c++) { var p = pixel(r, c); for (var x = 0; x < cw; x++) { out[at++] = p; } }
        for (var y = 1; y < ch; y++, at += W) { out.copyWithin(at, line, line + W); }
      }
      g.putImageData(img, x0, y0);
      return;
    }
    var small = document.createElement("canvas");
    small.width = cols; small.height = rows;
    var sg = small.getContext("2d"), img = sg.createImageData(cols, rows), px = new Uint32Array(img.data.buffer);
    for (var i = 0, o = 0; i < rows; i++) { for (var j = 0; j < cols; j++, o++) { px[o] = pixel(i, j); } }
    sg.putImageData(img, 0, 0);
    g.save();
    g.imageSmoothingEnabled = false;
    g.clearRect(x0, y0, cols * cw, rows * ch);
    g.drawImage(small, x0, y0, cols * cw, rows * ch);
    g.restore();
  }
  /**
   * Paints rows × cols cells of cw × ch pixels at (x0, y0) of a canvas's context: the colour of get(i, j)
   * on the scale lo…hi, the blank colour where it is null or not finite.
   */
  function paintGrid(g, x0, y0, rows, cols, cw, ch, get, lo, hi, categories) {
    if (rows <= 0 || cols <= 0) { return; }
    if (categories) { return paintCategories(g, x0, y0, rows, cols, cw, ch, get, categories); }
    var table = lut(lo, hi), diverging = lo < 0 && hi > 0, m = Math.max(-lo, hi), span = hi - lo || 1;
    drawCells(g, x0, y0, rows, cols, cw, ch, function (i, j) {
      var v = get(i, j);
      if (v === null || v === undefined || !isFinite(v)) { return BLANK_PIXEL; }
      var u = diverging ? (v + m) / (2 * m) : (v - lo) / span;
      return table[Math.max(0, Math.min(255, Math.round(u * 255)))];
    });
  }
  /** As paintGrid, for categories: get(i, j) is an index into colours ("#rrggbb"); the blank colour for a negative or missing one. */
  function paintCategories(g, x0, y0, rows, cols, cw, ch, get, colours) {
    var packed = colours.map(function (c) { var x = rgbOf(c); return (255 << 24 | x[2] << 16 | x[1] << 8 | x[0]) >>> 0; });
    drawCells(g, x0, y0, rows, cols, cw, ch, function (i, j) {
      var v = get(i, j);
      return v !== null && v !== undefined && v >= 0 && packed[v % packed.length] !== undefined ? packed[v % packed.length] : BLANK_PIXEL;
    });
  }
  var gradients = 0;
  /**
   * A horizontal colour bar for the range lo…hi, with its label: one rectangle filled with a gradient through the scale's stops
   * (an SVG gradient mixes neighbouring stops in sRGB as ramp() does, so every point has the colour scaleColour gives its value).
   */
  function colourBar(lo, hi, label) {
    var W = 220, s = svg("svg", { width: W + 80, height: 34, "class": "colourbar" });
    var diverging = lo < 0 && hi > 0, stops = diverging ? DIVERGING : SEQUENTIAL, m = Math.max(-lo, hi);
    // the part of the ramp the range covers: all of it, or (diverging, white at 0) from 0.5 + lo / 2m to 0.5 + hi / 2m
    var u0 = diverging ? 0.5 + lo / (2 * m) : 0, u1 = diverging ? 0.5 + hi / (2 * m) : hi > lo ? 1 : 0, n = stops.length - 1, at = [u0];
    for (var i = 1; i < n; i++) { if (i / n > u0 && i / n < u1) { at.push(i / n); } }
    if (u1 > u0) { at.push(u1); }
    var id = "dsdl-colourbar-" + (++gradients), grad = svg("linearGradient", { id: id });
    at.forEach(function (u) { grad.appendChild(svg("stop", { offset: u1 > u0 ? (u - u0) / (u1 - u0) : 0, "stop-color": ramp(stops, u) })); });
    var defs = svg("defs", {});
    defs.appendChild(grad);
    s.appendChild(defs);
    s.appendChild(svg("rect", { x: 40, y: 2, width: W, height: 12, fill: "url(#" + id + ")" }));
    var a = svg("text", { x: 36, y: 12, "text-anchor": "end" }); a.textContent = tickText(lo); s.appendChild(a);
    var b = svg("text", { x: 44 + W, y: 12 }); b.textContent = tickText(hi); s.appendChild(b);
    var c = svg("text", { x: 40 + W / 2, y: 28, "text-anchor": "middle" }); c.textContent = label; s.appendChild(c);
    return s;
  }
  /** A new section of the page: appended to its main element (#report), with a link in its table of contents (#toc). */
  function section(id, title) {
    var s = el("section", { id: id });
    s.appendChild(el("h2", null, title));
    document.getElementById("report").appendChild(s);
    document.getElementById("toc").appendChild(el("a", { href: "#" + id }, title));
    return s;
  }
  function caption(text) { return el("div", { "class": "caption" }, text); }
  function table(rows, head) {
    var t = el("table");
    if (head) { var tr = el("tr"); head.forEach(function (h) { tr.appendChild(el("th", null, h)); }); t.appendChild(tr); }
    rows.forEach(function (r) {
      var tr = el("tr");
      r.forEach(function (c, i) { tr.appendChild(el("td", typeof c === "number" && i > 0 ? { "class": "num" } : null, typeof c === "number" ? fmt(c) : c)); });
      t.appendChild(tr);
    });
    return t;
  }
  function legend(items) {
    var l = el("div", { "class": "legend" });
    items.forEach(function (it) {
      var sp = el("span", it.dash ? { "class": "dash" } : null, it.name); sp.style.setProperty("--c", it.colour); l.appendChild(sp);
    });
    return l;
  }

  /** The step axis: log10 with step 0 drawn at 0.5; or a linear axis (epochs). */
  var STEP_AXIS = { of: function (x) { return Math.log10(Math.max(x, 0.5)); }, label: "training step (log scale; step 0 drawn at 0.5)", log: true };
  function linearAxis(label) { return { of: function (x) { return x; }, label: label, log: false }; }

  /**
   * A line chart. series: [{name, x: [..], y: [..], colour?, width?, dash?, low?/high? (a band, per point),
   *   whiskers? [{x, mid, lo, hi, note}] (an interval at some points, e.g. a permutation null),
   *   marks? [x] (events: dashed rules), run? (a data-run attribute), notes? [text] (per point, shown on hover instead of the band)}].
   * opts: {axis (STEP_AXIS default), unit (the y axis's label), bounds [lower, upper] (NaN/null for none),
   *   domain [lo, hi] (a fixed y range, widened only to show every value), caption, width, height, legend (false to hide),
 *   tipLabel(x) (the hover's heading), format(v) (numbers on hover; fmt by default)}.
   * The card's cursorAt(x) draws a rule at x.
   */
  function lineChart(title, series, opts) {
    opts = opts || {};
    var axis = opts.axis || STEP_AXIS;
    var W = opts.width || 340, H = opts.height || 210, L = 48, R = 14, T = 8, B = 28;
    var card = el("div", { "class": "card chart" });
    card.style.width = W + "px";
    card.appendChild(el("div", { "class": "title" }, title));
    var s = svg("svg", { width: W, height: H, role: "img" });
    card.appendChild(s);
    var xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity;
    function seeY(y) { if (y !== null && y !== undefined && isFinite(y)) { ymin = Math.min(ymin, y); ymax = Math.max(ymax, y); } }
    series.forEach(function (sr) {
      sr.y.forEach(function (y, k) {
        if (y === null || !isFinite(y)) { return; }
        var x = axis.of(sr.x[k]);
        xmin = Math.min(xmin, x); xmax = Math.max(xmax, x); seeY(y);
        if (sr.low) { seeY(sr.low[k]); seeY(sr.high[k]); }
      });
      (sr.whiskers || []).forEach(function (w) { seeY(w.lo); seeY(w.hi); var x = axis.of(w.x); xmin = Math.min(xmin, x); xmax = Math.max(xmax, x); });
    });
    if (!isFinite(xmin) || !isFinite(ymin)) { card.appendChild(el("div", { "class": "muted" }, "no finite values")); return card; }
    if (xmax === xmin) { xmax = xmin + 1; }
    var bounds = opts.bounds || [null, null];
    var lower = bounds[0] === null || bounds[0] === undefined || !isFinite(bounds[0]) ? -Infinity : Math.min(bounds[0], ymin);
    var upper = bounds[1] === null || bounds[1] === undefined || !isFinite(bounds[1]) ? Infinity : Math.max(bounds[1], ymax);
    var span = ymax - ymin, pad = span > 0 ? span * 0.06 : Math.max(Math.abs(ymax) * 0.05, 0.05);
    var lo = Math.max(lower, ymin - pad), hi = Math.min(upper, ymax + pad);
    if (!(hi > lo)) { hi = lo + 1; }
    var ticks = niceTicks(lo, hi);
    if (ticks.length && ticks[0] < lo && ticks[0] >= lower) { lo = ticks[0]; }
    if (opts.domain) { lo = Math.min(opts.domain[0], ymin); hi = Math.max(opts.domain[1], ymax); ticks = niceTicks(lo, hi); }
    card.setAttribute("data-y-min", String(lo)); card.setAttribute("data-y-max", String(hi));
    function px(x) { return L + (axis.of(x) - xmin) / (xmax - xmin) * (W - L - R); }
    function py(y) { return T + (1 - (y - lo) / (hi - lo)) * (H - T - B); }
    s.appendChild(svg("rect", { x: L, y: T, width: W - L - R, height: H - T - B, fill: "#fff", stroke: "#dfe2e8" }));
    ticks.filter(function (t) { return t >= lo - 1e-12 && t <= hi + 1e-12; }).forEach(function (yv) {
      s.appendChild(svg("line", { x1: L, x2: W - R, y1: py(yv), y2: py(yv), stroke: "#eef0f3" }));
      var lab = svg("text", { x: L - 4, y: py(yv) + 3, "text-anchor": "end" }); lab.textContent = tickText(yv); s.appendChild(lab);
    });
    if (axis.log) {
      for (var d = Math.ceil(xmin); d <= Math.floor(xmax); d++) {
        s.appendChild(svg("line", { x1: L + (d - xmin) / (xmax - xmin) * (W - L - R), x2: L + (d - xmin) / (xmax - xmin) * (W - L - R), y1: T, y2: H - B, stroke: "#eef0f3" }));
        var tt = svg("text", { x: L + (d - xmin) / (xmax - xmin) * (W - L - R), y: H - 14, "text-anchor": "middle" }); tt.textContent = String(Math.pow(10, d)); s.appendChild(tt);
      }
    } else {
      niceTicks(xmin, xmax).filter(function (t) { return t >= xmin && t <= xmax; }).forEach(function (xv) {
        var tx = svg("text", { x: L + (xv - xmin) / (xmax - xmin) * (W - L - R), y: H - 14, "text-anchor": "middle" }); tx.textContent = tickText(xv); s.appendChild(tx);
      });
    }
    var xl = svg("text", { x: (L + W - R) / 2, y: H - 2, "text-anchor": "middle" }); xl.textContent = axis.label; s.appendChild(xl);
    if (opts.unit) {
      var yl = svg("text", { x: 10, y: T + (H - T - B) / 2, "text-anchor": "middle", transform: "rotate(-90 10 " + (T + (H - T - B) / 2) + ")", "class": "unit-label" });
      yl.textContent = opts.unit.length > 34 ? opts.unit.slice(0, 33) + "…" : opts.unit; s.appendChild(yl);
    }
    function colourAt(sr, i) { return sr.colour || colourOf(i); }
    series.forEach(function (sr, i) {
      if (!sr.low) { return; }
      var pts = [], back = [];
      sr.x.forEach(function (x, k) {
        if (sr.low[k] === null || sr.high[k] === null || sr.low[k] === undefined || sr.high[k] === undefined) { return; }
        pts.push(px(x).toFixed(1) + "," + py(sr.high[k]).toFixed(1));
        back.unshift(px(x).toFixed(1) + "," + py(sr.low[k]).toFixed(1));
      });
      if (pts.length) { s.appendChild(svg("polygon", { points: pts.concat(back).join(" "), fill: colourAt(sr, i), "fill-opacity": 0.16, stroke: "none", "class": "band" })); }
    });
    series.forEach(function (sr, i) {
      var colour = colourAt(sr, i);
      (sr.marks || []).forEach(function (x) {
        s.appendChild(svg("line", { x1: px(x), x2: px(x), y1: T, y2: H - B, stroke: colour, "stroke-dasharray": "4,3", "stroke-width": 1.2, "class": "mark" }));
      });
      (sr.whiskers || []).forEach(function (w) {
        if (!isFinite(w.lo) || !isFinite(w.hi)) { return; }
        var x = px(w.x) + (i - (series.length - 1) / 2) * 3;
        s.appendChild(svg("line", { x1: x, x2: x, y1: py(w.hi), y2: py(w.lo), stroke: colour, "stroke-width": 5, "stroke-opacity": 0.4, "class": "whisker" }));
        s.appendChild(svg("line", { x1: x - 4, x2: x + 4, y1: py(w.mid), y2: py(w.mid), stroke: colour, "stroke-width": 1.5 }));
      });
      var d = "", n = 0;
      sr.y.forEach(function (y, k) {
        if (y === null || !isFinite(y)) { return; }
        d += (d === "" ? "M" : "L") + px(sr.x[k]).toFixed(1) + "," + py(y).toFixed(1); n++;
      });
      var attrs = { d: d, fill: "none", stroke: colour, "stroke-width": sr.width || 1.7, "class": "series" };
      if (sr.dash) { attrs["stroke-dasharray"] = sr.dash; }
      if (sr.run !== undefined) { attrs["data-run"] = String(sr.run); }
      attrs["data-name"] = sr.name;
      s.appendChild(svg("path", attrs));
      if (n <= 2) {
        sr.y.forEach(function (y, k) { if (y !== null && isFinite(y)) { s.appendChild(svg("circle", { cx: px(sr.x[k]), cy: py(y), r: 3, fill: colour })); } });
      }
    });
    var rule = svg("line", { y1: T, y2: H - B, stroke: "#99a", "stroke-dasharray": "3,3", visibility: "hidden" });
    s.appendChild(rule);
    s.addEventListener("mousemove", function (evt) {
      var box = s.getBoundingClientRect(), mx = evt.clientX - box.left, best = null, bestDist = Infinity;
      series.forEach(function (sr) {
        sr.x.forEach(function (x, k) { if (sr.y[k] === null) { return; } var dist = Math.abs(px(x) - mx); if (dist < bestDist) { bestDist = dist; best = x; } });
      });
      if (best === null) { return; }
      rule.setAttribute("x1", px(best)); rule.setAttribute("x2", px(best)); rule.setAttribute("visibility", "visible");
      var lines = [opts.tipLabel ? opts.tipLabel(best) : "step " + fmt(best)];
      series.forEach(function (sr) {
        var k = sr.x.indexOf(best);
        var f = opts.format || fmt;
        if (k >= 0 && sr.notes) { lines.push(sr.name + ": " + f(sr.y[k]) + (sr.notes[k] ? "  " + sr.notes[k] : "")); }
        else if (k >= 0) { lines.push(sr.name + ": " + f(sr.y[k]) + (sr.low && sr.low[k] !== null && sr.low[k] !== undefined ? "  [" + f(sr.low[k]) + ", " + f(sr.high[k]) + "]" : "")); }
        (sr.whiskers || []).forEach(function (w) { if (w.x === best && w.note) { lines.push("  " + w.note); } });
        if ((sr.marks || []).indexOf(best) >= 0) { lines.push("  " + sr.name + ": onset at this step"); }
      });
      showTip(evt, lines.join("\n"));
    });
    s.addEventListener("mouseleave", function () { rule.setAttribute("visibility", "hidden"); hideTip(); });
    var cursor = svg("line", { y1: T, y2: H - B, stroke: "#1d2330", "stroke-opacity": 0.35, "stroke-width": 2, visibility: "hidden" });
    s.appendChild(cursor);
    card.cursorAt = function (x) {
      var at = x === null || x === undefined ? NaN : px(x);
      if (!(at >= L - 0.5 && at <= W - R + 0.5)) { cursor.setAttribute("visibility", "hidden"); return; }
      cursor.setAttribute("x1", at); cursor.setAttribute("x2", at); cursor.setAttribute("visibility", "visible");
    };
    if (series.length > 1 && opts.legend !== false) {
      card.appendChild(legend(series.map(function (sr, i) { return { name: sr.name, colour: colourAt(sr, i), dash: !!sr.dash }; })));
    }
    if (opts.caption) { card.appendChild(caption(opts.caption)); }
    return card;
  }

  return {
    el: el, svg: svg, fmt: fmt, tickText: tickText, niceTicks: niceTicks, showTip: showTip, hideTip: hideTip,
    PALETTE: PALETTE, colourOf: colourOf, depthColour: depthColour, scaleColour: scaleColour, colourBar: colourBar, BLANK: BLANK, paintGrid: paintGrid,
    section: section, caption: caption, table: table, legend: legend, lineChart: lineChart, STEP_AXIS: STEP_AXIS, linearAxis: linearAxis
  };
})();
