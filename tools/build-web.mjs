// Bundles the page (web/) with esbuild into dist/: index.html + assets/ +
// sw.js (served build), reportlens.html (one self-contained file, wasm
// inlined), report-lens.js (the custom element) and example-embed.html.
// Run by tools/build-web after dist/wasm exists.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const web = path.join(root, 'web');
const dist = path.join(root, 'dist');
const assets = path.join(dist, 'assets');
fs.mkdirSync(assets, { recursive: true });

const common = {
  bundle: true, format: 'esm', minify: true, target: 'es2022', legalComments: 'none', logLevel: 'warning',
  loader: { '.txt': 'text', '.json': 'json' }, charset: 'utf8',
};

// The worker module, resolved to the ES-module or the single-file (inlined) wasm build.
const wasmAlias = (file) => ({ alias: { 'reportlens-wasm': path.join(dist, 'wasm', file) } });

// "rl:worker" tells engine.js where the worker code lives in each build.
const workerPlugin = (source) => ({
  name: 'rl-worker',
  setup(b) {
    b.onResolve({ filter: /^rl:worker$/ }, () => ({ path: 'rl-worker', namespace: 'rl' }));
    b.onLoad({ filter: /.*/, namespace: 'rl' }, () => ({ contents: source, loader: 'js' }));
  },
});

await esbuild.build({
  ...common, ...wasmAlias('reportlens.mjs'), entryPoints: [path.join(web, 'src/worker.js')],
  outfile: path.join(assets, 'worker.js'),
});
fs.copyFileSync(path.join(dist, 'wasm', 'reportlens.wasm'), path.join(assets, 'reportlens.wasm'));

const single = await esbuild.build({
  ...common, ...wasmAlias('reportlens.single.mjs'), entryPoints: [path.join(web, 'src/worker.js')], write: false,
});
const singleWorker = single.outputFiles[0].text;

const urlNextTo = (rel) => `export const workerUrl = () => new URL(${JSON.stringify(rel)}, import.meta.url).href;`;
await esbuild.build({
  ...common, entryPoints: [path.join(web, 'src/main.js')], outfile: path.join(assets, 'app.js'),
  define: { SINGLE_FILE: 'false' }, plugins: [workerPlugin(urlNextTo('./worker.js'))],
});
await esbuild.build({
  ...common, entryPoints: [path.join(web, 'src/embed.js')], outfile: path.join(dist, 'report-lens.js'),
  define: { SINGLE_FILE: 'false' }, plugins: [workerPlugin(urlNextTo('./assets/worker.js'))],
});
await esbuild.build({ ...common, entryPoints: [path.join(web, 'src/example-embed.js')], outfile: path.join(assets, 'example-embed.js') });
await esbuild.build({ ...common, entryPoints: [path.join(web, 'styles.css')], outfile: path.join(assets, 'app.css') });
fs.copyFileSync(path.join(web, 'icon.svg'), path.join(assets, 'icon.svg'));

const singleApp = await esbuild.build({
  ...common, entryPoints: [path.join(web, 'src/main.js')], write: false, define: { SINGLE_FILE: 'true' },
  plugins: [workerPlugin(`const src = ${JSON.stringify(singleWorker)}; let url = null;
export const workerUrl = () => url || (url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));`)],
});

const html = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
fs.writeFileSync(path.join(dist, 'index.html'), html);

// Single file: CSS and JS inline; "</script" and "<!--" cannot end or confuse the inline script.
const inlineJs = singleApp.outputFiles[0].text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
const css = fs.readFileSync(path.join(assets, 'app.css'), 'utf8');
const icon = `data:image/svg+xml;base64,${fs.readFileSync(path.join(web, 'icon.svg')).toString('base64')}`;
const singleHtml = html
  .replace('<link rel="icon" href="assets/icon.svg" type="image/svg+xml">', `<link rel="icon" href="${icon}" type="image/svg+xml">`)
  .replace('<link rel="stylesheet" href="assets/app.css">', () => `<style>${css}</style>`)
  .replace('<script type="module" src="assets/app.js"></script>', () => `<script type="module">${inlineJs}</script>`);
if (singleHtml === html) throw new Error('web/index.html no longer has the expected link and script tags');
fs.writeFileSync(path.join(dist, 'reportlens.html'), singleHtml);

// Service worker: the asset list and a version taken from their contents.
const files = ['index.html', 'assets/app.js', 'assets/app.css', 'assets/worker.js', 'assets/reportlens.wasm', 'assets/icon.svg'];
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(fs.readFileSync(path.join(dist, f)));
const sw = fs.readFileSync(path.join(web, 'src/sw.js'), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(hash.digest('hex').slice(0, 12)))
  .replace('__ASSETS__', JSON.stringify(['./', ...files]));
fs.writeFileSync(path.join(dist, 'sw.js'), sw);

fs.copyFileSync(path.join(web, 'example-embed.html'), path.join(dist, 'example-embed.html'));
fs.mkdirSync(path.join(dist, 'samples'), { recursive: true });
for (const f of fs.readdirSync(path.join(web, 'samples'))) fs.copyFileSync(path.join(web, 'samples', f), path.join(dist, 'samples', f));

const kb = (f) => `${(fs.statSync(path.join(dist, f)).size / 1024).toFixed(0)} KB`;
for (const f of ['reportlens.html', 'assets/app.js', 'assets/worker.js', 'assets/reportlens.wasm', 'assets/app.css', 'report-lens.js']) {
  console.log(`build-web: dist/${f} ${kb(f)}`);
}
