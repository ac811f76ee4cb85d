// Reads a dropped or opened file into plain text, entirely in the browser:
// .txt/.md in UTF-8, UTF-16 or GB18030 (detected, then TextDecoder), .html via
// DOMParser (scripts and styles dropped, never run), .docx by unzipping
// word/document.xml with DecompressionStream.
export const ACCEPT = '.txt,.md,.markdown,.text,.html,.htm,.docx';

export async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const ext = (file.name.match(/\.([^.]+)$/) || ['', ''])[1].toLowerCase();
  if (ext === 'docx' || isZip(bytes)) return docxText(bytes);
  if (ext === 'html' || ext === 'htm' || (ext !== 'md' && ext !== 'txt' && looksLikeHtml(bytes))) {
    return htmlText(decodeBytes(bytes, htmlCharset(bytes)));
  }
  return decodeBytes(bytes);
}

// BOM first; then strict UTF-8; then UTF-16 by its zero bytes; else GB18030
// (a superset of GBK and GB2312).
export function decodeBytes(bytes, declared) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return dec('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return dec('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return dec('utf-16be', bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    /* not UTF-8: try the others below */
  }
  const utf16 = utf16Guess(bytes);
  if (utf16) return dec(utf16, bytes);
  if (declared && /^(gb|big5|shift|euc)/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      /* unknown label: fall through to GB18030 */
    }
  }
  return dec('gb18030', bytes);
}

function dec(label, bytes) {
  return new TextDecoder(label).decode(bytes);
}

function utf16Guess(bytes) {
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (n < 4) return null;
  if (odd > n / 8 && odd > even * 2) return 'utf-16le';
  if (even > n / 8 && even > odd * 2) return 'utf-16be';
  return null;
}

function isZip(bytes) {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

function looksLikeHtml(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).toLowerCase();
  return /<!doctype html|<html[\s>]/.test(head);
}

function htmlCharset(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i);
  return m ? m[1] : null;
}

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL', 'TITLE']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG',
  'CANVAS', 'HEAD']);

// DOMParser documents have no browsing context: nothing in them runs or loads.
// Event-handler attributes are renamed inside tags first, because Chromium
// still reports them to the page's CSP while parsing (then blocks them).
export function htmlText(html) {
  const inert = html.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)on([a-z]+\s*=)/gi, '$1data-on$2'));
  const doc = new DOMParser().parseFromString(inert, 'text/html');
  const out = [];
  const title = doc.querySelector('title');
  if (title && title.textContent.trim() && !doc.body.textContent.includes(title.textContent.trim())) {
    out.push(title.textContent.trim(), '\n');
  }
  walk(doc.body, out);
  return out.join('').replace(/[ \t\u00a0]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function walk(node, out) {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out.push(c.data.replace(/[\r\n]+/g, ' '));
    else if (c.nodeType === 1 && !SKIP.has(c.tagName)) {
      const block = BLOCK.has(c.tagName);
      if (block) out.push('\n');
      if (c.tagName === 'TD' || c.tagName === 'TH') out.push('\t');
      walk(c, out);
      if (block) out.push('\n');
    }
  }
}

// Minimal ZIP reader: finds word/document.xml through the central directory.
async function unzipEntry(bytes, wanted) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('不是有效的 .docx（ZIP）文件');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder();
  for (let k = 0; k < count; k++) {
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (name === wanted) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + size);
      if (method === 0) return data;
      if (method !== 8) throw new Error('不支持的压缩方式');
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error('.docx 中没有 word/document.xml');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export async function docxText(bytes) {
  const xml = new TextDecoder().decode(await unzipEntry(bytes, 'word/document.xml'));
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const paras = [];
  for (const p of doc.getElementsByTagNameNS(W, 'p')) {
    let s = '';
    const runs = p.getElementsByTagNameNS(W, '*');
    for (const r of runs) {
      if (r.localName === 't') s += r.textContent;
      else if (r.localName === 'tab') s += '\t';
      else if (r.localName === 'br' || r.localName === 'cr') s += '\n';
    }
    paras.push(s);
  }
  return paras.join('\n') + '\n';
}
