// The comparison view, drawn from the core's comparison (docs/compare.md,
// computed in the worker): report overview with density and shortcomings,
// the statutory parts matrix, a grouped bar chart per category group, line
// charts over the years for reports of the same body, and the sortable
// indicator matrix (aligned rows × reports, gaps left empty) with CSV export.
import { h, download } from './dom.js';
import { compare } from './engine.js';
import { partStats } from './model.js';
import { csvText } from './export.js';
import { drawChart, saveChart } from './charts.js';

const COLORS = ['#0b5c8e', '#ef6c00', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#8d6e63', '#5e35b1'];
const NO_GROUP = '按标签对齐';

let charts = [];
let seq = 0;
let observed = null;
const view = { sort: { key: 'order', dir: 1 }, sharedOnly: false };

// "56930000 元" → "5693万"; other numbers as the report would write them.
function fmt(v, unit) {
  if (typeof v !== 'number') return '';
  if (unit === '元' && Math.abs(v) >= 1e8) return `${+(v / 1e8).toFixed(2)}亿`;
  if (unit === '元' && Math.abs(v) >= 1e4) return `${+(v / 1e4).toFixed(2)}万`;
  return String(+v.toFixed(2));
}

const cellValue = (c) => (!c ? null : typeof c.total === 'number' ? c.total : c.values.length ? c.values[0] : null);

// Column names: the body (or agency, or file name) and the year, unique.
function labels(reports) {
  const seen = new Map();
  return reports.map((r) => {
    let s = `${r.body || r.agency || r.title || r.name}${r.report_year ? ` ${r.report_year}` : ''}`;
    const n = (seen.get(s) || 0) + 1;
    seen.set(s, n);
    if (n > 1) s += `（${n}）`;
    return s;
  });
}

export async function renderCompare(root, docs, { open, exportCsv, name: nameOf, waiting = 0 }) {
  const my = ++seq;
  const note = waiting ? h('p', { class: 'aside', text: `另有 ${waiting} 篇正在分析，完成后自动加入对比。` }) : null;
  if (docs.length < 2) {
    dispose();
    root.replaceChildren(h('section', { class: 'card' }, h('h1', { class: 'doc-title', text: '多篇对比' }),
      h('p', { text: '打开或拖入至少两篇报告后，这里把指标按类别对齐、并列比较法定部分、指标密度和问题分析；同一机关不同年度的报告还会画出历年变化。' }), note));
    return;
  }
  let cmp;
  try {
    cmp = await compare(docs.map((d) => ({ name: nameOf(d), result: d.result })));
  } catch (err) {
    if (my !== seq) return;
    dispose();
    root.replaceChildren(h('section', { class: 'card' }, h('h1', { class: 'doc-title', text: '多篇对比' }),
      h('p', { class: 'warn', text: `无法对比：${err.message || err}` })));
    return;
  }
  if (my !== seq) return;
  dispose();
  const names = labels(cmp.reports);
  const ctx = { cmp, docs, names, open };
  const chartJobs = [];

  const csvBtn = h('button', { type: 'button', class: 'btn primary', onclick: () => exportMatrix(cmp) }, '导出对比矩阵 CSV');
  root.replaceChildren(
    h('section', { class: 'card cmp-head' },
      h('div', { class: 'card-head' },
        h('h1', { class: 'doc-title', text: `多篇对比（${docs.length} 篇）` }),
        h('div', { class: 'row' }, csvBtn,
          h('button', { type: 'button', class: 'btn', onclick: () => exportCsv(docs, 'reportlens-全部指标') }, '导出全部指标 CSV'))),
      h('p', { class: 'aside', text: '指标按类别和单位对齐，没有类别的按标签对齐；空格表示该报告没有这项指标。点击报告名可打开原文。' }),
      note),
    h('div', { class: 'cmp-pair' }, overview(ctx), partsMatrix(ctx)),
    barCard(ctx, chartJobs),
    ...cmp.bodies.map((b) => bodyCard(ctx, b, chartJobs)),
    matrixCard(ctx),
  );
  for (const job of chartJobs) charts.push(job());
  if (observed !== root) {
    observed = root;
    new ResizeObserver(() => charts.forEach((c) => c.resize())).observe(root);
  }
}

function dispose() {
  charts.forEach((c) => c.dispose());
  charts = [];
}

const swatch = (i) => h('span', { class: 'swatch', dataset: { c: String(i % COLORS.length) }, 'aria-hidden': 'true' });

function reportHead(ctx, i) {
  const r = ctx.cmp.reports[i];
  return h('th', { scope: 'col', class: 'rep' },
    h('button', { type: 'button', class: 'link', title: `打开：${r.name}`, onclick: () => ctx.open(ctx.docs[i].id) },
      swatch(i), ctx.names[i]));
}

// Reports side by side: who, when, how dense, how much shortcomings analysis.
function overview(ctx) {
  const { reports } = ctx.cmp;
  const maxDensity = Math.max(...reports.map((r) => r.density_per_1000 || 0), 1);
  const sc = (r, f) => (r.shortcomings ? f(r.shortcomings) : null);
  const rows = [
    ['发布机关', (r) => r.agency || '—'],
    ['报告年度', (r) => (r.report_year ? `${r.report_year} 年` : '—')],
    ['发布日期', (r) => [r.published || '—', r.late ? h('span', { class: 'flag warn', text: '逾期' }) : null]],
    ['指标数', (r) => `${r.indicators} 项`, 'num'],
    ['篇幅', (r) => `${r.han_chars} 字`, 'num'],
    ['指标密度', (r) => h('span', { class: 'bar-cell' },
      `${fmt(r.density_per_1000)} 项/千字`, h('span', { class: 'bar', 'aria-hidden': 'true' })), 'num density'],
    ['不足：原因分析', (r) => sc(r, (s) => h('span', { class: s.causes ? '' : 'warn', text: `${s.causes} 处` })) ?? '—', 'num'],
    ['不足：含数据', (r) => sc(r, (s) => `${s.figures} 处`) ?? '—', 'num'],
    ['不足：问题条目', (r) => sc(r, (s) => `${s.points} 条`) ?? '—', 'num'],
    ['不足部分篇幅占比', (r) => sc(r, (s) => `${fmt(s.share_percent)}%`) ?? '—', 'num'],
  ];
  const table = h('table', { class: 'matrix cmp-overview' },
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: '项目' }), reports.map((_, i) => reportHead(ctx, i)))),
    h('tbody', null, rows.map(([name, f, cls]) => h('tr', null, h('th', { scope: 'row', text: name }),
      reports.map((r) => h('td', { class: cls || null }, f(r)))))));
  // Density bars as a width, set through the CSSOM (the page's CSP forbids inline style attributes).
  table.querySelectorAll('td.density .bar').forEach((bar, i) => {
    bar.style.width = `${Math.round((100 * (reports[i].density_per_1000 || 0)) / maxDensity)}%`;
  });
  return h('section', { class: 'card' }, h('h2', { text: '概况：指标密度与问题分析' }),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': '报告概况' }, table));
}

function partsMatrix(ctx) {
  const { cmp, docs } = ctx;
  const stats = docs.map((d) => partStats(d.rtext, d.result));
  const table = h('table', { class: 'matrix parts' },
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: '法定部分' }), cmp.reports.map((_, i) => reportHead(ctx, i)))),
    h('tbody', null, cmp.parts.map((p) => h('tr', { dataset: { part: p.part } },
      h('th', { scope: 'row' }, h('span', { class: `dot part-${p.part}`, 'aria-hidden': 'true' }), p.name),
      p.present.map((yes, i) => {
        if (!yes) return h('td', { class: p.part === 'other' ? 'none' : 'miss' }, p.part === 'other' ? '—（可选）' : '✗ 缺失');
        const chars = stats[i][p.part] && stats[i][p.part].chars;
        return h('td', { class: 'has' }, '✓ ', chars ? h('small', { text: `${chars} 字` }) : '有');
      })))));
  return h('section', { class: 'card' }, h('h2', { text: '法定部分' }),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': '法定部分矩阵' }, table));
}

function chartCard(title, caption, jobs, option, cls = '') {
  const box = h('div', { class: `chart ${cls}`, role: 'img', 'aria-label': title });
  let chart = null;
  const save = h('button', { type: 'button', class: 'btn small', 'aria-label': `保存“${title}”为图片`,
    onclick: () => chart && saveChart(chart, `reportlens-对比-${title.replace(/[\\/:*?"<>|\s]+/g, '_')}.png`) }, '保存图片');
  jobs.push(() => (chart = drawChart(box, null, option)));
  return h('figure', { class: 'chart-card' },
    h('figcaption', null, h('span', null, title, caption ? h('small', { class: 'cap', text: caption }) : null), save), box);
}

// Indicators per category group and report: grouped bars (horizontal on a phone).
function barCard(ctx, jobs) {
  const { cmp, names } = ctx;
  const count = new Map();
  for (const row of cmp.rows) {
    const g = row.group || NO_GROUP;
    if (!count.has(g)) count.set(g, cmp.reports.map(() => 0));
    row.cells.forEach((c, i) => { if (c) count.get(g)[i] += c.values.length; });
  }
  const groups = [...count].sort((a, b) => b[1].reduce((x, y) => x + y) - a[1].reduce((x, y) => x + y)).map((e) => e[0]);
  const narrow = document.documentElement.clientWidth < 700;
  const cat = { type: 'category', data: groups, axisLabel: { interval: 0, rotate: narrow ? 0 : groups.length > 7 ? 30 : 0 } };
  const val = { type: 'value', name: '项', minInterval: 1 };
  const option = {
    color: COLORS,
    grid: { left: 8, right: 16, top: narrow ? 76 : 56, bottom: 8, containLabel: true },
    legend: { top: 0, type: names.length > 4 ? 'scroll' : 'plain' },
    tooltip: { renderMode: 'richText', trigger: 'axis', confine: true },
    xAxis: narrow ? val : cat,
    yAxis: narrow ? { ...cat, inverse: true } : val,
    series: names.map((n, i) => ({ name: n, type: 'bar', barMaxWidth: 22, data: groups.map((g) => count.get(g)[i]) })),
  };
  return chartCard('各报告按类别分组的指标数', '每组指标的项数', jobs, option, narrow ? 'tall' : 'wide');
}

// One body, several years: a line per changed indicator, unchanged ones listed.
function bodyCard(ctx, body, jobs) {
  const { cmp, names } = ctx;
  const years = body.reports.map((i) => cmp.reports[i].report_year || names[i]);
  const byKey = new Map();
  for (const c of body.changes) {
    if (!byKey.has(c.key)) byKey.set(c.key, []);
    byKey.get(c.key).push(c);
  }
  const changed = [], flat = [];
  for (const [key, list] of byKey) (list.some((c) => c.change !== 0) ? changed : flat).push({ key, list });
  const rowOf = new Map(cmp.rows.map((r) => [r.key, r]));
  const pct = (c) => (typeof c.change_percent === 'number' ? `，${c.change_percent > 0 ? '+' : ''}${c.change_percent}%` : '');
  const figures = changed.map(({ key, list }) => {
    const row = rowOf.get(key);
    const first = list[0], last = list[list.length - 1];
    const unit = row.unit;
    const scale = unit === '元' ? (Math.max(...list.map((c) => Math.max(c.from, c.to))) >= 1e8 ? [1e8, '亿元'] : [1e4, '万元']) : [1, unit];
    const data = body.reports.map((i) => { const v = cellValue(row.cells[i]); return v === null ? null : +(v / scale[0]).toFixed(2); });
    const up = last.to >= first.from;
    const title = `${row.name}（${unit}）`;
    const caption = `${years[0]} → ${years[years.length - 1]}：${fmt(first.from, unit)} → ${fmt(last.to, unit)}${
      list.length === 1 ? pct(first) : ''}`;
    return chartCard(title, caption, jobs, {
      grid: { left: 8, right: 24, top: 28, bottom: 4, containLabel: true },
      tooltip: { renderMode: 'richText', trigger: 'axis', confine: true },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: scale[1] },
      series: [{ type: 'line', name: row.name, data, connectNulls: true, symbolSize: 9, lineStyle: { width: 3 },
        itemStyle: { color: up ? '#2e7d32' : '#c62828' },
        label: { show: true, position: 'top', fontWeight: 'bold' } }],
    }, 'small');
  });
  const span = `${years[0]}–${years[years.length - 1]}`;
  return h('section', { class: 'card cmp-body', dataset: { body: body.body } },
    h('div', { class: 'card-head' }, h('h2', { text: `同一机关历年变化：${body.body}（${span}，${body.reports.length} 篇）` })),
    changed.length ? h('div', { class: 'line-grid' }, figures) : h('p', { class: 'empty', text: '两年都有的指标没有变化。' }),
    flat.length ? h('p', { class: 'aside' }, '持平：', flat.map(({ key, list }, k) => {
      const row = rowOf.get(key);
      return `${k ? '；' : ''}${row.name} ${fmt(list[0].to, row.unit)}${row.unit}`;
    })) : null);
}

const SORT_COLS = [
  ['name', '指标', (r) => r.name],
  ['group', '分组', (r) => r.group || '~'],
  ['unit', '单位', (r) => r.unit],
  ['reports', '覆盖', (r) => r.reports],
];

function matrixCard(ctx) {
  const { cmp, names } = ctx;
  const head = h('tr');
  const body = h('tbody');
  const count = h('span', { class: 'count', 'aria-live': 'polite' });
  const shared = h('input', { type: 'checkbox', id: 'cmp-shared', checked: view.sharedOnly });
  shared.addEventListener('change', () => { view.sharedOnly = shared.checked; draw(); });
  const order = new Map(cmp.rows.map((r, i) => [r, i]));
  if (/^c\d+$/.test(view.sort.key) && Number(view.sort.key.slice(1)) >= names.length) view.sort = { key: 'order', dir: 1 };

  function sorter() {
    const { key, dir } = view.sort;
    if (key === 'order') return (a, b) => order.get(a) - order.get(b);
    if (/^c\d+$/.test(key)) {
      const i = Number(key.slice(1));
      return (a, b) => {
        const x = cellValue(a.cells[i]), y = cellValue(b.cells[i]);
        if (x === null || y === null) return (x === null) - (y === null) || order.get(a) - order.get(b);
        return (x - y) * dir || order.get(a) - order.get(b);
      };
    }
    const f = SORT_COLS.find((c) => c[0] === key)[2];
    return (a, b) => {
      const x = f(a), y = f(b);
      return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) * dir || order.get(a) - order.get(b);
    };
  }

  function th(key, content, cls) {
    const active = view.sort.key === key;
    return h('th', { scope: 'col', class: cls || null, 'aria-sort': active ? (view.sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
      h('button', { type: 'button', class: 'sort', onclick: () => {
        const first = key === 'reports' || /^c\d+$/.test(key) ? -1 : 1; // numbers: largest first
        if (!active) view.sort = { key, dir: first };
        else if (view.sort.dir === first) view.sort = { key, dir: -first };
        else view.sort = { key: 'order', dir: 1 };
        draw();
        head.querySelector(`[data-sort="${key}"]`)?.focus();
      }, dataset: { sort: key } }, content, h('span', { class: 'arrow', 'aria-hidden': 'true', text: active ? (view.sort.dir > 0 ? '▲' : '▼') : '' })));
  }

  function draw() {
    head.replaceChildren(...SORT_COLS.map(([key, name]) => th(key, name, { name: 'ind-col', group: 'grp' }[key])),
      ...names.map((n, i) => th(`c${i}`, [swatch(i), n], 'rep')));
    const rows = cmp.rows.filter((r) => !view.sharedOnly || r.reports > 1).sort(sorter());
    body.replaceChildren(...rows.map((r) => h('tr', { dataset: { key: r.key } },
      h('th', { scope: 'row', class: 'ind-col' }, r.name, r.category ? null : h('small', { class: 'tag', text: '标签' }),
        h('small', { class: 'grp-inline', 'aria-hidden': 'true', text: r.group || NO_GROUP })),
      h('td', { class: 'grp', text: r.group || NO_GROUP }),
      h('td', { text: r.unit }),
      h('td', { class: 'num', text: `${r.reports}/${cmp.reports.length}` }),
      r.cells.map((c, i) => {
        if (!c) return h('td', { class: 'gap', title: `${names[i]}：没有这项指标`, dataset: { report: String(i) } });
        const main = typeof c.total === 'number' ? fmt(c.total, r.unit) : c.texts.slice(0, 3).join('、') + (c.texts.length > 3 ? '…' : '');
        return h('td', { class: 'num val', title: c.texts.join(typeof c.total === 'number' ? ' + ' : '、'), dataset: { report: String(i) } },
          main, c.values.length > 1 && typeof c.total === 'number' ? h('small', { text: ` ${c.values.length}处` }) : null);
      }))));
    const both = cmp.rows.filter((r) => r.reports > 1).length;
    count.textContent = `显示 ${rows.length} 行（共 ${cmp.rows.length} 行，${both} 行两篇以上都有）`;
  }
  draw();
  return h('section', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', { text: '指标矩阵' }),
      h('div', { class: 'filters' }, h('label', { class: 'check', for: 'cmp-shared' }, shared, '只看两篇以上都有的指标'), count)),
    h('p', { class: 'aside', text: '点列名排序（再点反向，第三次恢复默认顺序：覆盖报告多的在前）；数值为同类指标之和，悬停可见原文。' }),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': '指标矩阵' },
      h('table', { class: 'matrix cmp-matrix' }, h('thead', null, head), body)));
}

// The matrix as CSV (UTF-8 with BOM), the columns and order of
// `reportlens compare --format csv`.
function exportMatrix(cmp) {
  const head = ['指标', '类别', '单位', ...cmp.reports.map((r) => r.name)];
  const rows = cmp.rows.map((r) => [r.name, r.category || '', r.unit,
    ...r.cells.map((c) => (!c ? '' : typeof c.total === 'number' ? c.total : c.values.join('; ')))]);
  download(new Blob([csvText(rows, head)], { type: 'text/csv;charset=utf-8' }), 'reportlens-对比矩阵.csv');
}
