// Browser test of the comparison view: three corpus reports opened through the
// file input are compared by the core (in the worker). The indicator matrix
// matches `reportlens compare` (法律顾问 25 / 14 / gap), sorts by a report
// column, the parts matrix, the bar chart, the same-body line charts of the
// two 长春 reports (2021 → 2025), chart PNG and matrix CSV (= the CLI's CSV),
// the same without a worker (in-page fallback);
// screenshots at 1280×800 (whole page) and 390×844 (the view's top).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openPage, rendered, corpus, shots, root, useBrowser } from './helpers.mjs';

const env = useBrowser();

const seeds = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().slice(0, 3).map((f) => path.join(corpus, f));
const cliCompare = (format) => execFileSync(path.join(root, 'build/reportlens'), ['compare', ...seeds, '--format', format],
  { maxBuffer: 64 << 20 }).toString();

// Replaces the sample with the three seeds and opens the comparison;
// noWorker: reloads first with Web Workers unavailable (the in-page fallback).
async function openComparison(viewport, { noWorker = false } = {}) {
  const { context, page, log } = await openPage(env.browser, env.url, viewport);
  await rendered(page);
  if (noWorker) {
    await page.addInitScript(() => { window.Worker = undefined; });
    await page.reload();
    await rendered(page);
  }
  await page.click('#doc-list li .doc-del');
  await page.setInputFiles('#file-input', seeds);
  await page.waitForFunction(() => {
    const li = [...document.querySelectorAll('#doc-list li')];
    return li.length === 3 && li.every((x) => x.dataset.status === 'done');
  }, null, { timeout: 30000 });
  await page.click('#tab-compare');
  await page.waitForSelector('#view-compare .cmp-matrix tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('#view-compare .chart canvas').length >= 2);
  return { context, page, log };
}

const matrix = (page) => page.evaluate(() => [...document.querySelectorAll('#view-compare .cmp-matrix tbody tr')].map((tr) => ({
  key: tr.dataset.key,
  cells: [...tr.querySelectorAll('td[data-report]')].map((td) => ({ text: td.textContent.trim(), gap: td.classList.contains('gap') })),
})));

test('the comparison view shows the core comparison of three corpus reports', async () => {
  const expected = JSON.parse(cliCompare('json'));
  const { context, page, log } = await openComparison({ width: 1280, height: 800 });

  // Indicator matrix: the CLI's rows, values where the CLI has a cell, empty cells where it has none.
  const rows = await matrix(page);
  assert.deepEqual(rows.map((r) => r.key), expected.rows.map((r) => r.key));
  rows.forEach((r, k) => r.cells.forEach((c, i) => {
    const want = expected.rows[k].cells[i];
    assert.equal(c.gap, want === null, `${r.key} report ${i}`);
    if (want === null) assert.equal(c.text, '');
    else assert.notEqual(c.text, '');
  }));
  const counsel = rows.find((r) => r.key === 'legal_counsel|次');
  assert.deepEqual(counsel.cells.map((c) => c.text), ['25', '14', '']);
  assert.match(await page.textContent('#view-compare tr[data-key="legal_counsel|次"] th'), /法律顾问/);
  assert.equal(await page.textContent('#view-compare tr[data-key="legal_counsel|次"] td.grp'), '依法决策');

  // Sorting by the 2021 report's column (keyboard): largest first, gaps last, then reversed.
  const col = page.locator('#view-compare .cmp-matrix thead button[data-sort="c1"]');
  await col.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#view-compare .cmp-matrix thead th:has(button[data-sort="c1"])', 'aria-sort'), 'descending');
  const sorted = await matrix(page);
  const v = (c) => (c.total ?? c.values[0]);
  const largest = expected.rows.filter((r) => r.cells[1]).reduce((a, b) => (v(b.cells[1]) > v(a.cells[1]) ? b : a));
  assert.equal(sorted[0].key, largest.key);
  assert.ok(sorted.at(-1).cells[1].gap, 'gaps sort last');
  const firstGap = sorted.findIndex((r) => r.cells[1].gap);
  assert.ok(sorted.slice(firstGap).every((r) => r.cells[1].gap));
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#view-compare .cmp-matrix thead th:has(button[data-sort="c1"])', 'aria-sort'), 'ascending');
  await page.keyboard.press('Enter');
  assert.deepEqual((await matrix(page)).map((r) => r.key), expected.rows.map((r) => r.key), 'third press restores the order');

  // Parts matrix.
  const parts = await page.evaluate(() => [...document.querySelectorAll('#view-compare .parts tbody tr')].map((tr) => ({
    part: tr.dataset.part, cells: [...tr.querySelectorAll('td')].map((td) => td.className),
  })));
  assert.deepEqual(parts.map((p) => p.part), expected.parts.map((p) => p.part));
  parts.forEach((p, k) => assert.deepEqual(p.cells.map((c) => c === 'has'), expected.parts[k].present));

  // Overview: density and shortcomings side by side.
  const overview = await page.textContent('#view-compare .cmp-overview');
  for (const r of expected.reports) {
    assert.ok(overview.includes(`${r.density_per_1000} 项/千字`), `density of ${r.name}`);
    assert.ok(overview.includes(`${r.shortcomings.share_percent}%`), `shortcomings share of ${r.name}`);
  }

  // Same body, two years: a line chart per changed indicator.
  const body = page.locator('#view-compare .cmp-body[data-body="长春市科学技术局"]');
  assert.equal(await body.count(), 1);
  assert.match(await body.locator('h2').textContent(), /2021–2025/);
  const captions = await body.locator('figcaption').allTextContents();
  assert.ok(captions.some((c) => /法律顾问/.test(c) && /14 → 25/.test(c)), captions.join(' | '));
  assert.ok(captions.some((c) => /技术合同/.test(c) && /1563 → 5795/.test(c)), captions.join(' | '));
  assert.ok(await body.locator('.chart canvas').count() >= 2);
  assert.equal(await page.locator('#view-compare .cmp-body').count(), expected.bodies.length);

  // Exports: the first chart as PNG, the matrix as CSV identical to the CLI's.
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#view-compare figcaption button').first().click()]);
  assert.deepEqual([...fs.readFileSync(await png.path()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const [csv] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: '导出对比矩阵 CSV' }).click()]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'UTF-8 with BOM');
  assert.ok(text.includes('法律顾问与公职律师,legal_counsel,次,25,14,\r\n'));
  assert.equal(text, cliCompare('csv'));

  await page.waitForSelector('#toast', { state: 'hidden' });
  await page.screenshot({ path: path.join(shots, 'compare-1280x800.png'), fullPage: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the comparison view works at phone width', async () => {
  const { context, page, log } = await openComparison({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling of the page (${overflow}px)`);
  assert.equal(await page.locator('#view-compare .cmp-body .chart canvas').count() >= 2, true);
  await page.waitForSelector('#toast', { state: 'hidden' });
  await page.evaluate(() => document.querySelector('#view-compare .cmp-head').scrollIntoView());
  await page.screenshot({ path: path.join(shots, 'compare-390x844.png') });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('without a Web Worker the comparison runs in the page, with the same matrix', async () => {
  const expected = JSON.parse(cliCompare('json'));
  const { context, page, log } = await openComparison({ width: 1280, height: 800 }, { noWorker: true });
  assert.equal(await page.evaluate(() => typeof window.Worker), 'undefined');
  assert.deepEqual((await matrix(page)).map((r) => r.key), expected.rows.map((r) => r.key));
  assert.equal(await page.locator('#view-compare .cmp-body').count(), 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});
