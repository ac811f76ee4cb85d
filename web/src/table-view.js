// The indicator table: sort by any column, filter by part, category, kind and
// a search string; a row's button jumps to the highlight in the text.
import { h } from './dom.js';
import { partOf, sectionTitle } from './model.js';
import { categoryName, kindName, partName, PARTS } from './labels.js';
import { formatValue } from './text-view.js';

const COLS = [
  ['i', '#', (r) => r.i],
  ['text', '原文', (r) => r.ind.text],
  ['value', '数值', (r) => (typeof r.ind.value === 'number' ? r.ind.value : -Infinity)],
  ['unit', '单位', (r) => r.ind.unit || ''],
  ['label', '标签', (r) => r.ind.label || ''],
  ['category', '类别', (r) => r.cat],
  ['kind', '类型', (r) => r.kind],
  ['part', '部分', (r) => r.partIndex],
];

export class IndicatorTable {
  constructor(root, onJump) {
    this.root = root;
    this.onJump = onJump;
    this.sort = { key: 'i', dir: 1 };
    this.rows = [];
    this.part = h('select', { 'aria-label': '按法定部分筛选' });
    this.cat = h('select', { 'aria-label': '按类别筛选' });
    this.kind = h('select', { 'aria-label': '按类型筛选' });
    this.q = h('input', { type: 'search', placeholder: '搜索原文、标签、章节…', 'aria-label': '搜索指标' });
    this.count = h('span', { class: 'count', 'aria-live': 'polite' });
    for (const el of [this.part, this.cat, this.kind]) el.addEventListener('change', () => this.draw());
    this.q.addEventListener('input', () => this.draw());
    this.head = h('tr');
    this.body = h('tbody');
    root.replaceChildren(
      h('div', { class: 'filters' }, this.q, this.part, this.cat, this.kind, this.count),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': '指标表' },
        h('table', { class: 'ind-table' }, h('thead', null, this.head), this.body)),
    );
  }

  set(text, result) {
    this.result = result;
    this.rows = (result.indicators || []).map((ind, i) => {
      const part = partOf(result, ind);
      return {
        i: i + 1, ind, part, partIndex: part ? PARTS.indexOf(part) : 99,
        cat: categoryName(ind), kind: kindName(ind.kind), sec: sectionTitle(result, ind.section),
      };
    });
    const fill = (sel, all, values) => {
      const keep = sel.value;
      sel.replaceChildren(h('option', { value: '', text: all }),
        ...values.map(([v, t]) => h('option', { value: v, text: t })));
      sel.value = values.some(([v]) => v === keep) ? keep : '';
    };
    const uniq = (f) => [...new Set(this.rows.map(f))].filter((x) => x !== '').sort();
    fill(this.part, '全部部分', [...PARTS.filter((p) => this.rows.some((r) => r.part === p)).map((p) => [p, partName(p)]),
      ...(this.rows.some((r) => !r.part) ? [['none', '（导言等）']] : [])]);
    fill(this.cat, '全部类别', uniq((r) => r.cat).map((c) => [c, c]));
    fill(this.kind, '全部类型', uniq((r) => r.kind).map((k) => [k, k]));
    this.draw();
  }

  visible() {
    const q = this.q.value.trim().toLowerCase();
    const part = this.part.value, cat = this.cat.value, kind = this.kind.value;
    const rows = this.rows.filter((r) =>
      (!part || (part === 'none' ? !r.part : r.part === part)) &&
      (!cat || r.cat === cat) && (!kind || r.kind === kind) &&
      (!q || `${r.ind.text} ${r.ind.label || ''} ${r.cat} ${r.sec} ${r.ind.unit || ''}`.toLowerCase().includes(q)));
    const col = COLS.find((c) => c[0] === this.sort.key);
    const dir = this.sort.dir;
    return rows.sort((a, b) => {
      const x = col[2](a), y = col[2](b);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) * dir || a.i - b.i;
    });
  }

  draw() {
    this.head.replaceChildren(...COLS.map(([key, name]) => {
      const active = this.sort.key === key;
      return h('th', { scope: 'col', 'aria-sort': active ? (this.sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
        h('button', {
          type: 'button', class: 'sort',
          onclick: () => { this.sort = { key, dir: active ? -this.sort.dir : 1 }; this.draw(); },
        }, name, h('span', { class: 'arrow', 'aria-hidden': 'true', text: active ? (this.sort.dir > 0 ? '▲' : '▼') : '' })));
    }));
    const rows = this.visible();
    this.body.replaceChildren(...rows.map((r) => h('tr', { class: `part-${r.part || 'none'}` },
      h('td', { class: 'num', text: r.i }),
      h('td', null, h('button', {
        type: 'button', class: 'jump', title: '在原文中定位', onclick: () => this.onJump(r.i - 1),
      }, r.ind.text)),
      h('td', { class: 'num', text: formatValue(r.ind) }),
      h('td', { text: r.ind.unit || '' }),
      h('td', { text: r.ind.label || '' }),
      h('td', { text: r.cat }),
      h('td', { text: r.kind }),
      h('td', null, h('span', { class: `dot part-${r.part || 'none'}`, 'aria-hidden': 'true' }), r.part ? partName(r.part) : '导言'),
    )));
    this.count.textContent = `${rows.length} / ${this.rows.length} 项`;
  }
}
