/* Sortable tables: a click on a header sorts the body's rows by that column, numbers (data-v) as numbers and
   empty values last; a second click reverses. Sticky first columns keep a row's experiment in view while the
   table scrolls sideways. */
(function (pb) {
  'use strict';

  /** The leading columns kept in view: those naming the experiment. */
  const KEY_COLUMNS = ['size', 'provider', 'run', 'case', 'trial'];

  function sortValue(cell, numeric) {
    if (!numeric) return cell.textContent;
    const v = cell.getAttribute('data-v');
    return v === null || v === '' ? null : Number(v);
  }

  function compare(a, b, numeric) {
    if (a === null && b === null) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return numeric ? a - b : a.localeCompare(b, 'en', {numeric: true});
  }

  /** Sorts {@code table} by column {@code index}; ascending unless it already is. */
  pb.sortTable = function (table, index) {
    const headers = table.tHead.rows[0].cells;
    const th = headers[index];
    const numeric = th.hasAttribute('data-numeric');
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    for (const h of headers) h.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const body = table.tBodies[0];
    const rows = Array.from(body.rows).map((row, position) => ({row, position, key: sortValue(row.cells[index], numeric)}));
    rows.sort((a, b) => {
      if (a.key === null || b.key === null) return compare(a.key, b.key, numeric) || a.position - b.position;
      return (ascending ? 1 : -1) * compare(a.key, b.key, numeric) || a.position - b.position;
    });
    for (const r of rows) body.append(r.row);
  };

  /** Makes a table's headers sort it and pins its key columns. */
  pb.enhanceTable = function (table) {
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach((th, index) => {
      th.classList.add('sortable');
      th.title = 'sort by ' + th.textContent;
      th.addEventListener('click', () => pb.sortTable(table, index));
    });
    headers.forEach((th, index) => {
      if (th.textContent !== 'model') return;
      for (const row of table.tBodies[0].rows) {
        row.cells[index].classList.add('model');
        row.cells[index].title = row.cells[index].textContent;
      }
    });
    pinKeyColumns(table, headers);
  };

  function pinKeyColumns(table, headers) {
    let pinned = 0;
    while (pinned < headers.length && pinned < 3 && KEY_COLUMNS.includes(headers[pinned].textContent)) pinned++;
    if (pinned === 0 && headers.length > 6) pinned = 1;
    let left = 0;
    for (let i = 0; i < pinned; i++) {
      const width = headers[i].getBoundingClientRect().width;
      for (const row of table.rows) {
        const cell = row.cells[i];
        if (!cell) continue;
        cell.classList.add('sticky');
        cell.style.left = left + 'px';
      }
      left += width;
    }
  }

  /** Hides the rows of every filterable table whose size is hidden. */
  pb.filterRows = function (root, hiddenSizes) {
    for (const row of root.querySelectorAll('tr[data-size]')) {
      row.classList.toggle('hidden', hiddenSizes.has(row.getAttribute('data-size')));
    }
  };
})(window.provbench);
