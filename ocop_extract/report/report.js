// The report's script: draws the chart (inline SVG, no library) and shows hover details.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var COLOURS = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457",
                 "#4e342e", "#283593", "#9e9d24"];
  var data = JSON.parse(document.getElementById("chart-data").textContent);

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    for (var k in attrs) { node.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function ticks(max) {
    if (max <= 0) { return [0]; }
    var step = Math.pow(10, Math.floor(Math.log10(max)));
    if (max / step < 2) { step /= 5; } else if (max / step < 5) { step /= 2; }
    var out = [];
    for (var v = 0; v <= max * 1.0001; v += step) { out.push(v); }
    return out;
  }

  function fmt(v) {
    if (v >= 1e9) { return (v / 1e9).toLocaleString("vi-VN") + " tỷ"; }
    if (v >= 1e6) { return (v / 1e6).toLocaleString("vi-VN") + " tr"; }
    return v.toLocaleString("vi-VN");
  }

  function draw(id) {
    var svg = document.getElementById("chart"), legend = document.getElementById("chart-legend");
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    legend.textContent = "";
    var entry = data[id], W = 760, H = 340, L = 70, R = 20, T = 20, B = 40;
    if (!entry) {
      el("text", {x: W / 2, y: H / 2, "text-anchor": "middle"}, svg).textContent = "No figure with a year.";
      svg.setAttribute("data-drawn", "0");
      return;
    }
    var years = [], max = 0;
    entry.series.forEach(function (s) {
      s.points.forEach(function (p) { if (years.indexOf(p[0]) < 0) { years.push(p[0]); } max = Math.max(max, p[1]); });
    });
    years.sort();
    var y0 = years[0], y1 = years[years.length - 1], scale = ticks(max * 1.1), top = scale[scale.length - 1] || 1;
    function x(year) { return y1 === y0 ? (L + W - R) / 2 : L + (year - y0) * (W - L - R) / (y1 - y0); }
    function y(v) { return H - B - v * (H - T - B) / top; }
    scale.forEach(function (v) {
      el("line", {x1: L, x2: W - R, y1: y(v), y2: y(v), "class": "grid"}, svg);
      el("text", {x: L - 6, y: y(v) + 4, "text-anchor": "end"}, svg).textContent = fmt(v);
    });
    years.forEach(function (yr) {
      el("text", {x: x(yr), y: H - B + 18, "text-anchor": "middle"}, svg).textContent = yr;
    });
    el("line", {x1: L, x2: W - R, y1: H - B, y2: H - B, "class": "axis"}, svg);
    el("line", {x1: L, x2: L, y1: T, y2: H - B, "class": "axis"}, svg);
    var places = [];
    entry.series.forEach(function (s) { if (places.indexOf(s.place) < 0) { places.push(s.place); } });
    entry.series.forEach(function (s) {
      var colour = COLOURS[places.indexOf(s.place) % COLOURS.length], actual = s.status === "actual";
      var d = s.points.map(function (p, i) { return (i ? "L" : "M") + x(p[0]) + "," + y(p[1]); }).join(" ");
      el("path", {d: d, fill: "none", stroke: colour, "stroke-width": 2, "class": "series",
                  "stroke-dasharray": actual ? "" : "6 4"}, svg);
      s.points.forEach(function (p) {
        var link = el("a", {href: "#" + (p[2] || "")}, svg);
        var dot = el("circle", {cx: x(p[0]), cy: y(p[1]), r: 5, stroke: colour, "stroke-width": 2,
                                fill: actual ? colour : "#fff", "class": "point"}, link);
        el("title", {}, dot).textContent = s.place + " · " + s.status + " " + p[0] + ": " + fmt(p[1]) + " " + entry.unit;
      });
    });
    places.forEach(function (place, i) {
      var item = document.createElement("span"), mark = document.createElement("i");
      mark.style.borderColor = COLOURS[i % COLOURS.length];
      item.appendChild(mark);
      item.appendChild(document.createTextNode(place));
      legend.appendChild(item);
    });
    var key = document.createElement("span");
    key.textContent = "dashed, open: target · solid, filled: actual · unit: " + entry.unit;
    legend.appendChild(key);
    svg.setAttribute("data-drawn", String(entry.series.length));
  }

  var select = document.getElementById("chart-indicator"), ids = Object.keys(data), best = null, most = -1;
  ids.forEach(function (id) {
    var option = document.createElement("option");
    option.value = id;
    option.textContent = data[id].label;
    select.appendChild(option);
    // the default: the indicator with figures for the most places, then the most points
    var seen = {}, points = 0;
    data[id].series.forEach(function (s) { seen[s.place] = 1; points += s.points.length; });
    var n = Object.keys(seen).length * 100000 + points;
    if (n > most) { most = n; best = id; }
  });
  if (best) { select.value = best; }
  select.addEventListener("change", function () { draw(select.value); });
  draw(best);

  var tip = document.getElementById("tip");
  document.addEventListener("mouseover", function (e) {
    var mark = e.target.closest ? e.target.closest("mark[data-tip]") : null;
    if (!mark) { tip.hidden = true; return; }
    tip.textContent = mark.getAttribute("data-tip");
    tip.hidden = false;
  });
  document.addEventListener("mousemove", function (e) {
    tip.style.left = Math.min(e.clientX + 12, window.innerWidth - 300) + "px";
    tip.style.top = (e.clientY + 16) + "px";
  });
  document.body.setAttribute("data-ready", "1");
  if (window.performance) {
    document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    window.addEventListener("load", function () {
      document.body.setAttribute("data-load-ms", String(Math.round(performance.now())));
    });
  }
})();
