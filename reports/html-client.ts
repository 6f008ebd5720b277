/**
 * The only script of report.html besides the inlined libraries: it embeds every chart with
 * vega-embed (tooltips on, export only: the "open in editor" action would send the data to a web
 * site) and makes the tables sortable. Plain ES2020, no dependencies.
 *
 * A chart container is `<div class="chart" data-chart="i">`, its spec is specs[i] in the JSON of
 * `<script id="chart-specs" type="application/json">`. After embedding, a container gets
 * data-rendered="true" (or "error"), which the browser test waits for.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  var options = {
    renderer: 'svg',
    tooltip: true,
    actions: { export: true, source: false, compiled: false, editor: false },
  };
  document.querySelectorAll('.chart').forEach(function (el) {
    var spec = specs[Number(el.getAttribute('data-chart'))];
    vegaEmbed(el, spec, options).then(
      function () { el.setAttribute('data-rendered', 'true'); },
      function (error) {
        el.setAttribute('data-rendered', 'error');
        el.textContent = 'This chart could not be drawn: ' + error.message;
        console.error(error);
      }
    );
  });

  // Sorting: numeric columns sort by data-sort (the raw value), text columns by their text.
  function key(cell, numeric) {
    var raw = cell.getAttribute('data-sort');
    if (numeric) return raw === null || raw === '' ? Number.POSITIVE_INFINITY : Number(raw);
    return raw !== null ? raw : cell.textContent;
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, column) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        var numeric = th.getAttribute('data-type') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[column], numeric);
          var y = key(b.cells[column], numeric);
          var order = numeric ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
`;
