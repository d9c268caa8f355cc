/* Starts the page: reads its JSON, makes the tables sortable, draws the charts and the cells browser, and wires
   the size filter and the #cells links. Sets data-ready on the root element once everything is drawn, and pb.readyAt to when (ms since navigation). */
(function (pb) {
  'use strict';

  const content = JSON.parse(document.getElementById('report-content').textContent);
  const hidden = new Set();

  function applySizeFilter() {
    pb.filterRows(document, hidden);
    pb.filterCharts(content, hidden);
    pb.filterCellList();
  }

  function sizeFilter() {
    const holder = document.getElementById('size-filter');
    holder.append('Sizes: ');
    for (const size of content.sizes) {
      const box = pb.el('input', {type: 'checkbox', checked: true, value: size, 'data-size': size});
      box.addEventListener('change', () => {
        if (box.checked) hidden.delete(size); else hidden.add(size);
        applySizeFilter();
      });
      holder.append(pb.el('label', {}, [box, ' ' + size]), ' ');
    }
  }

  function route() {
    pb.openCells(location.hash);
  }

  sizeFilter();
  document.querySelectorAll('table.sortable').forEach(pb.enhanceTable);
  pb.drawCharts(content, hidden);
  pb.cellBrowser(content, hidden);
  window.addEventListener('hashchange', route);
  document.addEventListener('click', event => {
    const link = event.target.closest('a[href^="#cells/"]');
    if (link && link.getAttribute('href') === location.hash) pb.openCells(location.hash);
  });
  window.addEventListener('resize', pb.resizeCharts);
  route();
  pb.content = content;
  pb.hiddenSizes = hidden;
  pb.readyAt = performance.now();
  document.documentElement.setAttribute('data-ready', 'true');
})(window.provbench);
