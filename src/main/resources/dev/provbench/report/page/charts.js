/* The charts, drawn by Apache ECharts from the page's JSON: score vs duration (one point per experiment), then
   latency and accuracy per provider within each size, the same charts as the PNGs beside the page; and, for two
   runs, the change per experiment. Every series is named by its provider, so a legend click hides that provider;
   a hidden size leaves the charts' data. Tooltips build markup, so every value in them goes through pb.text. */
(function (pb) {
  'use strict';

  const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'path://M0,0 L10,0 L5,10 Z'];
  const SYMBOL_SIGNS = ['●', '■', '▲', '◆', '▼'];
  const charts = [];

  function colourOf(content, provider) {
    const p = content.providers.find(x => x.name === provider);
    return p ? p.colour : '#999999';
  }

  function symbolOf(content, size) {
    return SYMBOLS[content.sizes.indexOf(size) % SYMBOLS.length];
  }

  function base(content, title, subtitle) {
    const simulated = content.run.simulated || (content.compared && content.compared.simulated);
    return {
      animation: false,
      title: {text: title, subtext: [subtitle, simulated ? 'Simulated providers: not measurements of real services' : '']
          .filter(Boolean).join('\n'), left: 'center', itemGap: 6, textStyle: {fontSize: 15},
        subtextStyle: {color: '#555', fontSize: 12, lineHeight: 16}},
      tooltip: {trigger: 'item', confine: true},
      legend: {bottom: 0, itemWidth: 14, itemHeight: 10, textStyle: {fontSize: 12}},
      grid: {left: 64, right: 28, top: simulated ? 84 : 66, bottom: 70, containLabel: true}
    };
  }

  /** Draws a vertical (or horizontal) whisker with caps between two data values: an interval. */
  function whisker(horizontal) {
    return function (params, api) {
      const at = api.value(0);
      const low = horizontal ? api.coord([api.value(1), at]) : api.coord([at, api.value(1)]);
      const high = horizontal ? api.coord([api.value(2), at]) : api.coord([at, api.value(2)]);
      const cap = 6;
      const style = {stroke: api.visual('color'), lineWidth: 1.6};
      const capAt = p => horizontal ? {x1: p[0], y1: p[1] - cap, x2: p[0], y2: p[1] + cap}
          : {x1: p[0] - cap, y1: p[1], x2: p[0] + cap, y2: p[1]};
      return {type: 'group', children: [
        {type: 'line', shape: {x1: low[0], y1: low[1], x2: high[0], y2: high[1]}, style},
        {type: 'line', shape: capAt(low), style}, {type: 'line', shape: capAt(high), style}]};
    };
  }

  function experimentTip(e) {
    const failed = e.cells ? (100 * e.failed / e.cells).toFixed(1) : '0.0';
    return '<b>' + pb.text(e.provider) + ' at ' + pb.text(e.size) + '</b><br>' + pb.text(e.model) + '<br>'
      + 'mean duration ' + pb.fixed(e.durationMean, 2) + ' s, p50 ' + pb.fixed(e.p50, 2) + ' s (95% CI '
      + pb.fixed(e.p50Low, 2) + '–' + pb.fixed(e.p50High, 2) + '), answered cells<br>'
      + 'p5–p95 ' + pb.fixed(e.p5, 2) + '–' + pb.fixed(e.p95, 2) + ' s, TTFT p50 ' + pb.fixed(e.ttftP50, 2) + ' s<br>'
      + 'CorrectScore ' + pb.fixed(e.accuracy, 3) + ' (95% CI ' + pb.fixed(e.accuracyLow, 3) + '–'
      + pb.fixed(e.accuracyHigh, 3) + '), failures score 0<br>'
      + pb.count(e.cells) + ' cells, ' + pb.count(e.failed) + ' failed (' + failed + '%)'
      + (e.costPerThousand === null ? '' : ', $' + pb.fixed(e.costPerThousand, 4) + ' per 1k cells')
      + '<br><i>click for its cells</i>';
  }

  function scoreDuration(content, hidden) {
    const shown = content.experiments.filter(e => !hidden.has(e.size) && e.durationMean !== null && e.accuracy !== null);
    const byId = Object.fromEntries(shown.map(e => [e.id, e]));
    const markers = content.sizes.map((s, i) => SYMBOL_SIGNS[i % SYMBOL_SIGNS.length] + ' ' + s).join('  ');
    const option = base(content, 'Score vs duration, one point per experiment', 'marker by size: ' + markers);
    option.tooltip.formatter = p => byId[p.name] ? experimentTip(byId[p.name]) : '';
    option.xAxis = {type: 'value', name: 'mean duration per answered cell, s', nameLocation: 'middle', nameGap: 28,
      boundaryGap: [0, '8%']};
    option.yAxis = {type: 'value', name: 'mean CorrectScore (95% CI)', nameLocation: 'middle', nameGap: 44, scale: true};
    option.toolbox = {feature: {dataZoom: {title: {zoom: 'zoom', back: 'undo zoom'}}, restore: {title: 'reset'}}, right: 8};
    option.series = [];
    for (const p of content.providers) {
      const points = shown.filter(e => e.provider === p.name);
      option.series.push({name: p.name, type: 'scatter', symbolSize: 13, itemStyle: {color: p.colour}, z: 3,
        data: points.map(e => ({name: e.id, value: [e.durationMean, e.accuracy], symbol: symbolOf(content, e.size),
          label: {show: e.failed > 0, position: 'right', color: '#333',
            formatter: (100 * e.failed / e.cells).toFixed(1) + '% failed'}}))});
      option.series.push({name: p.name, type: 'custom', renderItem: whisker(false), itemStyle: {color: p.colour}, z: 2,
        encode: {x: 0, y: [1, 2]}, tooltip: {show: false}, silent: true,
        data: points.map(e => ({name: e.id, value: [e.durationMean, e.accuracyLow, e.accuracyHigh]}))});
    }
    return option;
  }

  function latencyAt(content, size) {
    const at = content.experiments.filter(e => e.size === size && e.p50 !== null);
    const byId = Object.fromEntries(at.map(e => [e.id, e]));
    const option = base(content, 'Latency by provider at ' + size, 'box p25–p75, line p50, whiskers p5–p95; answered cells');
    option.tooltip.formatter = p => byId[p.name] ? experimentTip(byId[p.name]) : '';
    option.xAxis = {type: 'category', data: [size], name: size + ', by provider', nameLocation: 'middle', nameGap: 28};
    option.yAxis = {type: 'value', name: 'duration per answered cell, s', nameLocation: 'middle', nameGap: 44};
    option.series = at.map(e => ({name: e.provider, type: 'boxplot', itemStyle: {color: colourOf(content, e.provider) + '55',
      borderColor: colourOf(content, e.provider), borderWidth: 1.6},
      data: [{name: e.id, value: [e.p5, e.p25, e.p50, e.p75, e.p95]}]}));
    return option;
  }

  function accuracyAt(content, size) {
    const at = content.experiments.filter(e => e.size === size && e.accuracy !== null);
    const byId = Object.fromEntries(at.map(e => [e.id, e]));
    const option = base(content, 'Accuracy by provider at ' + size, 'mean CorrectScore with its 95% bootstrap CI; failures score 0');
    option.tooltip.formatter = p => byId[p.name] ? experimentTip(byId[p.name]) : '';
    // More than three names side by side do not fit a third of the page: tilt them rather than let them overlap.
    const crowded = at.length > 3;
    option.xAxis = {type: 'category', data: at.map(e => e.provider), name: size, nameLocation: 'middle',
      nameGap: crowded ? 62 : 34, axisLabel: crowded ? {interval: 0, rotate: 25} : {interval: 0, width: 72, overflow: 'break'}};
    option.yAxis = {type: 'value', name: 'mean CorrectScore (95% CI)', nameLocation: 'middle', nameGap: 44, scale: true};
    option.series = [];
    at.forEach((e, i) => {
      const colour = colourOf(content, e.provider);
      option.series.push({name: e.provider, type: 'scatter', symbol: symbolOf(content, size), symbolSize: 13,
        itemStyle: {color: colour}, z: 3, data: [{name: e.id, value: [i, e.accuracy]}]});
      option.series.push({name: e.provider, type: 'custom', renderItem: whisker(false), itemStyle: {color: colour}, z: 2,
        encode: {x: 0, y: [1, 2]}, tooltip: {show: false}, silent: true,
        data: [{name: e.id, value: [i, e.accuracyLow, e.accuracyHigh]}]});
    });
    return option;
  }

  /** A run of conversations: each experiment's accuracy at each turn, a line per experiment of the size. */
  function accuracyByTurn(content, size) {
    const at = content.turns.filter(t => t.size === size && t.accuracy !== null);
    const option = base(content, 'Accuracy by turn at ' + size, 'mean primary score per turn; failed and unsent turns score 0');
    option.tooltip.trigger = 'item';
    option.tooltip.formatter = p => p.data && p.data.point ? '<b>' + pb.text(p.data.point.provider) + ' at '
      + pb.text(p.data.point.size) + '</b><br>turn ' + p.data.point.turn + ': accuracy ' + pb.fixed(p.data.point.accuracy, 3)
      + ' over ' + p.data.point.cells + ' cells<br><i>click for its cells</i>' : '';
    option.xAxis = {type: 'value', name: 'turn', nameLocation: 'middle', nameGap: 28, minInterval: 1, min: 1};
    option.yAxis = {type: 'value', name: 'accuracy', nameLocation: 'middle', nameGap: 44, scale: true};
    const ids = [...new Set(at.map(t => t.id))];
    option.series = ids.map(id => {
      const points = at.filter(t => t.id === id);
      return {name: points[0].provider, type: 'line', symbolSize: 9, itemStyle: {color: colourOf(content, points[0].provider)},
        data: points.map(t => ({name: t.id, value: [t.turn, t.accuracy], point: t}))};
    });
    return option;
  }

  /** The change per experiment between two runs: accuracy points with the interval, or p50 seconds. */
  function comparisonOption(content, hidden, accuracy) {
    const rows = content.comparison.filter(r => !hidden.has(r.size)).reverse();
    const byId = Object.fromEntries(rows.map(r => [r.id, r]));
    const runs = 'run ' + content.compared.id + ' − run ' + content.run.id;
    const option = base(content, accuracy ? 'Accuracy change, points (' + runs + ')' : 'p50 duration change, s (' + runs + ')',
      accuracy ? 'paired bootstrap 95% CI over shared cases; filled: significant (p < 0.05)' : 'answered cells');
    option.legend = {show: false};
    option.grid.left = 16;
    option.tooltip.formatter = p => {
      const r = byId[p.name];
      return r ? '<b>' + pb.text(r.provider) + ' at ' + pb.text(r.size) + '</b><br>' + pb.text(r.model) + '<br>'
        + 'CorrectScore ' + pb.fixed(r.accuracyA, 3) + ' → ' + pb.fixed(r.accuracyB, 3) + ': ' + pb.fixed(r.deltaPoints, 1)
        + ' points (95% CI ' + pb.fixed(r.low, 1) + ' to ' + pb.fixed(r.high, 1) + '), p = ' + pb.fixed(r.p, 3)
        + (r.significant ? ', significant' : ', not significant') + '<br>p50 ' + pb.fixed(r.p50A, 2) + ' s → '
        + pb.fixed(r.p50B, 2) + ' s (' + pb.fixed(r.deltaP50, 2) + ' s)' : '';
    };
    option.yAxis = {type: 'category', data: rows.map(r => r.provider + ' at ' + r.size)};
    option.xAxis = {type: 'value', name: accuracy ? 'Δ CorrectScore, points' : 'Δ p50, s', nameLocation: 'middle', nameGap: 28};
    const zero = {silent: true, symbol: 'none', lineStyle: {color: '#888'}, data: [{xAxis: 0}], label: {show: false}};
    if (accuracy) {
      option.series = [
        {name: 'Δ', type: 'scatter', symbolSize: 12, markLine: zero, z: 3, data: rows.map((r, i) => ({name: r.id,
          value: [r.deltaPoints, i], itemStyle: r.significant ? {color: colourOf(content, r.provider)}
            : {color: '#fff', borderColor: colourOf(content, r.provider), borderWidth: 2}}))},
        {name: 'Δ', type: 'custom', renderItem: whisker(true), encode: {x: [1, 2], y: 0}, tooltip: {show: false}, silent: true,
          itemStyle: {color: '#555'}, data: rows.map(r => ({name: r.id, value: [rows.indexOf(r), r.low, r.high]}))}];
    } else {
      option.series = [{name: 'Δ p50', type: 'bar', markLine: zero, data: rows.map(r => ({name: r.id, value: r.deltaP50,
        itemStyle: {color: colourOf(content, r.provider)}}))}];
    }
    return option;
  }

  function box(parent, id, size, wide) {
    const div = pb.el('div', {class: 'chart', id: id, role: 'img'});
    const holder = pb.el('div', {class: 'chart-box' + (wide ? ' wide' : ''), 'data-size': size}, [div]);
    parent.append(holder);
    return div;
  }

  function draw(div, option, onClick) {
    const chart = echarts.init(div, null, {renderer: 'canvas'});
    chart.setOption(option);
    if (onClick) chart.on('click', p => { if (p.name) onClick(p.name); });
    charts.push({div, chart});
    return chart;
  }

  /** Replaces a chart's data, keeping which legend entries are switched off. */
  function redraw(chart, option) {
    const legend = chart.getOption().legend;
    if (legend && legend[0] && legend[0].selected) option.legend.selected = legend[0].selected;
    chart.setOption(option, {notMerge: true});
  }

  const openCells = kind => id => pb.goToCells('#cells/0/' + id + '/' + kind);
  let scatter = null;
  const comparison = [];

  pb.drawCharts = function (content, hidden) {
    const grid = document.getElementById('chart-grid');
    scatter = draw(box(grid, 'chart-score-duration', '', true), scoreDuration(content, hidden), openCells('slowest'));
    for (const size of content.sizes) draw(box(grid, 'chart-latency-' + size, size), latencyAt(content, size), openCells('slowest'));
    for (const size of content.sizes) draw(box(grid, 'chart-accuracy-' + size, size), accuracyAt(content, size), openCells('lowest'));
    for (const size of content.sizes) {
      if (content.turns.some(t => t.size === size)) {
        draw(box(grid, 'chart-turns-' + size, size), accuracyByTurn(content, size), openCells('lowest'));
      }
    }
    const compared = document.getElementById('comparison-charts');
    if (compared && content.compared && content.comparison.length) {
      comparison.push(draw(box(compared, 'chart-comparison-accuracy', ''), comparisonOption(content, hidden, true), openCells('lowest')));
      comparison.push(draw(box(compared, 'chart-comparison-p50', ''), comparisonOption(content, hidden, false), openCells('slowest')));
    }
  };

  /** Shows only the charts and points of sizes not hidden. */
  pb.filterCharts = function (content, hidden) {
    for (const holder of document.querySelectorAll('.chart-box[data-size]')) {
      const size = holder.getAttribute('data-size');
      holder.classList.toggle('hidden', size !== '' && hidden.has(size));
    }
    if (scatter) redraw(scatter, scoreDuration(content, hidden));
    if (comparison.length) {
      redraw(comparison[0], comparisonOption(content, hidden, true));
      redraw(comparison[1], comparisonOption(content, hidden, false));
    }
    pb.resizeCharts();
  };

  pb.resizeCharts = function () {
    for (const c of charts) if (c.div.offsetWidth > 0) c.chart.resize();
  };
})(window.provbench);
