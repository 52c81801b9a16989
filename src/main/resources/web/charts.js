/* Arbeidsmigratie KG, question pages: draws the answer as an inline SVG chart next to the table.
   The query header chooses the kind (#+ chart: bar | stacked | grouped | timeline) and the columns
   (chart_x, chart_y). The table stays the full answer; the chart is a picture of it. Plain ES2017. */
(function () {
  'use strict';
  var block = document.getElementById('chart-data');
  var figure = document.getElementById('chart');
  if (!block || !figure) return;
  var spec = JSON.parse(block.textContent);
  var nl = spec.lang !== 'en';
  var SVG = 'http://www.w3.org/2000/svg';
  // Okabe–Ito: distinguishable with the common colour-vision deficiencies.
  var COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8C6D1F', '#333333'];
  var GREY = '#b3bac3';
  var NONE = nl ? '(geen)' : '(none)';

  function col(name) { return spec.columns.indexOf(name); }
  function name(c) { return (spec.names && spec.names[c]) || c; }

  function el(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text; // textContent: data never becomes markup
    return e;
  }
  function titled(e, text) { e.appendChild(el('title', {}, text)); return e; }
  function toNumber(s) {
    if (s === undefined || s === null || s === '') return NaN;
    // Only a value that starts with its number: "73 (low income)" is 73, "Poland (32)" is no number.
    var m = String(s).replace(/\u00a0/g, ' ').trim().match(/^-?\d+(?:[.,]\d+)?/);
    return m ? parseFloat(m[0].replace(',', '.')) : NaN;
  }
  function isNumber(s) { return s !== '' && !isNaN(Number(s)); }
  function fmt(v) { return (Math.round(v * 100) / 100).toLocaleString(nl ? 'nl-NL' : 'en-GB'); }
  /* Axis ticks at round steps (1, 2 or 5 × 10^k), about five of them, the last at or above the largest value. */
  function ticksFor(v, integers) {
    if (!(v > 0)) v = 1;
    var raw = v / 5, p = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * p; }).filter(function (s) { return s >= raw; })[0];
    if (integers) step = Math.max(1, Math.round(step));
    var out = [];
    for (var t = 0; t < v + step; t += step) out.push(t);
    return out;
  }
  /* Shortens a text element (already in the page) until it fits maxWidth pixels; the full text stays in its title. */
  function fit(text) {
    var max = Number(text.getAttribute('data-max'));
    var full = text.textContent;
    if (!max || !text.getComputedTextLength || text.getComputedTextLength() <= max) return;
    var lo = 1, hi = full.length;
    while (lo < hi) {
      var mid = Math.ceil((lo + hi) / 2);
      text.textContent = full.slice(0, mid) + '…';
      if (text.getComputedTextLength() <= max) lo = mid; else hi = mid - 1;
    }
    text.textContent = full.slice(0, lo) + '…';
    text.appendChild(el('title', {}, full));
  }

  /* The widest of these texts as the chart's CSS draws them (the figure must be shown). */
  function measure(texts) {
    var probe = svgFor(10, 10);
    probe.style.position = 'absolute';
    probe.style.visibility = 'hidden';
    figure.appendChild(probe);
    var widest = 0;
    texts.forEach(function (t) {
      var text = probe.appendChild(el('text', {}, t));
      widest = Math.max(widest, text.getComputedTextLength ? text.getComputedTextLength() : t.length * 7);
    });
    figure.removeChild(probe);
    return widest;
  }

  function svgFor(width, height) {
    return el('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height,
      role: 'img', 'aria-labelledby': 'chart-caption', preserveAspectRatio: 'xMinYMin meet' });
  }

  function legend(entries, colours) {
    var ul = document.createElement('ul');
    ul.className = 'legend';
    entries.forEach(function (entry, i) {
      var li = document.createElement('li');
      var sw = document.createElement('span');
      sw.style.background = colours ? colours[i] : COLORS[i % COLORS.length];
      sw.setAttribute('aria-hidden', 'true');
      li.appendChild(sw);
      li.appendChild(document.createTextNode(entry));
      ul.appendChild(li);
    });
    return ul;
  }

  /* Horizontal bars: one row per category, one or more segments per row (stacked) or sub-bars (grouped). */
  function bars(width, categories, series, mode, colours) {
    var colour = function (s) { return colours ? colours[s] : COLORS[s % COLORS.length]; };
    // Room for the longest label, at most 42% of the width; fit() shortens what still does not fit.
    var labelW = Math.min(Math.round(width * 0.42), measure(categories.map(function (c) { return c.label; })) + 14);
    var perRow = mode === 'grouped' ? series.length : 1;
    var barH = 18, gap = 10, top = 6, axisH = 24;
    var rowH = perRow * barH + gap;
    var height = top + categories.length * rowH + axisH;
    var all = [];
    categories.forEach(function (c) {
      all.push(mode === 'stacked' ? c.values.reduce(function (a, b) { return a + (b || 0); }, 0)
        : Math.max.apply(null, c.values.map(function (v) { return v || 0; })));
    });
    var integers = categories.every(function (c) { return c.values.every(function (v) { return !v || v === Math.round(v); }); });
    var ticks = ticksFor(Math.max.apply(null, all), integers);
    var max = ticks[ticks.length - 1];
    var plotW = width - labelW - 56;
    var x = function (v) { return labelW + (v / max) * plotW; };
    var svg = svgFor(width, height);
    ticks.forEach(function (v, t) {
      var xx = x(v);
      svg.appendChild(el('line', { x1: xx, x2: xx, y1: top, y2: height - axisH + 4, 'class': t ? 'grid' : 'axis' }));
      svg.appendChild(el('text', { x: xx, y: height - 6, 'text-anchor': 'middle', 'class': 'muted' }, fmt(v)));
    });
    categories.forEach(function (c, i) {
      var y0 = top + i * rowH + gap / 2;
      svg.appendChild(el('text', { x: labelW - 8, y: y0 + (perRow * barH) / 2 + 4, 'text-anchor': 'end',
        'data-max': labelW - 12 }, c.label));
      var acc = 0;
      c.values.forEach(function (v, s) {
        if (!v) return;
        var rect;
        if (mode === 'grouped') {
          rect = el('rect', { x: labelW, y: y0 + s * barH, width: Math.max(1, x(v) - labelW), height: barH - 3,
            fill: colour(s) });
          svg.appendChild(el('text', { x: x(v) + 4, y: y0 + s * barH + barH - 7, 'class': 'muted' }, fmt(v)));
        } else {
          rect = el('rect', { x: x(acc), y: y0, width: Math.max(1, x(acc + v) - x(acc)), height: barH,
            fill: colour(mode === 'stacked' ? s : 0) });
          acc += v;
        }
        svg.appendChild(titled(rect, c.label + (series[s] ? ' — ' + series[s] : '') + ': ' + fmt(v)));
      });
      if (mode !== 'grouped') svg.appendChild(el('text', { x: x(acc) + 5, y: y0 + barH - 4, 'class': 'muted' }, fmt(acc)));
    });
    return svg;
  }

  /* bar: per chart_x, the sum of a numeric chart_y, or the number of distinct chart_y values (rows if none). */
  function bar(width) {
    var xi = col(spec.x), yi = col(spec.y);
    if (xi < 0) return null;
    var numeric = yi >= 0 && spec.rows.every(function (r) { return r[yi] === '' || isNumber(r[yi]); });
    var groups = new Map();
    spec.rows.forEach(function (r, n) {
      var key = r[xi] || (nl ? '(onbekend)' : '(unknown)');
      if (!groups.has(key)) groups.set(key, numeric ? 0 : new Set());
      if (numeric) groups.set(key, groups.get(key) + (Number(r[yi]) || 0));
      else groups.get(key).add(yi >= 0 ? r[yi] : n);
    });
    var categories = Array.from(groups, function (e) {
      return { label: e[0], values: [numeric ? e[1] : e[1].size] };
    }).sort(function (a, b) { return b.values[0] - a.values[0] || a.label.localeCompare(b.label); });
    caption(name(spec.y) + (numeric ? (nl ? ' per ' : ' by ') : (nl ? ' — aantal per ' : ' — count by ')) + name(spec.x).toLowerCase());
    return [bars(width, categories, [], 'bar')];
  }

  /* stacked: per chart_x, the number of rows for each value of chart_y (e.g. status per theme). */
  function stacked(width) {
    var xi = col(spec.x), yi = col(spec.y);
    if (xi < 0 || yi < 0) return null;
    var series = [], groups = new Map();
    spec.rows.forEach(function (r) {
      var s = r[yi] || NONE;
      if (series.indexOf(s) < 0) series.push(s);
      var key = r[xi] || (nl ? '(onbekend)' : '(unknown)');
      if (!groups.has(key)) groups.set(key, new Map());
      var m = groups.get(key);
      m.set(s, (m.get(s) || 0) + 1);
    });
    // Rows without a value come last, in grey: they are the gaps, not one more kind.
    var none = series.indexOf(NONE);
    if (none >= 0) series.push(series.splice(none, 1)[0]);
    var categories = Array.from(groups, function (e) {
      return { label: e[0], values: series.map(function (s) { return e[1].get(s) || 0; }) };
    }).sort(function (a, b) { return a.label.localeCompare(b.label); });
    var colours = series.map(function (s, i) { return s === NONE ? GREY : COLORS[i % COLORS.length]; });
    caption(name(spec.y) + (nl ? ' per ' : ' by ') + name(spec.x).toLowerCase() + (nl ? ' (aantal rijen)' : ' (number of rows)'));
    return [bars(width, categories, series, 'stacked', colours), legend(series, colours)];
  }

  /* grouped: per chart_x, one bar for each numeric column named in chart_y (e.g. the two groups of Table 1). */
  function grouped(width) {
    var xi = col(spec.x);
    var ys = spec.y.split(/[\s,]+/).filter(function (c) { return col(c) >= 0; });
    if (xi < 0 || !ys.length) return null;
    var ui = col('unit');
    var categories = spec.rows.map(function (r) {
      return { label: r[xi], unit: ui >= 0 ? r[ui] : '', values: ys.map(function (c) { return toNumber(r[col(c)]); }) };
    }).filter(function (c) { return c.values.some(function (v) { return !isNaN(v); }); });
    // Bars side by side only compare like with like: keep the rows in the most common unit.
    var units = new Map();
    categories.forEach(function (c) { units.set(c.unit, (units.get(c.unit) || 0) + 1); });
    var unit = Array.from(units).sort(function (a, b) { return b[1] - a[1]; })[0];
    categories = categories.filter(function (c) { return !unit || c.unit === unit[0]; });
    if (!categories.length) return null;
    categories.forEach(function (c) { c.values = c.values.map(function (v) { return isNaN(v) ? 0 : v; }); });
    var names = ys.map(name);
    caption(names.join(nl ? ' en ' : ' and ') + (nl ? ' per ' : ' by ') + name(spec.x).toLowerCase()
      + (unit && unit[0] ? ' (' + unit[0] + ')' : ''));
    return [bars(width, categories, names, 'grouped'), legend(names)];
  }

  /* timeline: one row per dated event, placed on a time axis; the label sits on the side with room. */
  function timeline(width) {
    var xi = col(spec.x), yi = col(spec.y);
    if (xi < 0 || yi < 0) return null;
    var colourCol = ['kindLabel', 'statusLabel'].filter(function (c) { return c !== spec.y && col(c) >= 0; })[0];
    var ci = colourCol ? col(colourCol) : -1;
    var kinds = [], seen = new Set();
    var events = spec.rows.map(function (r) {
      var d = String(r[xi] || '').slice(0, 10);
      var iso = /^\d{4}$/.test(d) ? d + '-01-01' : /^\d{4}-\d{2}$/.test(d) ? d + '-01' : d;
      var t = Date.parse(iso);
      var kind = ci >= 0 ? r[ci] : '';
      return { t: t, date: d, label: r[yi] || '', kind: kind };
    }).filter(function (e) {
      var key = e.date + '|' + e.label;
      if (isNaN(e.t) || seen.has(key)) return false;
      seen.add(key);
      return true;
    }).sort(function (a, b) { return a.t - b.t; });
    if (!events.length) return null;
    events.forEach(function (e) { if (ci >= 0 && kinds.indexOf(e.kind) < 0) kinds.push(e.kind); });
    var min = events[0].t, max = events[events.length - 1].t;
    var year = 365.25 * 24 * 3600 * 1000;
    if (max - min < year) { min -= year / 2; max += year / 2; }
    var pad = (max - min) * 0.03;
    min -= pad; max += pad;
    var left = 12, right = width - 12, top = 30, rowH = 22;
    var height = top + events.length * rowH + 8;
    var x = function (t) { return left + (t - min) / (max - min) * (right - left); };
    var svg = svgFor(width, height);
    var y0 = new Date(min).getUTCFullYear() + 1, y1 = new Date(max).getUTCFullYear();
    var step = Math.max(1, Math.ceil((y1 - y0 + 1) / Math.max(2, Math.floor(width / 90))));
    for (var y = y0; y <= y1; y += step) {
      var xx = x(Date.UTC(y, 0, 1));
      svg.appendChild(el('line', { x1: xx, x2: xx, y1: top - 8, y2: height, 'class': 'grid' }));
      svg.appendChild(el('text', { x: xx, y: 14, 'text-anchor': 'middle', 'class': 'muted' }, String(y)));
    }
    svg.appendChild(el('line', { x1: left, x2: right, y1: top - 8, y2: top - 8, 'class': 'axis' }));
    events.forEach(function (e, i) {
      var cx = x(e.t), cy = top + i * rowH + rowH / 2;
      var colour = COLORS[(ci >= 0 ? kinds.indexOf(e.kind) : 0) % COLORS.length];
      svg.appendChild(titled(el('circle', { cx: cx, cy: cy, r: 5, fill: colour }), e.date + ' — ' + e.label));
      var onRight = cx < width * 0.55;
      var room = onRight ? right - cx - 10 : cx - left - 10;
      svg.appendChild(el('text', { x: onRight ? cx + 9 : cx - 9, y: cy + 4, 'text-anchor': onRight ? 'start' : 'end',
        'data-max': room }, e.date + '  ' + e.label));
    });
    caption(name(spec.y) + (nl ? ' in de tijd' : ' over time'));
    return ci >= 0 && kinds.length > 1 ? [svg, legend(kinds)] : [svg];
  }

  function caption(text) { document.getElementById('chart-caption').textContent = text; }

  var kinds = { bar: bar, stacked: stacked, grouped: grouped, timeline: timeline };
  function draw() {
    var make = kinds[spec.chart];
    if (!make) return;
    var width = Math.max(300, Math.min(1000, figure.clientWidth || figure.parentNode.clientWidth) - 20);
    figure.hidden = false;
    var parts = make(width);
    Array.prototype.slice.call(figure.children).forEach(function (c) { if (c.id !== 'chart-caption') figure.removeChild(c); });
    if (!parts) { figure.hidden = true; return; }
    parts.forEach(function (p) { figure.appendChild(p); });
    figure.querySelectorAll('text[data-max]').forEach(fit);
  }
  draw();
  // Redraw at the new width (a phone turned sideways), at most a few times a second.
  var timer = null, lastWidth = figure.clientWidth;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (figure.clientWidth !== lastWidth) { lastWidth = figure.clientWidth; draw(); }
    }, 200);
  });
})();
