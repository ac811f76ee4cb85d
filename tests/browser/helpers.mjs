// Shared by the browser tests: launches Debian's Chromium through
// playwright-core, serves dist/ on a free port with the page's CSP, records
// every request and console error, and knows where the corpus and CLI are.
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../../tools/serve-web.mjs';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const dist = path.join(root, 'dist');
export const shots = path.join(root, 'build', 'screenshots');
export const corpus = path.resolve(root, '../shared/corpus/seeds');
export const sample = path.join(root, 'web/samples/000_81c6858e8e29d413.txt');
fs.mkdirSync(shots, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
}

export async function startServer() {
  return serve({ root: dist, port: 0 });
}

// One Chromium per test file (and, when served, one server of dist/), opened
// before its tests and closed after; the returned object is filled by then.
export function useBrowser({ served = true } = {}) {
  const env = {};
  before(async () => {
    env.browser = await launch();
    if (served) {
      ({ server: env.server, url: env.url } = await startServer());
      env.origin = new URL(env.url).origin;
    }
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

// A fresh context per test: its own storage, so the first visit shows the sample.
export async function openPage(browser, url, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const log = { requests: [], errors: [], csp: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (/Content.Security.Policy/i.test(m.text())) log.csp.push(m.text());
  });
  await page.goto(url);
  return { context, page, log };
}

export async function rendered(page, after = 0) {
  await page.waitForFunction((n) => Number(document.body.dataset.rendered || 0) > n, after, { timeout: 20000 });
  return Number(await page.evaluate(() => document.body.dataset.rendered));
}

// Pastes text the way a user does: a paste event carrying text/plain.
export async function paste(page, text) {
  const before = Number(await page.evaluate(() => document.body.dataset.rendered || 0));
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  return rendered(page, before);
}

// Drops files onto the page: [{name, bytes (Buffer), type}].
export async function drop(page, files) {
  const before = Number(await page.evaluate(() => document.body.dataset.rendered || 0));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, type: f.type || '', b64: Buffer.from(f.bytes).toString('base64') })));
  return rendered(page, before);
}

export function cli(file) {
  const bin = path.join(root, 'build/reportlens');
  return JSON.parse(execFileSync(bin, ['analyze', file, '--format', 'json'], { maxBuffer: 64 << 20 }).toString());
}

export function sameOrigin(urls, origin) {
  return urls.filter((u) => !(u.startsWith(origin) || u.startsWith('blob:') || u.startsWith('data:') || (origin === 'file://' && u.startsWith('file://'))));
}
