// The ReportLens page: a list of reports the user switches between (pasted,
// dropped, opened, or the sample), the reading view of the active one, exports,
// and persistence in this browser. Analysis runs in the worker (engine.js).
import sample from '../samples/000_81c6858e8e29d413.txt';
import { $, h, debounce } from './dom.js';
import { analyze } from './engine.js';
import { readFile, ACCEPT } from './decode.js';
import * as store from './store.js';
import { renderOutline } from './outline.js';
import { renderText, attachTooltip, flash, showSpan } from './text-view.js';
import { IndicatorTable } from './table-view.js';
import { renderFindings, renderMeta } from './findings-view.js';
import { Charts } from './charts.js';
import { exportJson, exportCsv, exportMarkdown } from './export.js';
import { renderCompare } from './compare.js';

const SAMPLE_NAME = '示例：长春市科学技术局2025年度法治政府建设报告.txt';

const state = { docs: [], active: null, mode: 'read', view: 'report', order: 0 };
const els = {};
let table, charts, renderSeq = 0;

function activeDoc() {
  return state.docs.find((d) => d.id === state.active) || null;
}

function displayName(d) {
  return d.name || (d.result && d.result.meta && d.result.meta.title) || firstLine(d.text) || '未命名报告';
}

function firstLine(t) {
  const line = (t || '').split('\n').map((s) => s.trim()).find(Boolean) || '';
  return line.slice(0, 40);
}

function newDoc(name, text) {
  const doc = { id: `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`, name, text, result: null, status: 'queued', order: ++state.order };
  state.docs.push(doc);
  return doc;
}

// ---- analysis queue: one report at a time, the active one first ----
const queue = [];
let running = false;
let batch = { total: 0, done: 0 };

function enqueue(doc, { front = false } = {}) {
  doc.status = 'queued';
  const at = queue.indexOf(doc);
  if (at >= 0) queue.splice(at, 1);
  if (front) queue.unshift(doc); else queue.push(doc);
  batch.total++;
  updateDocItem(doc);
  pump();
}

async function pump() {
  if (running) return;
  running = true;
  while (queue.length) {
    const doc = queue.shift();
    doc.status = 'running';
    updateDocItem(doc);
    showProgress();
    try {
      if (doc.file) {
        doc.text = await readFile(doc.file);
        delete doc.file;
        store.saveDoc(doc);
      }
      const text = doc.text;
      const t0 = performance.now();
      doc.result = await analyze(text);
      performance.measure('rl-analyze', { start: t0 });
      doc.rtext = text; // spans refer to exactly this text, even if editing goes on
      doc.status = 'done';
    } catch (err) {
      doc.status = 'error';
      doc.error = String(err.message || err);
    }
    batch.done++;
    updateDocItem(doc);
    if (doc.id === state.active) renderActive();
    else if (!state.active && doc.status === 'done') select(doc.id);
    if (state.view === 'compare') refreshCompare();
    showProgress();
  }
  running = false;
  batch = { total: 0, done: 0 };
  showProgress();
}

function showProgress() {
  const show = batch.total > 1 && batch.done < batch.total;
  els.progress.hidden = !show;
  if (!show) return;
  els.progressBar.max = batch.total;
  els.progressBar.value = batch.done;
  els.progressText.textContent = `正在分析 ${batch.done} / ${batch.total} 篇报告…（可继续阅读已完成的报告）`;
}

// ---- report list ----
const items = new Map();

function renderDocList() {
  els.docList.replaceChildren(...state.docs.map((d) => docItem(d)));
  els.docCount.textContent = state.docs.length ? String(state.docs.length) : '';
}

function docItem(d) {
  const status = h('span', { class: 'status' });
  const name = h('span', { class: 'name' });
  const open = h('button', { type: 'button', class: 'doc-open', onclick: () => select(d.id) }, name, status);
  const del = h('button', { type: 'button', class: 'doc-del', 'aria-label': '关闭此报告', title: '关闭', onclick: () => removeDoc(d.id) }, '×');
  const li = h('li', { class: 'doc' }, open, del);
  items.set(d.id, { li, open, name, status, del });
  updateDocItem(d);
  return li;
}

function updateDocItem(d) {
  const it = items.get(d.id);
  if (!it) return;
  const active = d.id === state.active;
  it.li.classList.toggle('active', active);
  it.open.setAttribute('aria-current', active ? 'true' : 'false');
  it.name.textContent = displayName(d);
  it.open.title = displayName(d);
  const st = {
    queued: '排队中', running: '分析中…', error: `无法读取：${d.error || ''}`,
    done: d.result ? `${(d.result.indicators || []).length} 项指标` : '',
  }[d.status] || '';
  it.status.textContent = st;
  it.li.dataset.status = d.status;
  it.del.setAttribute('aria-label', `关闭“${displayName(d)}”`);
}

function select(id) {
  const prev = state.active;
  state.active = id;
  for (const d of state.docs) if (d.id === prev || d.id === id) updateDocItem(d);
  setView('report');
  renderActive();
  saveState();
}

function removeDoc(id) {
  const i = state.docs.findIndex((d) => d.id === id);
  if (i < 0) return;
  const [doc] = state.docs.splice(i, 1);
  const q = queue.indexOf(doc);
  if (q >= 0) queue.splice(q, 1);
  items.get(id)?.li.remove();
  items.delete(id);
  els.docCount.textContent = state.docs.length ? String(state.docs.length) : '';
  store.deleteDoc(id);
  if (state.active === id) {
    const next = state.docs[Math.min(i, state.docs.length - 1)];
    state.active = next ? next.id : null;
    if (next) updateDocItem(next);
    renderActive();
  }
  if (state.view === 'compare') refreshCompare();
  saveState();
}

const saveState = debounce(() => store.saveState({ active: state.active, seen: true }), 200);

// ---- adding reports ----
function addText(text, name) {
  const doc = newDoc(name || null, text);
  els.docList.append(docItem(doc));
  els.docCount.textContent = String(state.docs.length);
  store.saveDoc(doc);
  const prev = activeDoc();
  state.active = doc.id;
  if (prev) updateDocItem(prev);
  updateDocItem(doc);
  setView('report');
  enqueue(doc, { front: true });
  renderActive();
  saveState();
  return doc;
}

function addFiles(fileList) {
  const files = [...fileList];
  if (!files.length) return;
  let first = null;
  for (const f of files) {
    const doc = newDoc(f.name, '');
    doc.file = f;
    els.docList.append(docItem(doc));
    first = first || doc;
  }
  els.docCount.textContent = String(state.docs.length);
  for (const d of state.docs) if (d.file) enqueue(d);
  if (first) select(first.id);
  toast(`已加入 ${files.length} 个文件，正在本机分析。`);
}

function addSample() {
  const existing = state.docs.find((d) => d.name === SAMPLE_NAME);
  if (existing) return select(existing.id);
  addText(sample, SAMPLE_NAME);
}

// ---- the reading view ----
function renderActive() {
  const doc = activeDoc();
  const seq = ++renderSeq;
  document.body.classList.toggle('no-doc', !doc);
  if (!doc) {
    els.meta.replaceChildren(h('h1', { class: 'doc-title', text: '粘贴、拖入或打开一份法治政府建设年度报告' }),
      h('p', { text: '支持 .txt / .md（UTF-8、UTF-16、GBK）、.html 和 .docx，可一次多选。也可以先看看示例报告。' }));
    for (const k of ['findings', 'outline', 'text']) els[k].replaceChildren();
    return;
  }
  if (state.mode === 'edit' && els.editor.value !== doc.text && document.activeElement !== els.editor) {
    els.editor.value = doc.text;
  }
  const r = doc.result;
  if (!r) {
    els.meta.replaceChildren(h('h1', { class: 'doc-title', text: displayName(doc) }),
      h('p', { class: 'busy', text: doc.status === 'error' ? `无法读取此文件：${doc.error}` : '正在分析…' }));
    return;
  }
  const text = doc.rtext;
  const t0 = performance.now();
  renderMeta(els.meta, text, r, { name: displayName(doc) });
  renderFindings(els.findings, text, r, nav);
  renderOutline(els.outline, r, nav.section);
  renderText(els.text, text, r);
  table.set(text, r);
  charts.set(text, r, displayName(doc).replace(/\.[^.]+$/, ''));
  document.title = `${displayName(doc)} · ReportLens`;
  performance.measure('rl-render', { start: t0 });
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (seq === renderSeq) document.body.dataset.rendered = String(seq);
  }));
}

const nav = {
  section(key) {
    showRead();
    const el = document.getElementById(`sec-${key}`);
    if (!el) return;
    el.scrollIntoView({ block: 'start', behavior: 'smooth' });
    el.focus({ preventScroll: true });
    flash(el);
  },
  indicator(i) {
    showRead();
    const el = document.getElementById(`ind-${i}`);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
    flash(el);
  },
  span([start, end]) {
    showRead();
    showSpan(els.text, start, end);
  },
};

function showRead() {
  if (state.mode !== 'read') setMode('read');
}

function setMode(mode) {
  state.mode = mode;
  const doc = activeDoc();
  els.modeRead.setAttribute('aria-pressed', String(mode === 'read'));
  els.modeEdit.setAttribute('aria-pressed', String(mode === 'edit'));
  els.text.hidden = mode !== 'read';
  els.editor.hidden = mode !== 'edit';
  if (mode === 'edit') {
    els.editor.value = doc ? doc.text : '';
    els.editor.focus();
  }
}

function setView(view) {
  state.view = view;
  els.tabReport.setAttribute('aria-selected', String(view === 'report'));
  els.tabCompare.setAttribute('aria-selected', String(view === 'compare'));
  $('#view-report').hidden = view !== 'report';
  els.compare.hidden = view !== 'compare';
  document.body.classList.toggle('comparing', view === 'compare');
  if (view === 'compare') renderCompareView();
}

function renderCompareView() {
  const done = state.docs.filter((d) => d.result);
  const waiting = state.docs.filter((d) => !d.result && d.status !== 'error').length;
  renderCompare(els.compare, done, { open: select, exportCsv, name: displayName, waiting });
}

// While a batch runs, the comparison is recomputed at most every 300 ms.
const refreshCompare = debounce(renderCompareView, 300);

const reanalyze = debounce(() => {
  const doc = activeDoc();
  if (!doc) return;
  store.saveDoc(doc);
  enqueue(doc, { front: true });
}, 250);

function toast(msg) {
  els.toast.textContent = msg;
  els.toast.hidden = false;
  clearTimeout(toast.t);
  toast.t = setTimeout(() => { els.toast.hidden = true; }, 3500);
}

// ---- wiring ----
function wire() {
  Object.assign(els, {
    meta: $('#meta'), findings: $('#findings'), outline: $('#outline'), text: $('#report-text'),
    editor: $('#editor'), docList: $('#doc-list'), docCount: $('#doc-count'), progress: $('#progress'),
    progressBar: $('#progress-bar'), progressText: $('#progress-text'), toast: $('#toast'),
    modeRead: $('#mode-read'), modeEdit: $('#mode-edit'), tabReport: $('#tab-report'),
    tabCompare: $('#tab-compare'), compare: $('#view-compare'), fileInput: $('#file-input'),
  });
  table = new IndicatorTable($('#table'), nav.indicator);
  charts = new Charts($('#charts'));
  attachTooltip(els.text, $('#tip'), () => activeDoc()?.result);

  els.fileInput.accept = ACCEPT;
  $('#btn-open').addEventListener('click', () => els.fileInput.click());
  els.fileInput.addEventListener('change', () => { addFiles(els.fileInput.files); els.fileInput.value = ''; });
  $('#btn-sample').addEventListener('click', addSample);
  $('#btn-new').addEventListener('click', () => {
    addText('', null);
    setMode('edit');
  });
  $('#btn-clear').addEventListener('click', () => {
    if (!state.docs.length || !confirm('关闭全部报告？（只删除本浏览器中保存的副本）')) return;
    queue.length = 0;
    state.docs = [];
    state.active = null;
    items.clear();
    store.clearDocs();
    renderDocList();
    renderActive();
    saveState();
  });
  els.modeRead.addEventListener('click', () => setMode('read'));
  els.modeEdit.addEventListener('click', () => setMode('edit'));
  els.tabReport.addEventListener('click', () => setView('report'));
  els.tabCompare.addEventListener('click', () => setView('compare'));
  for (const tab of [els.tabReport, els.tabCompare]) {
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const other = tab === els.tabReport ? els.tabCompare : els.tabReport;
      other.focus();
      other.click();
    });
  }
  els.editor.addEventListener('input', () => {
    const doc = activeDoc();
    if (!doc) return;
    doc.text = els.editor.value;
    reanalyze();
  });

  document.addEventListener('paste', (e) => {
    if (e.target.closest && e.target.closest('textarea, input, [contenteditable]')) return;
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (e.clipboardData && e.clipboardData.files.length) {
      e.preventDefault();
      addFiles(e.clipboardData.files);
    } else if (text && text.trim()) {
      e.preventDefault();
      addText(text, null);
      setMode('read');
    }
  });

  let depth = 0;
  const drop = $('#drop');
  document.addEventListener('dragenter', (e) => {
    if (![...(e.dataTransfer?.types || [])].includes('Files')) return;
    depth++;
    drop.hidden = false;
  });
  document.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; drop.hidden = true; } });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    drop.hidden = true;
    if (e.dataTransfer?.files?.length) addFiles(e.dataTransfer.files);
  });

  const menu = $('#export-menu');
  const withDoc = (fn) => () => {
    menu.open = false;
    const doc = activeDoc();
    if (doc && doc.result) fn(doc); else toast('还没有可导出的分析结果。');
  };
  $('#exp-json').addEventListener('click', withDoc(exportJson));
  $('#exp-csv').addEventListener('click', withDoc((d) => exportCsv([d], displayName(d).replace(/\.[^.]+$/, ''))));
  $('#exp-csv-all').addEventListener('click', () => { menu.open = false; exportCsv(state.docs, 'reportlens-全部指标'); });
  $('#exp-md').addEventListener('click', withDoc(exportMarkdown));
  $('#exp-print').addEventListener('click', () => { menu.open = false; setMode('read'); window.print(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && menu.open) { menu.open = false; menu.querySelector('summary').focus(); } });
  document.addEventListener('click', (e) => { if (menu.open && !menu.contains(e.target)) menu.open = false; });
}

async function start() {
  wire();
  // On a phone the outline starts folded, so the report itself comes into view first.
  if (matchMedia('(max-width: 900px)').matches) $('#outline-box').open = false;
  const { docs, state: saved } = await store.loadAll();
  for (const d of docs) {
    state.docs.push({ ...d, result: null, status: 'queued' });
    state.order = Math.max(state.order, d.order || 0);
  }
  renderDocList();
  if (!docs.length) {
    if (!saved || !saved.seen) addSample(); else renderActive();
  } else {
    state.active = saved && docs.some((d) => d.id === saved.active) ? saved.active : docs[0].id;
    const active = activeDoc();
    enqueue(active);
    for (const d of state.docs) if (d !== active) enqueue(d);
    renderActive();
  }
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol) && !SINGLE_FILE) {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
}

start();
