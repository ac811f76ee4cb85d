// Exports of one report or all of them: the result JSON (the contract as the
// analyzer returned it), the indicators as CSV (UTF-8 with BOM, so Excel reads
// the Chinese), and a Markdown summary.
import { download } from './dom.js';
import { partOf, partStats, sectionTitle, summary, flattenSections } from './model.js';
import { categoryName, kindName, partName, PARTS, PART_NAMES } from './labels.js';

const base = (doc) => (doc.name || 'report').replace(/\.[^.]+$/, '') || 'report';

export function exportJson(doc) {
  download(new Blob([JSON.stringify(doc.result, null, 2)], { type: 'application/json' }), `${base(doc)}.reportlens.json`);
}

const CSV_HEAD = ['文件', '序号', '原文', '数值', '单位', '约数', '界限', '类型', '标签', '类别', '类别名称',
  '法定部分', '章节', '起', '止'];

export function csvRows(doc) {
  const r = doc.result;
  return (r.indicators || []).map((ind, i) => [
    doc.name, i + 1, ind.text, ind.value, ind.unit, ind.approx, ind.bound, kindName(ind.kind), ind.label,
    ind.category, categoryName(ind), partName(partOf(r, ind)), sectionTitle(r, ind.section),
    ind.span && ind.span[0], ind.span && ind.span[1],
  ]);
}

// Quotes what needs it and defuses cells Excel would read as formulas.
function cell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(rows, head = CSV_HEAD) {
  return '\ufeff' + [head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function exportCsv(docs, name) {
  const rows = docs.filter((d) => d.result).flatMap(csvRows);
  download(new Blob([csvText(rows)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
}

export function markdown(doc) {
  const { rtext: text, result: r } = doc;
  const m = r.meta || {};
  const sum = summary(text, r);
  const st = partStats(text, r);
  const esc = (s) => String(s ?? '').replace(/([\\`*_[\]|<>#])/g, '\\$1');
  const out = [`# ${esc(m.title || doc.name)}`, '',
    `- 发布机关：${esc(m.agency || '—')}`, `- 地区：${esc(m.region || '—')}`,
    `- 报告年度：${m.report_year ?? '—'}`, `- 发布日期：${m.published ?? '—'}`, `- 文号：${esc(m.doc_number || '—')}`,
    `- 指标：${sum.indicators} 项，${sum.density.toFixed(1)} 项/千字（${sum.han} 个汉字）`, '',
    '## 法定部分', '', '| 部分 | 是否包含 | 汉字 | 指标 | 指标/千字 |', '|---|---|---|---|---|',
    ...PARTS.map((p) => `| ${PART_NAMES[p]} | ${st[p].sections.length ? '✓' : '✗'} | ${st[p].chars} | ${st[p].indicators} | ${st[p].density.toFixed(1)} |`),
    '', '## 结构', '',
    ...flattenSections(r).map((f) => `${'  '.repeat(f.depth - 1)}- ${esc(f.s.marker || '')}${esc(f.s.title || '')}`),
    '', '## 发现', '',
    ...((r.findings || []).length ? r.findings.map((f) => `- [${f.severity}] ${esc(f.message || f.id)}`) : ['- 无']),
    '', '## 指标', '', '| # | 原文 | 数值 | 单位 | 标签 | 类别 | 部分 |', '|---|---|---|---|---|---|---|',
    ...(r.indicators || []).map((ind, i) => `| ${i + 1} | ${esc(ind.text)} | ${ind.value} | ${esc(ind.unit)} | ${esc(ind.label)} | ${esc(categoryName(ind))} | ${partName(partOf(r, ind))} |`),
    '', '由 ReportLens 在本机浏览器中生成。', ''];
  return out.join('\n');
}

export function exportMarkdown(doc) {
  download(new Blob([markdown(doc)], { type: 'text/markdown;charset=utf-8' }), `${base(doc)}.md`);
}
