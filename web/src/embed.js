// <report-lens>: the analyzer embedded in any page with one script include.
// Attributes: text (the report itself) or src (a URL of the same origin),
// compact (hide charts and table). Fires "analyzed" (detail: the result) when
// done. Renders in a shadow root; styles come from assets/app.css beside it.
import { h } from './dom.js';
import { analyze } from './engine.js';
import { decodeBytes, htmlText } from './decode.js';
import { renderOutline } from './outline.js';
import { renderText, attachTooltip, flash, showSpan } from './text-view.js';
import { IndicatorTable } from './table-view.js';
import { renderFindings, renderMeta } from './findings-view.js';
import { Charts } from './charts.js';

class ReportLensElement extends HTMLElement {
  static get observedAttributes() {
    return ['text', 'src', 'compact'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const css = h('link', { rel: 'stylesheet', href: new URL('assets/app.css', import.meta.url).href });
    this.els = {
      meta: h('header', { class: 'card meta' }),
      findings: h('section', { class: 'card findings', 'aria-label': '审阅要点' }),
      charts: h('section', { class: 'charts', 'aria-label': '图表' }),
      outline: h('nav', { class: 'outline-body', 'aria-label': '报告结构' }),
      text: h('div', { class: 'report-text', tabindex: '0', role: 'document', 'aria-label': '报告原文（指标已标出）' }),
      table: h('div'),
      tip: h('div', { class: 'tip', role: 'tooltip', hidden: true }),
    };
    const e = this.els;
    root.append(css, h('div', { class: 'embed', lang: 'zh-CN' },
      e.meta,
      h('div', { class: 'overview' }, e.findings, e.charts),
      h('div', { class: 'reader embed-reader' },
        h('section', { class: 'card outline' }, h('h2', { text: '结构' }), e.outline),
        h('section', { class: 'card text-card' }, h('h2', { text: '原文' }), e.text),
        h('section', { class: 'card table-card' }, h('h2', { text: '指标表' }), e.table)),
      e.tip));
    this.nav = {
      section: (key) => this.jump(`sec-${key}`),
      indicator: (i) => this.jump(`ind-${i}`),
      span: ([s, end]) => showSpan(e.text, s, end),
    };
    this.table = new IndicatorTable(e.table, this.nav.indicator);
    this.charts = new Charts(e.charts);
    attachTooltip(e.text, e.tip, () => this.result);
    this.seq = 0;
  }

  jump(id) {
    const el = this.shadowRoot.getElementById(id);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
    flash(el);
  }

  attributeChangedCallback() {
    this.shadowRoot.querySelector('.embed').classList.toggle('compact', this.hasAttribute('compact'));
    queueMicrotask(() => this.load());
  }

  async load() {
    const seq = ++this.seq;
    let text = this.getAttribute('text');
    const src = this.getAttribute('src');
    if (text === null && src) {
      const url = new URL(src, document.baseURI);
      if (url.origin !== location.origin) return this.fail('src 必须与页面同源。');
      try {
        const res = await fetch(url, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        text = /\.html?$/i.test(url.pathname) ? htmlText(decodeBytes(bytes)) : decodeBytes(bytes);
      } catch (err) {
        return this.fail(`无法读取 ${src}：${err.message}`);
      }
    }
    if (text === null || seq !== this.seq) return;
    await this.analyze(text, seq);
  }

  async analyze(text, seq = ++this.seq) {
    const result = await analyze(text);
    if (seq !== this.seq) return result;
    this.result = result;
    this.text = text;
    const e = this.els;
    renderMeta(e.meta, text, result, { name: this.getAttribute('name') || '' });
    renderFindings(e.findings, text, result, this.nav);
    renderOutline(e.outline, result, this.nav.section);
    renderText(e.text, text, result);
    this.table.set(text, result);
    this.charts.set(text, result, 'report');
    this.dispatchEvent(new CustomEvent('analyzed', { detail: result, bubbles: true, composed: true }));
    return result;
  }

  fail(message) {
    this.els.meta.replaceChildren(h('p', { class: 'busy', text: message }));
    this.dispatchEvent(new CustomEvent('error', { detail: message }));
  }
}

if (!customElements.get('report-lens')) customElements.define('report-lens', ReportLensElement);
