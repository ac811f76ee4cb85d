// Page side of the analyzer: one Web Worker, requests ({op, args}) answered
// in order with promises: analyze(text) and compare(reports). If the worker
// cannot start (some file:// or CSP setups), the same module runs in the page
// instead. workerUrl() comes from the build: a file next to the bundle, or a
// blob: URL in the single-file build.
import { workerUrl } from 'rl:worker';

let worker = null;
let fallback = null;
let seq = 0;
const pending = new Map();

function startWorker() {
  try {
    const w = new Worker(workerUrl(), { type: 'module' });
    w.onmessage = (e) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.error) p.reject(new Error(e.data.error));
      else p.resolve(e.data.result);
    };
    w.onerror = (e) => {
      e.preventDefault();
      useFallback();
    };
    return w;
  } catch {
    return null;
  }
}

function useFallback() {
  if (worker) worker.terminate();
  worker = null;
  if (!fallback) fallback = import(workerUrl()).then((m) => m.run);
  for (const [id, p] of pending) {
    pending.delete(id);
    fallback.then((run) => run(p.op, p.args)).then(p.resolve, p.reject);
  }
}

function call(op, args) {
  if (!worker && !fallback) worker = startWorker();
  if (!worker) {
    if (!fallback) useFallback();
    return fallback.then((run) => run(op, args));
  }
  const id = ++seq;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, op, args });
    worker.postMessage({ id, op, args });
  });
}

export function analyze(text, options = {}) {
  return call('analyze', [text, options]);
}

// The core's comparison (docs/compare.md) of [{name, result}, …].
export function compare(reports) {
  return call('compare', [reports]);
}
