// The report text as given, with headings marked and every indicator
// highlighted in place. Built from text nodes only; spans are UTF-16 offsets
// of exactly this text (output.md), so slicing is exact.
import { h } from './dom.js';
import { flattenSections, partOf, sectionTitle } from './model.js';
import { categoryName, kindName, partName, BOUND_NAMES } from './labels.js';

export function renderText(container, text, result) {
  const events = [];
  for (const f of flattenSections(result)) {
    const start = f.s.span[0];
    const end = f.s.title_span ? f.s.title_span[1] : start;
    if (end > start) events.push({ start, end, kind: 'h', f });
  }
  (result.indicators || []).forEach((ind, i) => {
    if (ind.span && ind.span[1] > ind.span[0]) events.push({ start: ind.span[0], end: ind.span[1], kind: 'i', ind, i });
  });
  events.sort((a, b) => a.start - b.start || (a.kind === 'h' ? -1 : 1));

  const frag = document.createDocumentFragment();
  const stack = [{ el: frag, end: Infinity }];
  let pos = 0;
  const emit = (upto) => {
    while (pos < upto) {
      const top = stack[stack.length - 1];
      const stop = Math.min(upto, top.end);
      if (stop > pos) top.el.append(text.slice(pos, stop));
      pos = Math.max(pos, stop);
      if (pos >= top.end && stack.length > 1) stack.pop();
    }
  };
  for (const ev of events) {
    if (ev.start < pos) continue; // overlaps an earlier mark: keep the first
    emit(ev.start);
    while (stack.length > 1 && stack[stack.length - 1].end <= ev.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (ev.end > parent.end) continue;
    const el = ev.kind === 'h' ? headingEl(ev.f) : markEl(result, ev.ind, ev.i);
    parent.el.append(el);
    stack.push({ el, end: ev.end });
  }
  emit(text.length);
  container.replaceChildren(frag);
}

function headingEl(f) {
  return h('span', {
    class: `hd lv${Math.min(f.depth, 4)} part-${f.part}`,
    id: `sec-${f.key}`,
    tabindex: '-1',
    role: 'heading',
    'aria-level': String(Math.min(f.depth + 1, 6)),
  });
}

function markEl(result, ind, i) {
  return h('mark', {
    class: `ind k-${ind.kind || 'count'}${ind.category ? '' : ' uncat'}`,
    id: `ind-${i}`,
    tabindex: '0',
    dataset: { i: String(i) },
    'aria-label': `${ind.text}：${describe(result, ind).map(([k, v]) => `${k} ${v}`).join('，')}`,
  });
}

export function describe(result, ind) {
  const rows = [
    ['数值', formatValue(ind)],
    ['单位', ind.unit || '—'],
  ];
  if (ind.approx || ind.bound) rows.push(['界限', [ind.approx, BOUND_NAMES[ind.bound] || ind.bound].filter(Boolean).join(' · ')]);
  rows.push(['标签', ind.label || '—'], ['类别', `${categoryName(ind)}${ind.category ? `（${ind.category}）` : ''}`]);
  if (ind.kind) rows.push(['类型', kindName(ind.kind)]);
  rows.push(['部分', partName(partOf(result, ind))], ['章节', sectionTitle(result, ind.section)]);
  return rows;
}

export function formatValue(ind) {
  const v = ind.value;
  if (typeof v !== 'number') return String(v ?? '—');
  if (ind.unit === '元' && Math.abs(v) >= 10000) {
    return Math.abs(v) >= 1e8 ? `${+(v / 1e8).toFixed(4)} 亿元（${v.toLocaleString('zh-CN')} 元）`
      : `${+(v / 1e4).toFixed(2)} 万元（${v.toLocaleString('zh-CN')} 元）`;
  }
  return v.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}

// One tooltip element, shown beside the hovered or focused mark.
export function attachTooltip(container, tip, getResult) {
  const show = (mark) => {
    const result = getResult();
    const ind = result && result.indicators[+mark.dataset.i];
    if (!ind) return;
    tip.replaceChildren(
      h('div', { class: 'tip-title', text: ind.text }),
      h('dl', null, describe(result, ind).map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
    );
    tip.hidden = false;
    const r = mark.getBoundingClientRect();
    const w = tip.offsetWidth, hgt = tip.offsetHeight;
    let left = Math.min(Math.max(8, r.left), window.innerWidth - w - 8);
    let top = r.bottom + 6;
    if (top + hgt > window.innerHeight - 8) top = Math.max(8, r.top - hgt - 6);
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  };
  const hide = () => { tip.hidden = true; };
  container.addEventListener('mouseover', (e) => { const m = e.target.closest('mark.ind'); if (m) show(m); });
  container.addEventListener('mouseout', (e) => { if (e.target.closest('mark.ind')) hide(); });
  container.addEventListener('focusin', (e) => { const m = e.target.closest('mark.ind'); if (m) show(m); });
  container.addEventListener('focusout', hide);
  container.addEventListener('scroll', hide, { passive: true });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
}

export function flash(el) {
  el.classList.remove('flash');
  void el.offsetWidth;
  el.classList.add('flash');
}

// Maps UTF-16 offsets of the text onto the rendered text nodes, marks that
// range with the CSS Custom Highlight API (no DOM change) and scrolls to it.
export function showSpan(root, start, end) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let pos = 0, range = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.data.length;
    if (!range && start < pos + len) {
      range = document.createRange();
      range.setStart(n, start - pos);
    }
    if (range && end <= pos + len) {
      range.setEnd(n, end - pos);
      break;
    }
    pos += len;
  }
  if (!range) return;
  if (window.Highlight && CSS.highlights) CSS.highlights.set('evidence', new Highlight(range));
  range.startContainer.parentElement.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
