// Browser test of dist/reportlens.html opened from file:// with no server: the
// sample is analyzed on first open, a pasted corpus report gets one highlight
// per CLI indicator, and no request goes anywhere but the file itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, rendered, paste, cli, corpus, dist, sample, sameOrigin, useBrowser } from './helpers.mjs';

const env = useBrowser({ served: false });

test('the single file works from disk, offline', async () => {
  const file = path.join(dist, 'reportlens.html');
  assert.ok(fs.statSync(file).size > 100000, 'wasm inlined');
  const { context, page, log } = await openPage(env.browser, `file://${file}`);
  await rendered(page);
  assert.equal(await page.locator('#report-text mark.ind').count(), cli(sample).indicators.length);
  const seed = path.join(corpus, fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[3]);
  await paste(page, fs.readFileSync(seed, 'utf8'));
  const n = cli(seed).indicators.length;
  assert.equal(await page.locator('#report-text mark.ind').count(), n);
  assert.equal(await page.locator('.ind-table tbody tr').count(), n);
  assert.ok(await page.locator('#charts canvas').count() >= 2);
  assert.deepEqual(sameOrigin(log.requests, 'file://'), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
