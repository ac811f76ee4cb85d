// The four charts, drawn with Apache ECharts (bundled locally, only the bar and
// line charts and the components used): indicators by category, size and
// density of each statutory part, rates, money. Tooltips render as rich text
// on the canvas, so report words never become HTML. Each chart saves as PNG.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { h, download } from './dom.js';
import { partStats } from './model.js';
import { categoryGroup, PARTS, PART_SHORT } from './labels.js';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export const PART_COLORS = {
  measures: '#2e7d32', shortcomings: '#c62828', leadership: '#6a1b9a', plans: '#1565c0', other: '#607d8b',
};
const FONT = '"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif';
const BASE = {
  textStyle: { fontFamily: FONT },
  aria: { enabled: true },
  animation: false,
  tooltip: { renderMode: 'richText', confine: true },
};

const CHARTS = [
  ['category', '指标按类别'],
  ['parts', '各部分篇幅与指标密度'],
  ['rates', '比率（办结率、满意率等）'],
  ['money', '金额'],
];

export class Charts {
  constructor(root) {
    this.root = root;
    this.items = CHARTS.map(([id, title]) => {
      const box = h('div', { class: 'chart', role: 'img', 'aria-label': title });
      const empty = h('p', { class: 'chart-empty', hidden: true });
      const save = h('button', { type: 'button', class: 'btn small', 'aria-label': `保存“${title}”为图片` }, '保存图片');
      const card = h('figure', { class: 'chart-card', id: `chart-${id}` },
        h('figcaption', null, h('span', { text: title }), save), box, empty);
      const item = { id, title, box, empty, card, chart: null };
      save.addEventListener('click', () => this.save(item));
      return item;
    });
    root.replaceChildren(...this.items.map((i) => i.card));
    new ResizeObserver(() => this.items.forEach((i) => i.chart && i.chart.resize())).observe(root);
  }

  set(text, result, name) {
    this.name = name;
    const opts = { category: byCategory(result), parts: byPart(text, result), rates: rates(result), money: money(result) };
    for (const it of this.items) {
      const o = opts[it.id];
      it.empty.hidden = !o.empty;
      it.empty.textContent = o.empty || '';
      it.box.hidden = !!o.empty;
      it.card.querySelector('button').disabled = !!o.empty;
      if (o.empty) continue;
      it.chart = drawChart(it.box, it.chart, o.option);
    }
  }

  save(it) {
    if (it.chart) saveChart(it.chart, `${this.name || 'report'}-${it.title.replace(/[（(].*$/, '')}.png`);
  }
}

// PNG bytes decoded by hand: a data: URL fetch would break the page's CSP.
export function saveChart(chart, name) {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  const bin = atob(url.slice(url.indexOf(',') + 1));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  download(new Blob([bytes], { type: 'image/png' }), name);
}

export function drawChart(el, chart, option) {
  const c = chart || echarts.init(el, null, { renderer: 'canvas' });
  c.setOption({ ...BASE, ...option }, true);
  return c;
}

function hbar(labels, values, color, unit, fmt) {
  return {
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: fmt || '{value}' } },
    yAxis: {
      type: 'category', data: labels, inverse: true,
      axisLabel: { width: 120, overflow: 'truncate', interval: 0 },
    },
    tooltip: { ...BASE.tooltip, trigger: 'item', formatter: (p) => `${p.name}\n${p.value}${unit}` },
    series: [{ type: 'bar', data: values, itemStyle: { color }, barMaxWidth: 18,
      label: { show: true, position: 'right', formatter: (p) => `${+p.value.toFixed(2)}${unit}` } }],
  };
}

function byCategory(result) {
  const counts = new Map();
  for (const ind of result.indicators || []) {
    const g = categoryGroup(ind.category);
    counts.set(g, (counts.get(g) || 0) + 1);
  }
  if (!counts.size) return { empty: '没有指标。' };
  const rows = [...counts].sort((a, b) => b[1] - a[1]);
  return { option: hbar(rows.map((r) => r[0]), rows.map((r) => r[1]), '#00838f', ' 项') };
}

function byPart(text, result) {
  const st = partStats(text, result);
  const parts = PARTS.filter((p) => st[p].sections.length);
  if (!parts.length) return { empty: '未识别出法定部分。' };
  return {
    option: {
      grid: { left: 8, right: 8, top: 34, bottom: 4, containLabel: true },
      legend: { top: 0, itemWidth: 14, itemHeight: 10, data: ['篇幅（汉字）', '指标/千字'] },
      tooltip: { ...BASE.tooltip, trigger: 'axis' },
      xAxis: { type: 'category', data: parts.map((p) => PART_SHORT[p]), axisLabel: { interval: 0, formatter: wrap2 } },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
      series: [
        { name: '篇幅（汉字）', type: 'bar', barMaxWidth: 36,
          data: parts.map((p) => ({ value: st[p].chars, itemStyle: { color: PART_COLORS[p] } })) },
        { name: '指标/千字', type: 'line', yAxisIndex: 1, symbolSize: 8, itemStyle: { color: '#ef6c00' },
          label: { show: true, position: 'top', formatter: (p) => p.value.toFixed(1) },
          data: parts.map((p) => +st[p].density.toFixed(2)) },
      ],
    },
  };
}

// "第一责任人" → "第一责\n任人": axis names stay within their column.
const wrap2 = (s) => (s.length > 3 ? `${s.slice(0, Math.ceil(s.length / 2))}\n${s.slice(Math.ceil(s.length / 2))}` : s);

const short = (s, n = 10) => (s.length > n ? `${s.slice(0, n)}…` : s);

function rates(result) {
  const list = (result.indicators || []).filter((i) => (i.unit === '%' || i.kind === 'percent') && i.kind !== 'change' && typeof i.value === 'number');
  if (!list.length) return { empty: '报告中没有百分比指标。' };
  const rows = list.slice(0, 16);
  return {
    option: hbar(rows.map((i) => `${short(i.label || '（无标签）')} ${i.text}`), rows.map((i) => i.value), '#5e35b1', '%'),
  };
}

function money(result) {
  const list = (result.indicators || []).filter((i) => (i.unit === '元' || i.kind === 'money') && typeof i.value === 'number');
  if (!list.length) return { empty: '报告中没有金额指标。' };
  const rows = list.slice().sort((a, b) => b.value - a.value).slice(0, 12);
  const [div, unit] = rows[0].value >= 1e8 ? [1e8, ' 亿元'] : [1e4, ' 万元'];
  return {
    option: hbar(rows.map((i) => `${short(i.label || '（无标签）')} ${i.text}`), rows.map((i) => i.value / div), '#2e7d32', unit),
  };
}
