// Derived views of one result: the flat section list with index paths, the
// statutory part of each indicator, per-part size and density. Pure functions
// of (text, result); the renderers and exports share them.
import { PARTS } from './labels.js';

export function flattenSections(result) {
  const out = [];
  const visit = (list, path, part) => {
    list.forEach((s, i) => {
      const p = [...path, i];
      const own = path.length === 0 ? s.part || 'other' : part;
      out.push({ s, path: p, key: p.join('-'), depth: p.length, part: own });
      visit(s.children || [], p, own);
    });
  };
  visit(result.sections || [], [], null);
  return out;
}

export function sectionByPath(result, path) {
  let list = result.sections || [];
  let s = null;
  for (const i of path || []) {
    s = list[i];
    if (!s) return null;
    list = s.children || [];
  }
  return s;
}

export function partOf(result, ind) {
  const top = ind.section && ind.section.length ? (result.sections || [])[ind.section[0]] : null;
  return top ? top.part || 'other' : null;
}

export function sectionTitle(result, path) {
  const s = sectionByPath(result, path);
  return s ? `${s.marker || ''}${s.title || ''}` : '（导言）';
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;

export function hanCount(text) {
  const m = text.match(HAN);
  return m ? m.length : 0;
}

// Characters (Han) and indicators per statutory part, from the level-1 spans.
export function partStats(text, result) {
  const stats = Object.fromEntries(PARTS.map((p) => [p, { part: p, chars: 0, indicators: 0, sections: [] }]));
  (result.sections || []).forEach((s, i) => {
    const st = stats[s.part || 'other'];
    st.chars += hanCount(text.slice(s.span[0], s.span[1]));
    st.sections.push(i);
  });
  for (const ind of result.indicators || []) {
    const p = partOf(result, ind);
    if (p) stats[p].indicators++;
  }
  // The analyzer's own counts (after removing page noise) win where given.
  const d = ((result.findings || []).find((f) => f.id === 'indicator_density') || {}).data || {};
  for (const st of Object.values(stats)) {
    if (typeof d[`${st.part}_han_chars`] === 'number') st.chars = d[`${st.part}_han_chars`];
    if (typeof d[`${st.part}_indicators`] === 'number') st.indicators = d[`${st.part}_indicators`];
    st.density = st.chars ? (st.indicators * 1000) / st.chars : 0;
  }
  return stats;
}

export function summary(text, result) {
  const han = (result.stats && result.stats.han_chars) || hanCount(text);
  const n = (result.indicators || []).length;
  return { han, chars: text.length, indicators: n, density: han ? (n * 1000) / han : 0 };
}
