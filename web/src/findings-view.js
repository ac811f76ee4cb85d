// The findings card: the five statutory parts ✓/✗ with links, timeliness,
// indicator density, how concrete the shortcomings are, statements of zero,
// and every other finding the analyzer reported, each with its evidence.
import { h, append, clear } from './dom.js';
import { partStats, summary } from './model.js';
import { PARTS, PART_NAMES, SEVERITY_NAMES } from './labels.js';

const TIME_IDS = /^(late|on_time)$|timeliness|deadline/;
const PART_IDS = /^parts?_|wrong_report/;

export function renderFindings(container, text, result, nav) {
  const stats = partStats(text, result);
  const sum = summary(text, result);
  const findings = result.findings || [];
  const used = new Set();
  const take = (pred) => findings.filter((f, i) => pred(f) && !used.has(i) && used.add(i));

  const evidence = (f) => (f.spans || []).slice(0, 6).map((sp, k) => h('button', {
    type: 'button', class: 'ev', onclick: () => nav.span(sp),
    'aria-label': `查看证据 ${k + 1}：${text.slice(sp[0], sp[1]).slice(0, 40)}`,
  }, `“${clip(text.slice(sp[0], sp[1]))}”`));

  const item = (f) => h('li', { class: `finding sev-${f.severity || 'info'}` },
    h('span', { class: 'sev', text: SEVERITY_NAMES[f.severity] || f.severity || '' }),
    h('span', { class: 'msg', text: f.message || f.id }), evidence(f));

  const parts = h('ul', { class: 'checklist' }, PARTS.map((p) => {
    const st = stats[p];
    const ok = st.sections.length > 0;
    const optional = p === 'other';
    return h('li', { class: ok ? 'ok' : optional ? 'opt' : 'miss' },
      h('span', { class: 'mark', 'aria-hidden': 'true', text: ok ? '✓' : optional ? '–' : '✗' }),
      ok ? h('button', { type: 'button', class: `link part-${p}`, onclick: () => nav.section(String(st.sections[0])) }, PART_NAMES[p])
        : h('span', { class: `part-${p}`, text: PART_NAMES[p] }),
      h('span', { class: 'sr', text: ok ? '（已包含）' : optional ? '（可选，未单列）' : '（缺失）' }),
      ok ? h('span', { class: 'aside', text: `${st.chars} 字 · ${st.indicators} 项` }) : null);
  }));

  const partFindings = take((f) => PART_IDS.test(f.id));
  const density = take((f) => f.id === 'indicator_density');
  const time = take((f) => TIME_IDS.test(f.id));
  const zeros = take((f) => /zero/.test(f.id));
  const short = take((f) => /cause|short|vague|concre|generic/.test(f.id));
  const rest = take(() => true);

  const sh = stats.shortcomings;
  const shareShort = sum.han ? (sh.chars * 100) / sum.han : 0;

  append(clear(container), [
    h('h2', { text: '审阅要点' }),
    h('section', { 'aria-label': '法定部分' }, h('h3', { text: '法定部分' }), parts,
      // "all four parts present" repeats the checklist; only problems are listed.
      partFindings.some((f) => f.severity !== 'info')
        ? h('ul', { class: 'flist' }, partFindings.filter((f) => f.severity !== 'info').map(item)) : null),
    h('section', { 'aria-label': '及时性' }, h('h3', { text: '及时性' }),
      time.length ? h('ul', { class: 'flist' }, time.map(item)) : h('p', { class: 'plain', text: timeliness(result) })),
    h('section', { 'aria-label': '指标密度' }, h('h3', { text: '指标密度' }),
      density.length ? h('p', { class: 'plain', text: density[0].message })
        : h('p', { class: 'plain', text: `${sum.density.toFixed(1)} 项 / 千字（共 ${sum.indicators} 项，${sum.han} 个汉字）` }),
      h('p', { class: 'aside', text: PARTS.filter((p) => stats[p].chars).map((p) => `${PART_NAMES[p]} ${stats[p].density.toFixed(1)}`).join('；') })),
    h('section', { 'aria-label': '不足部分的具体程度' }, h('h3', { text: '不足部分的具体程度' }),
      sh.sections.length
        ? h('p', { class: 'plain', text: `占全文 ${shareShort.toFixed(0)}%，含 ${sh.indicators} 个数量指标${sh.indicators ? '' : '（问题未量化）'}。` })
        : h('p', { class: 'plain', text: '未找到“存在的不足和原因”部分。' }),
      short.length ? h('ul', { class: 'flist' }, short.map(item)) : null),
    h('section', { 'aria-label': '零值声明' }, h('h3', { text: '零值声明' }),
      zeros.length ? h('ul', { class: 'flist' }, zeros.map(item)) : h('p', { class: 'plain', text: '未发现“无…案件”“未发生…”一类声明。' })),
    rest.length ? h('section', { 'aria-label': '其他发现' }, h('h3', { text: '其他发现' }), h('ul', { class: 'flist' }, rest.map(item))) : null,
    (result.diagnostics || []).length ? h('details', { class: 'diags' },
      h('summary', { text: `读取说明（${result.diagnostics.length}）` }),
      h('ul', { class: 'flist' }, result.diagnostics.map((d) => item({ ...d, spans: d.span ? [d.span] : [] })))) : null,
  ]);
}

// Rule (domain.md §1.6): public by 4月1日 of the next year; departments and
// city/county governments submit by 3月1日.
function timeliness(result) {
  const m = result.meta || {};
  if (!m.published) return '报告中未找到发布或落款日期，无法判断是否按时公开。';
  if (!m.report_year) return `日期 ${m.published}；未识别报告年度。`;
  const y = m.report_year + 1;
  if (m.published <= `${y}-03-01`) return `日期 ${m.published}，早于 ${y}年3月1日报送时限和4月1日公开时限。`;
  if (m.published <= `${y}-04-01`) return `日期 ${m.published}，在 ${y}年4月1日公开时限内（晚于部门3月1日报送时限）。`;
  return `日期 ${m.published}，晚于 ${y}年4月1日公开时限。`;
}

function clip(s) {
  s = s.replace(/\s+/g, ' ');
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}

export function renderMeta(container, text, result, doc) {
  const m = result.meta || {};
  const sum = summary(text, result);
  const parts = partStats(text, result);
  const have = PARTS.slice(0, 4).filter((p) => parts[p].sections.length).length;
  const field = (k, v) => h('div', { class: 'field' }, h('dt', { text: k }), h('dd', { text: v ?? '—' }));
  container.replaceChildren(
    h('h1', { class: 'doc-title', id: 'doc-title', text: m.title || doc.name || '（无标题）' }),
    h('dl', { class: 'meta-fields' },
      field('发布机关', m.agency), field('地区', m.region), field('报告年度', m.report_year),
      field('发布日期', m.published), field('文号', m.doc_number), field('来源', doc.name)),
    h('div', { class: 'tiles' },
      tile(sum.indicators, '个指标'), tile(sum.density.toFixed(1), '指标 / 千字'),
      tile(`${have}/4`, '必备部分'), tile(sum.han.toLocaleString('zh-CN'), '汉字'),
      tile((result.findings || []).filter((f) => f.severity !== 'info').length, '项需注意')),
  );
}

function tile(value, label) {
  return h('div', { class: 'tile' }, h('strong', { text: String(value) }), h('span', { text: label }));
}
