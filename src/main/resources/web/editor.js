/* Arbeidsmigratie KG, /sparql: CodeMirror highlighting, examples, running in place, results table,
   CSV download and a link that reproduces the query. Without this file the form still posts to /kg/sparql. */
(function () {
  'use strict';
  var doc = document;
  var form = doc.getElementById('editor-form');
  var textarea = doc.getElementById('query');
  if (!form || !textarea) return;
  var words = JSON.parse(doc.getElementById('messages').textContent);
  var examples = JSON.parse(doc.getElementById('examples').textContent);
  var status = doc.getElementById('status');
  var output = doc.getElementById('output');
  var link = doc.getElementById('query-link');
  var lang = doc.documentElement.lang;
  var ENDPOINT = '/kg/sparql';

  var run = function () {};
  var editor = window.CodeMirror ? window.CodeMirror.fromTextArea(textarea, {
    mode: 'application/sparql-query',
    lineNumbers: true,
    matchBrackets: true,
    indentUnit: 2,
    // Tab moves focus out of the editor as everywhere else on the page; Ctrl/Cmd+Enter runs.
    extraKeys: { 'Ctrl-Enter': function () { run(); }, 'Cmd-Enter': function () { run(); }, Tab: false, 'Shift-Tab': false },
    screenReaderLabel: textarea.labels && textarea.labels[0] ? textarea.labels[0].textContent : 'SPARQL'
  }) : null;
  var text = function () { return editor ? editor.getValue() : textarea.value; };
  var setText = function (q) { if (editor) editor.setValue(q); else textarea.value = q; };
  if (editor) {
    // In the starting query the prefixes fill the first screen: begin where the query itself is.
    if (textarea.dataset.cursor === 'end') editor.setCursor(editor.lineCount(), 0);
    // The label points at the hidden textarea; let it focus the editor instead.
    var label = doc.querySelector('label[for="query"]');
    if (label) label.addEventListener('click', function () { editor.focus(); });
  }

  var permalink = function () { return '/sparql?query=' + encodeURIComponent(text()) + '&lang=' + lang; };
  var updateLink = function () {
    link.href = permalink();
    history.replaceState(null, '', permalink());
  };

  doc.getElementById('example').addEventListener('change', function (e) {
    var found = examples.filter(function (x) { return x.id === e.target.value; })[0];
    if (found) { setText(found.query); updateLink(); }
  });

  var post = function (accept) {
    return fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept },
      body: new URLSearchParams({ query: text() })
    });
  };

  var say = function (message, isError) {
    status.textContent = message;
    status.className = isError ? 'error' : '';
  };

  // Our own IRIs open as pages on this server; others stay as they are.
  var base = words.base;
  var href = function (iri) {
    if (base && iri.indexOf(base + 'id/') === 0) return '/id/' + iri.slice(base.length + 3) + '?lang=' + lang;
    if (base && iri.indexOf(base + 'def#') === 0) return '/def#' + iri.slice(base.length + 4);
    return iri;
  };

  // IRIs read as prefixed names (am:Problem), the way the query itself writes them.
  var namespaces = Object.keys(words.prefixes || {}).map(function (p) { return [p, words.prefixes[p]]; })
    .sort(function (a, b) { return b[1].length - a[1].length; });
  var shortIri = function (iri) {
    for (var i = 0; i < namespaces.length; i++) {
      var ns = namespaces[i][1];
      if (iri.indexOf(ns) === 0 && /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(iri.slice(ns.length))) return namespaces[i][0] + ':' + iri.slice(ns.length);
    }
    return iri;
  };

  var table = function (json) {
    var vars = json.head.vars;
    var t = doc.createElement('table');
    t.className = 'data sortable';
    t.id = 'editor-table';
    var head = t.createTHead().insertRow();
    vars.forEach(function (v) {
      var th = doc.createElement('th');
      th.scope = 'col';
      th.textContent = v;
      head.appendChild(th);
    });
    var body = t.createTBody();
    json.results.bindings.forEach(function (b) {
      var tr = body.insertRow();
      vars.forEach(function (v) {
        var td = tr.insertCell();
        var cell = b[v];
        if (!cell) return;
        if (cell.type === 'uri') {
          var a = doc.createElement('a');
          a.href = href(cell.value);
          a.textContent = shortIri(cell.value);
          a.title = cell.value;
          td.appendChild(a);
        } else {
          td.textContent = cell.value;
          if (cell.value.length > 60) td.className = 'long';
          if (cell['xml:lang']) {
            td.lang = cell['xml:lang'];
            var small = doc.createElement('small');
            small.textContent = ' @' + cell['xml:lang'];
            td.appendChild(small);
          }
        }
      });
    });
    return t;
  };

  run = function () {
    var started = performance.now();
    say(words.running, false);
    updateLink();
    post('application/sparql-results+json, text/turtle;q=0.9').then(function (res) {
      return res.text().then(function (body) { return { res: res, body: body }; });
    }).then(function (r) {
      var ms = Math.round(performance.now() - started);
      output.textContent = '';
      if (!r.res.ok) {
        say(words.error + ' ' + r.res.status + ': ' + r.body.trim(), true);
        return;
      }
      var type = r.res.headers.get('Content-Type') || '';
      if (type.indexOf('json') >= 0) {
        var json = JSON.parse(r.body);
        if (typeof json.boolean === 'boolean') {
          say((json.boolean ? words.yes : words.no) + ' · ' + ms + ' ' + words.ms, false);
          return;
        }
        var n = json.results.bindings.length;
        output.appendChild(table(json));
        if (window.kgSortable) window.kgSortable(doc.getElementById('editor-table'));
        var cap = r.res.headers.get('X-SPARQL-MaxRows');
        say(n + ' ' + (n === 1 ? words.row : words.rows) + (cap ? ' (' + words.cut + ' ' + cap + ')' : '') + ' · ' + ms + ' ' + words.ms, false);
      } else {
        var pre = doc.createElement('pre');
        pre.textContent = r.body;
        output.appendChild(pre);
        say(words.triples + ' · ' + ms + ' ' + words.ms, false);
      }
    }).catch(function (e) { say(words.error + ': ' + e.message, true); });
  };

  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });

  doc.getElementById('download').addEventListener('click', function () {
    post('text/csv').then(function (res) {
      if (!res.ok) return res.text().then(function (t) { throw new Error(res.status + ': ' + t.trim()); });
      return res.blob();
    }).then(function (blob) {
      var a = doc.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'query.csv';
      doc.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }).catch(function (e) { say(words.error + ' ' + e.message, true); });
  });
})();
