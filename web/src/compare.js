// The comparison view, built from the results alone: an indicator matrix
// (reports × categories, aligned by category, else by label when the label
// recurs), a parts matrix, a grouped bar chart and a CSV of the matrix.
import { h, download } from './dom.js';
import { partStats, summary } from './model.js';
import { categoryName, categoryGroup, PARTS, PART_SHORT } from './labels.js';
import { csvText } from './export.js';
import { drawChart, saveChart } from './charts.js';

let chart = null;


function columns(docs) {
  const cols = new Map();
  const labelDocs = new Map();
  for (const d of docs) {
    for (const ind of d.result.indicators || []) {
      if (!ind.category && ind.label) {
        if (!labelDocs.has(ind.label)) labelDocs.set(ind.label, new Set());
        labelDocs.get(ind.label).add(d.id);
      }
    }
  }
  for (const d of docs) {
    for (const ind of d.result.indicators || []) {
      const key = ind.category ? `c:${ind.category}` : ind.label && labelDocs.get(ind.label).size > 1 ? `l:${ind.label}` : null;
      if (!key) continue;
      if (!cols.has(key)) cols.set(key, { key, name: ind.category ? categoryName(ind) : ind.label, byCat: !!ind.category, docs: new Set() });
      cols.get(key).docs.add(d.id);
    }
  }
  return [...cols.values()].sort((a, b) => b.byCat - a.byCat || b.docs.size - a.docs.size || a.key.localeCompare(b.key));
}

function cells(d, cols) {
  const by = new Map(cols.map((c) => [c.key, []]));
  for (const ind of d.result.indicators || []) {
    const key = ind.category ? `c:${ind.category}` : `l:${ind.label}`;
    if (by.has(key)) by.get(key).push(ind.text);
  }
  return by;
}

export function renderCompare(root, docs, { open, exportCsv, name: nameOf }) {
  if (docs.length < 2) {
    root.replaceChildren(h('section', { class: 'card' }, h('h1', { class: 'doc-title', text: '多篇对比' }),
      h('p', { text: '打开或拖入至少两篇报告后，这里按指标类别、法定部分并列比较。' })));
    return;
  }
  const cols = columns(docs);
  const data = docs.map((d) => ({ d, cells: cells(d, cols), st: partStats(d.rtext, d.result), sum: summary(d.rtext, d.result) }));

  const matrix = h('table', { class: 'matrix' },
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: '报告' }), h('th', { scope: 'col', text: '指标/千字' }),
      cols.map((c) => h('th', { scope: 'col', title: c.byCat ? '按类别对齐' : '按标签对齐' }, c.name, c.byCat ? null : h('small', { text: '（标签）' }))))),
    h('tbody', null, data.map(({ d, cells: cs, sum }) => h('tr', null,
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => open(d.id) }, nameOf(d))),
      h('td', { class: 'num', text: sum.density.toFixed(1) }),
      cols.map((c) => {
        const list = cs.get(c.key);
        return h('td', { class: list.length ? 'has' : 'none', title: list.join('、') },
          list.length ? `${list.slice(0, 3).join('、')}${list.length > 3 ? ` 等${list.length}项` : ''}` : '—');
      })))));

  const parts = h('table', { class: 'matrix parts' },
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: '报告' }),
      PARTS.map((p) => h('th', { scope: 'col', class: `part-${p}`, text: PART_SHORT[p] })))),
    h('tbody', null, data.map(({ d, st }) => h('tr', null,
      h('th', { scope: 'row', text: nameOf(d) }),
      PARTS.map((p) => h('td', { class: st[p].sections.length ? 'has' : 'none' },
        st[p].sections.length ? `✓ ${st[p].chars}字 · ${st[p].indicators}项` : p === 'other' ? '–' : '✗ 缺失'))))));

  const groups = [...new Set(data.flatMap(({ d }) => (d.result.indicators || []).map((i) => categoryGroup(i.category))))];
  const chartBox = h('div', { class: 'chart wide', role: 'img', 'aria-label': '各报告按类别的指标数' });
  const save = h('button', { type: 'button', class: 'btn small', onclick: () => chart && saveChart(chart, 'reportlens-对比.png') }, '保存图片');
  const csvBtn = h('button', { type: 'button', class: 'btn', onclick: () => {
    const head = ['报告', ...cols.map((c) => c.name)];
    const rows = data.map(({ d, cells: cs }) => [nameOf(d), ...cols.map((c) => cs.get(c.key).join('；'))]);
    download(new Blob([csvText(rows, head)], { type: 'text/csv;charset=utf-8' }), 'reportlens-对比矩阵.csv');
  } }, '导出对比矩阵 CSV');

  root.replaceChildren(
    h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h1', { class: 'doc-title', text: `多篇对比（${docs.length} 篇）` }),
      h('div', { class: 'row' }, csvBtn, h('button', { type: 'button', class: 'btn', onclick: () => exportCsv(docs, 'reportlens-全部指标') }, '导出全部指标 CSV')))),
    h('figure', { class: 'card chart-card' }, h('figcaption', null, h('span', { text: '各报告按类别的指标数' }), save), chartBox),
    h('section', { class: 'card' }, h('h2', { text: '法定部分' }), h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': '法定部分矩阵' }, parts)),
    h('section', { class: 'card' }, h('h2', { text: '指标矩阵' }), h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': '指标矩阵' }, matrix)),
  );
  if (chart) chart.dispose();
  chart = drawChart(chartBox, null, {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { renderMode: 'richText', trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: groups, axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: '项' },
    series: data.map(({ d }) => ({
      name: nameOf(d).slice(0, 18), type: 'bar',
      data: groups.map((g) => (d.result.indicators || []).filter((i) => categoryGroup(i.category) === g).length),
    })),
  });
}

