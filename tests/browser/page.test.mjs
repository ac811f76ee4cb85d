// Browser tests of the served page (dist/ over http with the CSP header):
// first visit shows the sample; a pasted corpus report shows as many
// highlights and table rows as the CLI reports indicators; GBK .txt, .html and
// .docx drops; CSV export; a hostile report runs nothing; no request leaves
// the origin; no CSP violation; work survives a reload; offline after the
// first visit; screenshots at 1280×800 and 390×844 (the comparison view is
// in compare.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import { openPage, rendered, paste, drop, cli, corpus, sample, shots, sameOrigin, useBrowser } from './helpers.mjs';

const env = useBrowser();

const seed = (n) => fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[n];

async function counts(page) {
  return page.evaluate(() => ({
    marks: document.querySelectorAll('#report-text mark.ind').length,
    rows: document.querySelectorAll('.ind-table tbody tr').length,
    outline: document.querySelectorAll('#outline .ol-item').length,
    headings: document.querySelectorAll('#report-text .hd').length,
    parts: document.querySelectorAll('.checklist li').length,
    charts: document.querySelectorAll('#charts .chart canvas').length,
    title: document.querySelector('.doc-title')?.textContent,
  }));
}

async function cspViolations(page) {
  return page.evaluate(() => window.__csp || []);
}

// The page, reloaded once a recorder of CSP violations is in place, rendered.
async function openRecorded() {
  const opened = await openPage(env.browser, env.url);
  await opened.context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await opened.page.reload();
  await rendered(opened.page);
  return opened;
}

test('first visit shows the sample analyzed, with screenshots at desktop and phone width', async () => {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    const { context, page, log } = await openPage(env.browser, env.url, { width: w, height: h });
    await rendered(page);
    const c = await counts(page);
    const expected = cli(sample).indicators.length;
    assert.equal(c.marks, expected);
    assert.equal(c.rows, expected);
    assert.ok(c.outline >= 4 && c.headings >= 4, 'outline and headings');
    assert.equal(c.parts, 5);
    assert.ok(c.charts >= 3, `charts drawn: ${c.charts}`);
    assert.match(c.title, /长春市科学技术局2025年度法治政府建设报告/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, `sample-${w}x${h}.png`) });
    await page.screenshot({ path: path.join(shots, `sample-${w}x${h}-full.png`), fullPage: true });
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test('a pasted corpus report shows outline, a highlight and a row per CLI indicator, findings and charts', async () => {
  const { context, page, log } = await openRecorded();
  for (const n of [1, 2, 3, 4]) {
    const file = path.join(corpus, seed(n));
    const text = fs.readFileSync(file, 'utf8');
    await paste(page, text);
    const c = await counts(page);
    const want = cli(file);
    assert.equal(c.marks, want.indicators.length, `${seed(n)} highlights`);
    assert.equal(c.rows, want.indicators.length, `${seed(n)} rows`);
    assert.ok(c.outline >= want.sections.length, `${seed(n)} outline`);
    assert.ok(await page.locator('#findings h3').count() >= 4);
    assert.ok(c.charts >= 2);
    // Highlights are exactly the CLI's spans of the pasted text.
    const marks = await page.$$eval('#report-text mark.ind', (ms) => ms.map((m) => m.textContent));
    assert.deepEqual(marks, want.indicators.map((i) => text.slice(i.span[0], i.span[1])));
  }
  // Hover shows the tooltip; the table's button jumps to the text.
  await page.hover('#report-text mark.ind >> nth=0');
  assert.match(await page.textContent('#tip'), /数值.*单位.*标签.*类别/s);
  await page.click('.ind-table tbody tr:nth-child(3) .jump');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ind-2');
  // Filter and search narrow the table.
  const all = await page.locator('.ind-table tbody tr').count();
  await page.fill('.filters input[type=search]', '%');
  assert.ok((await page.locator('.ind-table tbody tr').count()) < all);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(sameOrigin(log.requests, env.origin), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

function zip(entries) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const raw = Buffer.from(content);
    const data = zlib.deflateRawSync(raw);
    const n = Buffer.from(name);
    const crc = zlib.crc32 ? zlib.crc32(raw) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(raw.length, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(n.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

test('dropped GBK .txt, .html and .docx files are decoded in the browser and analyzed', async () => {
  const { context, page, log } = await openPage(env.browser, env.url);
  await rendered(page);
  const file = path.join(corpus, seed(4));
  const text = fs.readFileSync(file, 'utf8');
  const want = cli(file).indicators.length;
  const lines = text.split('\n');

  const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', file]);
  await drop(page, [{ name: 'gbk.txt', bytes: gbk }]);
  assert.equal((await counts(page)).marks, want, 'GBK text');
  assert.match(await page.textContent('#report-text'), /法治政府建设/);

  const html = `<!doctype html><html><head><meta charset="utf-8"><title>t</title><style>p{color:red}</style>
    <script>window.__ran = 1</script></head><body>${lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}
    <script>window.__ran = 2</script></body></html>`;
  await drop(page, [{ name: 'report.html', bytes: Buffer.from(html) }]);
  assert.ok((await counts(page)).marks >= want - 2, 'html text');
  const shown = await page.textContent('#report-text');
  assert.ok(!shown.includes('window.__ran') && !shown.includes('color:red'), 'scripts and styles neither run nor show');
  assert.equal(await page.evaluate(() => window.__ran), undefined);

  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('');
  const docx = zip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`],
  ]);
  await drop(page, [{ name: 'report.docx', bytes: docx }]);
  assert.equal((await counts(page)).marks, want, 'docx text');
  assert.equal(await page.locator('#doc-list li').count(), 4);
  assert.deepEqual(sameOrigin(log.requests, env.origin), []);
  await context.close();
});

test('CSV export holds every indicator, UTF-8 with BOM; JSON and Markdown download', async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await rendered(page);
  const want = cli(sample);
  await page.click('#export-menu summary');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#exp-csv')]);
  const bytes = fs.readFileSync(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  assert.match(lines[0], /^文件,序号,原文,数值,单位/);
  assert.equal(lines.length, want.indicators.length + 1);
  assert.ok(lines[1].includes(want.indicators[0].text) && lines[1].includes(String(want.indicators[0].value)));
  await page.click('#export-menu summary');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#exp-json')]);
  const result = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(result.schema, 'reportlens/1');
  assert.equal(result.indicators.length, want.indicators.length);
  await page.click('#export-menu summary');
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('#exp-md')]);
  assert.match(fs.readFileSync(await md.path(), 'utf8'), /^# 长春市科学技术局/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#chart-category button')]);
  assert.deepEqual([...fs.readFileSync(await png.path()).subarray(1, 4)], [0x50, 0x4e, 0x47]);
  await context.close();
});

test('a hostile report shows as text and runs nothing', async () => {
  const { context, page, log } = await openRecorded();
  const hostile = [
    '某局2024年度法治政府建设报告',
    '一、主要举措和成效',
    '<script>window.__pwned = "script"</script>全年开展合法性审查20次。',
    '<img src=x onerror="window.__pwned = \'img\'">办结率100%。',
    '<a href="javascript:window.__pwned=\'link\'">点击</a> [链接](javascript:window.__pwned=1)',
    '<iframe src="https://example.com/"></iframe><svg onload="window.__pwned=\'svg\'"></svg>',
    '二、存在的不足和原因', '{{constructor.constructor("window.__pwned=1")()}} ${alert(1)}',
  ].join('\n');
  await paste(page, hostile);
  await drop(page, [{ name: 'hostile.html', bytes: Buffer.from(`<html><body><p>${hostile}</p><img src="https://example.com/x.png"></body></html>`) }]);
  await paste(page, hostile);
  await page.hover('#report-text mark.ind >> nth=0');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const text = await page.textContent('#report-text');
  assert.ok(text.includes('<script>window.__pwned') && text.includes('<img src=x onerror='));
  assert.equal(await page.locator('#report-text img, #report-text script, #report-text a, #report-text iframe, #report-text svg').count(), 0);
  assert.equal(await page.locator('.ind-table tbody tr').count(), await page.locator('#report-text mark.ind').count());
  assert.deepEqual(sameOrigin(log.requests, env.origin), []);
  assert.ok(!log.requests.some((u) => u.endsWith('/x')), 'the img src was never requested');
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('work survives a reload, and the page works offline after the first visit', async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await rendered(page);
  await paste(page, fs.readFileSync(path.join(corpus, seed(2)), 'utf8'));
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Saving is asynchronous: wait until IndexedDB holds both reports and the active one.
  await page.waitForFunction(() => new Promise((resolve) => {
    const req = indexedDB.open('reportlens');
    req.onsuccess = () => {
      const t = req.result.transaction(['docs', 'kv']);
      const docs = t.objectStore('docs').count();
      const state = t.objectStore('kv').get('state');
      t.oncomplete = () => {
        const active = document.querySelector('#doc-list li.active .doc-open');
        resolve(docs.result === 2 && !!state.result && active !== null && state.result.active !== undefined);
        req.result.close();
      };
    };
  }), null, { timeout: 10000 });
  await page.waitForTimeout(400);
  await page.reload();
  await rendered(page);
  assert.equal(await page.locator('#doc-list li').count(), 2);
  assert.equal((await counts(page)).marks, cli(path.join(corpus, seed(2))).indicators.length, 'the active report is restored');
  await context.setOffline(true);
  await page.reload();
  await rendered(page);
  assert.equal(await page.locator('#doc-list li').count(), 2);
  assert.ok((await counts(page)).marks > 0, 'analyzed offline');
  await context.close();
});

test('a batch of 100 files shows progress and the page stays usable', async () => {
  const { context, page, log } = await openPage(env.browser, env.url);
  await rendered(page);
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => window.__progress.push(document.getElementById('progress-text').textContent))
      .observe(document.getElementById('progress-text'), { childList: true, characterData: true, subtree: true });
  });
  const seeds = [0, 1, 2, 3, 4].map((n) => fs.readFileSync(path.join(corpus, seed(n))));
  const files = Array.from({ length: 100 }, (_, i) => ({ name: `batch-${String(i).padStart(3, '0')}.txt`, bytes: seeds[i % 5] }));
  await drop(page, files);
  // While the batch runs, switching to the sample still renders it.
  const before = Number(await page.evaluate(() => document.body.dataset.rendered));
  await page.click('#doc-list li:first-child .doc-open');
  await rendered(page, before);
  await page.waitForFunction(() => document.getElementById('progress').hidden &&
    [...document.querySelectorAll('#doc-list li')].every((li) => li.dataset.status === 'done'), null, { timeout: 120000 });
  assert.equal(await page.locator('#doc-list li').count(), 101);
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.some((t) => /正在分析 \d+ \/ 100/.test(t)), 'progress was shown');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('keyboard: tab reaches a highlight and shows its details; outline buttons move focus to the heading', async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await rendered(page);
  await page.focus('#report-text mark.ind >> nth=1');
  assert.equal(await page.isVisible('#tip'), true);
  assert.match(await page.textContent('#tip'), /标签/);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#tip'), false);
  await page.focus('#outline .ol-item >> nth=0');
  await page.keyboard.press('Enter');
  assert.match(await page.evaluate(() => document.activeElement.id), /^sec-0$/);
  const unlabeled = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea')]
    .filter((el) => !el.hidden && !(el.textContent.trim() || el.getAttribute('aria-label') || el.labels?.length)).length);
  assert.equal(unlabeled, 0, 'every control has a name');
  await context.close();
});

test('typing in the editor re-analyzes after a short pause', async () => {
  const { context, page } = await openPage(env.browser, env.url);
  await rendered(page);
  await page.click('#btn-new');
  assert.equal(await page.isVisible('#editor'), true);
  const before = Number(await page.evaluate(() => document.body.dataset.rendered));
  await page.keyboard.type('一、主要举措和成效\n全年开展合法性审查20次，办结率100%。', { delay: 5 });
  await rendered(page, before);
  await page.click('#mode-read');
  await page.waitForFunction(() => document.querySelectorAll('#report-text mark.ind').length >= 2);
  assert.equal(await page.locator('#doc-list li').count(), 2);
  await context.close();
});
