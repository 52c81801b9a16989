/* Arbeidsmigratie KG, every page: remembers the language, sorts and filters tables, copies links.
   The pages work without this file; it only adds to them. Plain ES2017, no libraries. */
(function () {
  'use strict';
  var doc = document;
  var nl = doc.documentElement.lang !== 'en';
  doc.documentElement.classList.add('js');

  // The language switch: remember the choice for a year, so pages opened without ?lang= follow it.
  doc.querySelectorAll('a[data-lang]').forEach(function (a) {
    a.addEventListener('click', function () {
      doc.cookie = 'lang=' + a.dataset.lang + '; path=/; max-age=31536000; samesite=lax';
    });
  });

  // Home search: while the reader types, narrow the question cards and show what the graph holds by that name
  // (/search, the same index as the form's own results page, which works without this script).
  var search = doc.getElementById('search-q');
  var live = doc.getElementById('search-live');
  if (search && live) {
    var timer = null, asked = '';
    var filterCards = function (value) {
      var words = value.toLowerCase().split(/\s+/).filter(Boolean);
      doc.querySelectorAll('.card').forEach(function (card) {
        var text = card.textContent.toLowerCase();
        card.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
      doc.querySelectorAll('section.theme').forEach(function (s) {
        s.hidden = !s.querySelector('.card:not([hidden])');
      });
    };
    var show = function (q, results) {
      if (q !== search.value.trim()) return; // an older answer
      var old = doc.getElementById('search-results');
      if (old) old.remove();
      live.textContent = '';
      if (!q) return;
      var h = doc.createElement('h2');
      h.textContent = (nl ? 'Gevonden voor ‘' : 'Found for ‘') + q + '’';
      live.appendChild(h);
      if (!results.length) {
        var p = doc.createElement('p');
        p.className = 'empty';
        p.textContent = nl ? 'Niets gevonden. Probeer een kortere naam of een afkorting (zoals ‘NLA’), of kies hieronder een vraag.'
          : 'Nothing found. Try a shorter name or an abbreviation (such as ‘NLA’), or pick a question below.';
        live.appendChild(p);
        return;
      }
      var ol = doc.createElement('ol');
      ol.className = 'hits';
      results.forEach(function (r) {
        var li = doc.createElement('li');
        var a = doc.createElement('a');
        a.href = r.href;
        a.textContent = r.label;
        li.appendChild(a);
        var k = doc.createElement('span');
        k.className = 'kind';
        k.textContent = ' ' + r.kind;
        li.appendChild(doc.createTextNode(' '));
        li.appendChild(k);
        if (r.matched) {
          var m = doc.createElement('span');
          m.className = 'matched';
          m.textContent = ' (' + (nl ? 'ook: ' : 'also: ') + r.matched + ')';
          li.appendChild(m);
        }
        ol.appendChild(li);
      });
      live.appendChild(ol);
    };
    search.addEventListener('input', function () {
      var q = search.value.trim();
      filterCards(q);
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (q === asked) return;
        asked = q;
        if (!q) { show('', []); return; }
        fetch('/search?lang=' + (nl ? 'nl' : 'en') + '&q=' + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (results) { show(q, results); }, function () { /* the form still works */ });
      }, 150);
    });
  }

  // Sorting: each column heading becomes a button. A cell sorts by its data-sort key where it has one (the ISO
  // date, the plain number), else by its words in the page's language. Empty cells ("geen": no measure, no status)
  // are the smallest value: first ascending, last descending, so "nothing yet" can be brought to the top.
  var collator = new Intl.Collator(nl ? 'nl' : 'en', { numeric: true, sensitivity: 'base' });
  function sortKey(cell) {
    if (!cell) return '';
    var k = cell.getAttribute('data-sort');
    return k !== null ? k : cell.textContent.trim();
  }
  function compare(a, b) {
    var na = Number(a), nb = Number(b);
    if (a !== '' && b !== '' && !isNaN(na) && !isNaN(nb)) return na - nb;
    return collator.compare(a, b);
  }
  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      if (th.querySelector('button')) return;
      var button = doc.createElement('button');
      button.type = 'button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        sortBy(table, col, th.getAttribute('aria-sort') !== 'ascending');
      });
    });
    cardSorter(table);
  }
  function sortBy(table, col, ascending) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
    heads[col].setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var a = sortKey(r1.cells[col]), b = sortKey(r2.cells[col]);
      if (a === b) return 0;
      var c = a === '' ? -1 : b === '' ? 1 : compare(a, b);
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    var select = doc.getElementById('card-sort-col');
    if (select && select.dataset.table === table.id) {
      select.value = String(col);
      doc.getElementById('card-sort-dir').value = ascending ? 'asc' : 'desc';
    }
  }
  /* On a phone the headings are hidden (each row is a card): the same sorting as a choice of column and direction
     above the cards. */
  function cardSorter(table) {
    if (!table.id || !table.classList.contains('answer') || doc.getElementById('card-sort-col')) return;
    var heads = table.tHead.rows[0].cells;
    var p = doc.createElement('p');
    p.className = 'card-sort';
    var label = doc.createElement('label');
    label.htmlFor = 'card-sort-col';
    label.textContent = nl ? 'Sorteer op' : 'Sort by';
    var select = doc.createElement('select');
    select.id = 'card-sort-col';
    select.dataset.table = table.id;
    var none = doc.createElement('option');
    none.value = '';
    none.textContent = nl ? '— volgorde van het antwoord —' : '— order of the answer —';
    select.appendChild(none);
    Array.prototype.forEach.call(heads, function (th, i) {
      var o = doc.createElement('option');
      o.value = String(i);
      o.textContent = th.textContent.trim();
      select.appendChild(o);
    });
    var dir = doc.createElement('select');
    dir.id = 'card-sort-dir';
    dir.setAttribute('aria-label', nl ? 'Richting' : 'Direction');
    [['asc', nl ? 'oplopend (geen eerst)' : 'ascending (none first)'], ['desc', nl ? 'aflopend (geen laatst)' : 'descending (none last)']]
      .forEach(function (d) {
        var o = doc.createElement('option');
        o.value = d[0];
        o.textContent = d[1];
        dir.appendChild(o);
      });
    var apply = function () { if (select.value !== '') sortBy(table, Number(select.value), dir.value === 'asc'); };
    select.addEventListener('change', apply);
    dir.addEventListener('change', apply);
    p.appendChild(label);
    p.appendChild(select);
    p.appendChild(dir);
    var wrap = table.closest('.table-wrap') || table;
    wrap.parentNode.insertBefore(p, wrap);
  }
  doc.querySelectorAll('table.sortable').forEach(makeSortable);
  window.kgSortable = makeSortable;

  // Filtering: hide the rows that do not contain every typed word; say how many are left.
  doc.querySelectorAll('input[data-table]').forEach(function (input) {
    var table = doc.getElementById(input.dataset.table);
    var count = doc.getElementById('row-count');
    var total = table.tBodies[0].rows.length;
    var original = count ? count.textContent : '';
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        var text = r.textContent.toLowerCase();
        r.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
        if (!r.hidden) shown++;
      });
      if (count) count.textContent = words.length ? shown + (nl ? ' van ' : ' of ') + total + (nl ? ' rijen' : ' rows') : original;
    });
  });

  // The parameter form: leave empty choices out of the link, so permalinks stay short and stable.
  doc.querySelectorAll('form.params').forEach(function (form) {
    form.addEventListener('submit', function () {
      form.querySelectorAll('select, input').forEach(function (el) {
        if (el.name && el.value === '') el.disabled = true;
      });
    });
  });
  // Coming back with the Back button restores the page as it was left: enable the fields again.
  window.addEventListener('pageshow', function () {
    doc.querySelectorAll('form.params [disabled]').forEach(function (el) { el.disabled = false; });
  });

  // Copy link: the clipboard API where the page is allowed to use it, else select the text for Ctrl+C.
  var copy = doc.getElementById('copy-link');
  var link = doc.getElementById('permalink');
  // Without a configured public address the server writes paths only (never the request's Host header); this
  // page knows where it was opened, so it completes the permalink, the citation and the citation files.
  var share = doc.querySelector('section.share[data-relative]');
  if (share) {
    var rel = share.getAttribute('data-relative');
    var abs = location.origin + rel;
    if (link && link.value === rel) link.value = abs;
    ['citation', 'cite-bibtex', 'cite-csljson'].forEach(function (id) {
      var e = doc.getElementById(id);
      if (e) e.textContent = e.textContent.split(rel).join(abs);
    });
    [['cite-bib', 'cite-bibtex', 'application/x-bibtex'], ['cite-csl', 'cite-csljson', 'application/vnd.citationstyles.csl+json']]
      .forEach(function (d) {
        var a = doc.getElementById(d[0]), pre = doc.getElementById(d[1]);
        if (a && pre) a.href = URL.createObjectURL(new Blob([pre.textContent], { type: d[2] + ';charset=utf-8' }));
      });
  }
  if (copy && link) {
    var status = doc.getElementById('copy-status');
    var say = function (text) { if (status) status.textContent = text; };
    var fallback = function () {
      link.focus();
      link.select();
      var ok = false;
      try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
      say(ok ? (nl ? 'Gekopieerd.' : 'Copied.') : (nl ? 'Geselecteerd: druk Ctrl+C.' : 'Selected: press Ctrl+C.'));
    };
    copy.addEventListener('click', function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(link.value).then(function () {
          say(nl ? 'Gekopieerd.' : 'Copied.');
        }, fallback);
      } else {
        fallback();
      }
    });
  }
})();
