// Browser test of the <report-lens> custom element: the example page embeds
// it with one script include and a same-origin src, under the page CSP, and
// gets the "analyzed" event; setting the text attribute re-analyzes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openPage, cli, sample, sameOrigin, useBrowser } from './helpers.mjs';

const env = useBrowser();

test('<report-lens src> analyzes a same-origin report and fires "analyzed"', async () => {
  const { context, page, log } = await openPage(env.browser, `${env.url}example-embed.html`);
  await page.waitForFunction(() => /分析完成/.test(document.getElementById('status').textContent), null, { timeout: 20000 });
  const n = cli(sample).indicators.length;
  const marks = () => page.evaluate(() => document.getElementById('lens').shadowRoot.querySelectorAll('mark.ind').length);
  assert.equal(await marks(), n);
  const count = await page.evaluate(() => new Promise((resolve) => {
    const lens = document.getElementById('lens');
    lens.addEventListener('analyzed', (e) => resolve(e.detail.indicators.length), { once: true });
    lens.setAttribute('text', '一、主要举措和成效\n全年开展合法性审查20次，办结率100%。');
  }));
  assert.equal(count, 2);
  assert.deepEqual(sameOrigin(log.requests, env.origin), []);
  assert.deepEqual(log.errors, []);
  assert.ok(fs.existsSync(new URL('../../dist/report-lens.js', import.meta.url)));
  await context.close();
});
