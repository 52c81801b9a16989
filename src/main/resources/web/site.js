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

  // Gallery: narrow the question cards as the reader types.
  var galleryFilter = doc.getElementById('gallery-filter');
  if (galleryFilter) {
    galleryFilter.addEventListener('input', function () {
      var words = galleryFilter.value.toLowerCase().split(/\s+/).filter(Boolean);
      doc.querySelectorAll('.card').forEach(function (card) {
        var text = card.textContent.toLowerCase();
        card.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
      doc.querySelectorAll('section.theme').forEach(function (s) {
        s.hidden = !s.querySelector('.card:not([hidden])');
      });
    });
  }

  // Sorting: each column heading becomes a button; numbers and dates sort as such, text in the page's language.
  var collator = new Intl.Collator(nl ? 'nl' : 'en', { numeric: true, sensitivity: 'base' });
  function sortKey(cell) { return cell ? cell.textContent.trim() : ''; }
  function compare(a, b) {
    if (a === b) return 0;
    if (a === '') return 1;
    if (b === '') return -1;
    var na = Number(a.replace(',', '.')), nb = Number(b.replace(',', '.'));
    if (!isNaN(na) && !isNaN(nb)) return na - nb;
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
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var c = compare(sortKey(r1.cells[col]), sortKey(r2.cells[col]));
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
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
  // Without a configured public address the server writes the path only; this page knows where it was opened.
  if (link && link.value.charAt(0) === '/') link.value = location.origin + link.value;
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
