/* Arbeidsmigratie KG, question pages: draws the answer's chart as one self-contained SVG (title, chart, legend
   and source line, with its own fonts and colours), so the same picture downloads as SVG or PNG for print.
   What is counted is decided on the server (ChartPlan.java) from the typed answer; this file only draws.
   Plain ES2017, no libraries. */
(function () {
  'use strict';
  var block = document.getElementById('chart-data');
  var figure = document.getElementById('chart');
  if (!block || !figure) return;
  var spec = JSON.parse(block.textContent);
  var body = figure.querySelector('.chart-body');
  var nl = spec.lang !== 'en';
  var SVG = 'http://www.w3.org/2000/svg';
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
  var INK = '#1b1f24', MUTED = '#4d5560', GRID = '#e3e7ec', AXIS = '#8a929c';
  // Okabe–Ito: distinguishable with the common colour-vision deficiencies.
  // Then Tol's muted colours, so that up to twelve kinds (a status chart has eleven) never share one.
  var COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8C6D1F', '#333333',
    '#882255', '#44AA99', '#999933', '#AA4499'];
  var GREY = '#b3bac3';
  var PRINT_WIDTH = 720;

  function el(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text; // textContent: data never becomes markup
    return e;
  }
  function txt(x, y, s, attrs) {
    var a = { x: x, y: y, 'font-family': FONT, 'font-size': 13, fill: INK };
    Object.keys(attrs || {}).forEach(function (k) { a[k] = attrs[k]; });
    return el('text', a, s);
  }
  function fmt(v) { return (Math.round(v * 100) / 100).toLocaleString(nl ? 'nl-NL' : 'en-GB'); }
  function ticksFor(v, integers) {
    if (!(v > 0)) v = 1;
    var raw = v / 5, p = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * p; }).filter(function (s) { return s >= raw; })[0];
    if (integers) step = Math.max(1, Math.round(step));
    var out = [];
    for (var t = 0; t < v + step; t += step) out.push(t);
    return out;
  }

  /* Text width as the browser draws it, in a hidden probe SVG (the figure must be shown). */
  var probe = null;
  function width(s, size, bold) {
    if (!probe) {
      probe = el('svg', { width: 10, height: 10 });
      probe.style.position = 'absolute';
      probe.style.visibility = 'hidden';
      body.appendChild(probe);
    }
    var t = probe.appendChild(txt(0, 0, s, { 'font-size': size || 13, 'font-weight': bold ? 700 : 400 }));
    var w = t.getComputedTextLength ? t.getComputedTextLength() : s.length * 7;
    probe.removeChild(t);
    return w;
  }
  /* Words broken into lines no wider than max pixels. */
  function wrap(s, max, size, bold) {
    var words = String(s).split(/\s+/), lines = [], line = '';
    words.forEach(function (w) {
      var next = line ? line + ' ' + w : w;
      if (line && width(next, size, bold) > max) { lines.push(line); line = w; } else line = next;
    });
    if (line) lines.push(line);
    return lines;
  }
  /* Lines of text from y down; returns the y below them. */
  function lines(svg, x, y, list, lh, attrs) {
    list.forEach(function (l, i) { svg.appendChild(txt(x, y + i * lh, l, attrs)); });
    return y + list.length * lh;
  }

  /* The source line ends with the permalink; without a configured public address the server writes a path, which
     this page completes with its own origin (as it does for the permalink field and the citation). */
  function sourceLine() {
    var link = spec.permalink || '';
    if (link.charAt(0) === '/') link = location.origin + link;
    return spec.source + (link ? ' ' + link : '');
  }

  /* The frame every chart shares: title on top, legend and source line below. Returns the finished SVG. */
  function frame(w, drawChart, legendEntries, colours) {
    var svg = el('svg', { xmlns: SVG, viewBox: '0 0 ' + w + ' 10', width: w, height: 10, role: 'img',
      'aria-labelledby': 'chart-caption', 'font-family': FONT });
    svg.appendChild(el('rect', { x: 0, y: 0, width: w, height: 10, fill: '#ffffff', 'class': 'bg' }));
    var y = lines(svg, 0, 18, wrap(spec.title, w, 16, true), 21, { 'font-size': 16, 'font-weight': 700 }) + 6;
    y = drawChart(svg, y);
    if (legendEntries && legendEntries.length) {
      y += 8;
      var x = 0;
      legendEntries.forEach(function (entry, i) {
        var ew = 18 + width(entry, 12) + 16;
        if (x > 0 && x + ew > w) { x = 0; y += 20; }
        svg.appendChild(el('rect', { x: x, y: y, width: 12, height: 12, rx: 2, fill: colours[i] }));
        svg.appendChild(txt(x + 17, y + 11, entry, { 'font-size': 12 }));
        x += ew;
      });
      y += 22;
    }
    y = lines(svg, 0, y + 14, wrap(sourceLine(), w, 11), 15, { 'font-size': 11, fill: MUTED }) + 4;
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + y);
    svg.setAttribute('height', y);
    svg.querySelector('rect.bg').setAttribute('height', y);
    return svg;
  }

  /* Horizontal bars. Wide: labels left of the bars. Narrow (a phone): each label on its own line above its bar,
     wrapped, so no label is cut off. */
  function bars(w, categories, series, mode, colours) {
    var narrow = w < 560;
    var perRow = mode === 'grouped' ? Math.max(1, series.length) : 1;
    var barH = 16;
    var labelW = narrow ? 0 : Math.min(Math.round(w * 0.4),
      Math.max.apply(null, categories.map(function (c) { return width(c.label); })) + 12);
    var labelLines = categories.map(function (c) { return wrap(c.label, narrow ? w : labelW - 8); });
    var totals = categories.map(function (c) {
      return mode === 'stacked' ? c.values.reduce(function (a, b) { return a + (b || 0); }, 0)
        : Math.max.apply(null, c.values.map(function (v) { return v || 0; }));
    });
    var integers = categories.every(function (c) { return c.values.every(function (v) { return v === Math.round(v); }); });
    var ticks = ticksFor(Math.max.apply(null, totals), integers);
    var max = ticks[ticks.length - 1];
    var plotL = labelW, plotW = w - labelW - 44;
    var x = function (v) { return plotL + (v / max) * plotW; };
    return function (svg, top) {
      var y = top;
      var rows = [];
      categories.forEach(function (c, i) {
        var labelH = narrow ? labelLines[i].length * 16 : 0;
        var h = Math.max(perRow * barH, narrow ? 0 : labelLines[i].length * 16);
        rows.push({ y: y, labelH: labelH, h: h });
        y += labelH + h + (narrow ? 12 : 8);
      });
      var bottom = y;
      ticks.forEach(function (v, t) {
        var xx = x(v);
        svg.appendChild(el('line', { x1: xx, x2: xx, y1: top, y2: bottom, stroke: t ? GRID : AXIS }));
        // The first and last tick labels are anchored inwards so that neither is cut at the chart's edge.
        var anchor = xx - width(fmt(v), 12) / 2 < 0 ? 'start' : xx + width(fmt(v), 12) / 2 > w ? 'end' : 'middle';
        svg.appendChild(txt(xx, bottom + 14, fmt(v), { 'text-anchor': anchor, fill: MUTED, 'font-size': 12 }));
      });
      categories.forEach(function (c, i) {
        var r = rows[i];
        if (narrow) lines(svg, 0, r.y + 12, labelLines[i], 16);
        else lines(svg, labelW - 8, r.y + 12 + Math.max(0, (r.h - labelLines[i].length * 16) / 2), labelLines[i], 16,
          { 'text-anchor': 'end' });
        var y0 = r.y + r.labelH + (narrow ? 2 : Math.max(0, (r.h - perRow * barH) / 2));
        var acc = 0;
        c.values.forEach(function (v, s) {
          if (!v) return;
          var rect;
          if (mode === 'grouped') {
            rect = el('rect', { x: plotL, y: y0 + s * barH, width: Math.max(1, x(v) - plotL), height: barH - 3, fill: colours[s] });
            svg.appendChild(txt(x(v) + 4, y0 + s * barH + barH - 5, fmt(v), { fill: MUTED, 'font-size': 12 }));
          } else {
            rect = el('rect', { x: x(acc), y: y0, width: Math.max(1, x(acc + v) - x(acc)), height: barH,
              fill: colours[mode === 'stacked' ? s : 0] });
            acc += v;
          }
          rect.appendChild(el('title', {}, c.label + (series[s] ? ' — ' + series[s] : '') + ': ' + fmt(v)));
          svg.appendChild(rect);
        });
        if (mode !== 'grouped') svg.appendChild(txt(x(acc) + 5, y0 + barH - 3, fmt(acc), { fill: MUTED, 'font-size': 12 }));
      });
      return bottom + 22;
    };
  }

  function barChart(w) {
    var cats = spec.categories.slice();
    if (spec.sort) cats.sort(function (a, b) { return b.values[0] - a.values[0] || a.label.localeCompare(b.label); });
    return frame(w, bars(w, cats, [], 'bar', [COLORS[0]]));
  }
  function stackedChart(w) {
    var colours = spec.series.map(function (s, i) { return s === spec.none ? GREY : COLORS[i % COLORS.length]; });
    return frame(w, bars(w, spec.categories, spec.series, 'stacked', colours), spec.series, colours);
  }
  function groupedChart(w) {
    var colours = spec.series.map(function (s, i) { return COLORS[i % COLORS.length]; });
    return frame(w, bars(w, spec.categories, spec.series, 'grouped', colours), spec.series, colours);
  }

  /* One row per dated event on a time axis; the label sits on the side with room, wrapped to fit. */
  function timelineChart(w) {
    var events = spec.events.map(function (e) {
      var d = String(e.date).slice(0, 10);
      var iso = /^\d{4}$/.test(d) ? d + '-01-01' : /^\d{4}-\d{2}$/.test(d) ? d + '-01' : d;
      return { t: Date.parse(iso), text: e.dateText + ' — ' + e.label, kind: e.kind };
    }).filter(function (e) { return !isNaN(e.t); }).sort(function (a, b) { return a.t - b.t; });
    var kinds = [];
    events.forEach(function (e) { if (e.kind && kinds.indexOf(e.kind) < 0) kinds.push(e.kind); });
    var colours = kinds.map(function (k, i) { return COLORS[i % COLORS.length]; });
    var min = events[0].t, max = events[events.length - 1].t;
    var year = 365.25 * 24 * 3600 * 1000;
    if (max - min < year) { min -= year / 2; max += year / 2; }
    var pad = (max - min) * 0.03;
    min -= pad; max += pad;
    var left = 8, right = w - 8;
    var x = function (t) { return left + (t - min) / (max - min) * (right - left); };
    return frame(w, function (svg, top) {
      var axisY = top + 18;
      var y = axisY + 10;
      var rows = events.map(function (e) {
        var cx = x(e.t), onRight = cx < w * 0.55;
        var room = onRight ? right - cx - 12 : cx - left - 12;
        var ls = wrap(e.text, Math.max(120, room), 12);
        var r = { e: e, cx: cx, onRight: onRight, ls: ls, y: y };
        y += Math.max(20, ls.length * 15 + 6);
        return r;
      });
      var y0 = new Date(min).getUTCFullYear() + 1, y1 = new Date(max).getUTCFullYear();
      var step = Math.max(1, Math.ceil((y1 - y0 + 1) / Math.max(2, Math.floor(w / 90))));
      for (var yr = y0; yr <= y1; yr += step) {
        var xx = x(Date.UTC(yr, 0, 1));
        svg.appendChild(el('line', { x1: xx, x2: xx, y1: axisY - 6, y2: y, stroke: GRID }));
        svg.appendChild(txt(xx, axisY - 10, String(yr), { 'text-anchor': 'middle', fill: MUTED, 'font-size': 12 }));
      }
      svg.appendChild(el('line', { x1: left, x2: right, y1: axisY - 6, y2: axisY - 6, stroke: AXIS }));
      rows.forEach(function (r) {
        var colour = r.e.kind ? colours[kinds.indexOf(r.e.kind)] : COLORS[0];
        var c = el('circle', { cx: r.cx, cy: r.y + 8, r: 5, fill: colour });
        c.appendChild(el('title', {}, r.e.text));
        svg.appendChild(c);
        lines(svg, r.onRight ? r.cx + 9 : r.cx - 9, r.y + 12, r.ls, 15,
          { 'text-anchor': r.onRight ? 'start' : 'end', 'font-size': 12 });
      });
      return y + 4;
    }, kinds.length > 1 ? kinds : [], colours);
  }

  var kinds = { bar: barChart, stacked: stackedChart, grouped: groupedChart, timeline: timelineChart };
  function make(w) { return kinds[spec.kind] ? kinds[spec.kind](w) : null; }

  function draw() {
    figure.hidden = false;
    var w = Math.max(280, Math.min(1000, body.clientWidth || figure.clientWidth));
    var svg = make(w);
    body.textContent = '';
    probe = null;
    if (!svg) { figure.hidden = true; return; }
    body.appendChild(svg);
  }
  draw();

  /* Downloads: the chart drawn at print width, with its title, legend and source line. */
  function printable() {
    var holder = document.createElement('div');
    holder.style.position = 'absolute';
    holder.style.left = '-10000px';
    holder.style.width = PRINT_WIDTH + 'px';
    document.body.appendChild(holder);
    var saved = body;
    body = holder;
    probe = null;
    var svg = make(PRINT_WIDTH);
    body = saved;
    probe = null;
    document.body.removeChild(holder);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }
  var svgLink = document.getElementById('chart-svg');
  var pngLink = document.getElementById('chart-png');
  var urls = [];
  function prepare() {
    urls.forEach(function (u) { URL.revokeObjectURL(u); });
    urls = [];
    var text = printable();
    var blob = new Blob([text], { type: 'image/svg+xml' });
    var u = URL.createObjectURL(blob);
    urls.push(u);
    if (svgLink) svgLink.href = u;
    if (pngLink) {
      var img = new Image();
      img.onload = function () {
        var scale = 2; // sharp enough for print at the chart's size
        var canvas = document.createElement('canvas');
        canvas.width = img.width * scale;
        canvas.height = img.height * scale;
        var g = canvas.getContext('2d');
        g.scale(scale, scale);
        g.drawImage(img, 0, 0);
        canvas.toBlob(function (png) {
          var pu = URL.createObjectURL(png);
          urls.push(pu);
          pngLink.href = pu;
          pngLink.setAttribute('data-ready', 'true');
        }, 'image/png');
      };
      // A data: URL (the page's Content-Security-Policy allows images from data:, not from blob:).
      img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(text)));
    }
    if (svgLink) svgLink.setAttribute('data-ready', 'true');
  }
  prepare();

  // Redraw at the new width (a phone turned sideways), at most a few times a second.
  var timer = null, lastWidth = body.clientWidth;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (body.clientWidth !== lastWidth) { lastWidth = body.clientWidth; draw(); }
    }, 200);
  });
})();
