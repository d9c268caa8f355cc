/* The drill-down: per experiment of a run, its sampled cells by kind (slowest, lowest-scored, failed, disagreeing
   trials), opened by a link #cells/RUN/EXPERIMENT/KIND (RUN 0 is the page's run, 1 the compared one). Every value
   from the results is set as text. */
(function (pb) {
  'use strict';

  const KINDS = [
    {key: 'slowest', label: 'Slowest', of: 'answered cells', order: 'slowest duration first'},
    {key: 'lowest', label: 'Lowest-scored', of: 'answered cells', order: 'lowest CorrectScore first, then slowest'},
    {key: 'failed', label: 'Failed', of: 'failed cells', order: 'by case and trial'},
    {key: 'disagreeing', label: 'Disagreeing trials', of: 'cases whose trials disagree', order: 'every trial of each case, by case and trial'}];

  const COLUMNS = [
    ['case', false, c => c.turn ? c.caseId + ' turn ' + c.turn : c.caseId], ['trial', true, c => c.trial], ['status', false, c => c.status],
    ['HTTP', true, c => c.httpStatus], ['attempts', true, c => c.attempts], ['429s', true, c => c.rateLimited],
    ['duration ms', true, c => c.durationMs], ['latency ms', true, c => c.latencyMs], ['TTFT ms', true, c => c.ttftMs],
    ['CorrectScore', true, c => c.correctScore, v => pb.fixed(v, 3)], ['extracted', false, c => c.extracted],
    ['expected', true, c => c.expected], ['response id', false, c => c.responseId]];

  let content = null;
  let hidden = null;

  function experimentOf(run, id) {
    const cells = content.cells[run];
    return cells ? cells.experiments.find(e => e.id === id) : undefined;
  }

  function kindNote(experiment, kind) {
    const k = experiment[kind.key];
    const shown = kind.key === 'disagreeing' ? new Set(k.cells.map(i => experiment.cells[i].caseId)).size : k.cells.length;
    const what = kind.key === 'disagreeing' ? 'cases' : 'cells';
    return 'Showing ' + pb.count(shown) + ' of ' + pb.count(k.of) + ' ' + kind.of + (kind.key === 'disagreeing'
      ? ' (' + pb.count(k.cells.length) + ' cells)' : '') + ', ' + kind.order + '.' + (shown === 0 ? ' None: no ' + what + ' of this kind.' : '');
  }

  function valueCell(value, numeric, format) {
    const text = value === null || value === undefined ? '-' : (format ? format(value) : String(value));
    return pb.el('td', {class: numeric ? 'num' : null, 'data-v': numeric ? (value === null || value === undefined ? '' : value) : null,
      text});
  }

  function cut(text, chars) {
    return text.length > chars ? text.slice(0, chars) + '…' : text;
  }

  /** The response and the rest of a cell's record, folded in one table cell. */
  function detailCell(c) {
    const limit = content.limits.textChars;
    const response = c.response === null ? '(no response)' : c.response;
    const whole = c.responseChars > limit ? ' (first ' + pb.count(limit) + ' of ' + pb.count(c.responseChars) + ' characters)' : '';
    const facts = [
      ['response' + whole, pb.el('div', {class: 'response', text: response})],
      ['reasons', c.reasons], ['error', c.error], ['expected answer', c.expectedText], ['output', c.output],
      ['scores', Object.entries(c.scores || {}).map(([k, v]) => k + ' ' + pb.fixed(v, 3)).join(', ')],
      ['tokens', (c.promptTokens === null ? '-' : pb.count(c.promptTokens)) + ' prompt, '
        + (c.completionTokens === null ? '-' : pb.count(c.completionTokens)) + ' completion'],
      ['started', c.startedAt === null ? '-' : new Date(c.startedAt).toISOString()], ['cell id', c.cellId]];
    const grid = pb.el('div', {class: 'cell-detail'});
    for (const [name, value] of facts) {
      if (value === null || value === undefined || value === '') continue;
      grid.append(pb.el('span', {class: 'basis', text: name}), typeof value === 'object' ? value : pb.el('span', {text: String(value)}));
    }
    return pb.el('td', {class: 'text'}, [pb.el('details', {}, [pb.el('summary', {text: cut(response, 60)}), grid])]);
  }

  function cellTable(experiment, kind) {
    const head = pb.el('tr', {}, COLUMNS.map(([name, numeric]) => pb.el('th', {'data-numeric': numeric ? '1' : null, text: name}))
      .concat([pb.el('th', {text: 'response and details'})]));
    const body = pb.el('tbody');
    for (const i of experiment[kind.key].cells) {
      const c = experiment.cells[i];
      body.append(pb.el('tr', {class: 'cell-row', 'data-cell': c.cellId},
        COLUMNS.map(([, numeric, get, format]) => valueCell(get(c), numeric, format)).concat([detailCell(c)])));
    }
    const table = pb.el('table', {class: 'sortable cells-table'}, [pb.el('thead', {}, [head]), body]);
    return table;
  }

  function panel(run, experiment, kindKey) {
    const kind = KINDS.find(k => k.key === kindKey) || KINDS[0];
    const runId = content.cells[run].runId;
    const tabs = pb.el('div', {class: 'tabs', role: 'tablist'}, KINDS.map(k => pb.el('button', {
      role: 'tab', 'aria-selected': k.key === kind.key ? 'true' : 'false', 'data-kind': k.key,
      text: k.label + ' (' + pb.count(experiment[k.key].cells.length) + ')',
      onclick: () => pb.goToCells('#cells/' + run + '/' + experiment.id + '/' + k.key)})));
    const table = cellTable(experiment, kind);
    const out = pb.el('section', {id: 'cell-panel', 'data-experiment': experiment.id, 'data-run': run, 'data-kind': kind.key}, [
      pb.el('h3', {text: experiment.provider + ' at ' + experiment.size + ' (' + experiment.model + '), run ' + runId}),
      tabs, pb.el('p', {class: 'coverage', text: kindNote(experiment, kind)}),
      pb.el('div', {class: 'table-scroll'}, [table])]);
    return {out, table};
  }

  function experimentList(run) {
    const list = pb.el('ul', {class: 'experiments'});
    for (const e of content.cells[run].experiments) {
      list.append(pb.el('li', {'data-size': e.size}, [
        pb.el('a', {href: '#cells/' + run + '/' + e.id + '/slowest', text: e.provider + ' at ' + e.size}),
        ' ' + pb.count(e.failed.of) + ' failed, ' + pb.count(e.disagreeing.of) + ' cases disagreeing']));
    }
    return list;
  }

  /** Builds the browser: the runs' experiment lists and an empty panel. */
  pb.cellBrowser = function (pageContent, hiddenSizes) {
    content = pageContent;
    hidden = hiddenSizes;
    const root = document.getElementById('cell-browser');
    content.cells.forEach((runCells, run) => {
      if (content.cells.length > 1) {
        root.append(pb.el('h3', {text: (run === 0 ? 'Run A: ' : 'Run B: ') + runCells.runId}));
      }
      root.append(experimentList(run));
    });
    root.append(pb.el('div', {id: 'cell-panel-holder'}));
    pb.filterCellList();
  };

  pb.filterCellList = function () {
    for (const li of document.querySelectorAll('#cell-browser li[data-size]')) {
      li.classList.toggle('hidden', hidden.has(li.getAttribute('data-size')));
    }
  };

  /** Goes to #cells/RUN/EXPERIMENT/KIND, opening it again when it is already the page's fragment. */
  pb.goToCells = function (fragment) {
    if (location.hash === fragment) pb.openCells(fragment);
    else location.hash = fragment;
  };

  /** Opens #cells/RUN/EXPERIMENT/KIND; returns false when the fragment names no such cells. */
  pb.openCells = function (fragment) {
    const m = /^#cells\/(\d+)\/([a-z0-9-]+)\/([a-z]+)$/.exec(fragment);
    if (!m) return false;
    const run = Number(m[1]);
    const experiment = experimentOf(run, m[2]);
    const holder = document.getElementById('cell-panel-holder');
    holder.replaceChildren();
    if (!experiment) {
      holder.append(pb.el('p', {class: 'coverage', text: 'No cells of that experiment in this page.'}));
      return true;
    }
    const {out, table} = panel(run, experiment, m[3]);
    holder.append(out);
    pb.enhanceTable(table);
    out.scrollIntoView();
    return true;
  };
})(window.provbench);
