// Page side of the analyzer: one Web Worker, requests answered in order with
// promises. If the worker cannot start (some file:// or CSP setups), the same
// module runs in the page instead. workerUrl() comes from the build: a file
// next to the bundle, or a blob: URL in the single-file build.
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
  if (!fallback) fallback = import(workerUrl()).then((m) => m.analyze);
  for (const [id, p] of pending) {
    pending.delete(id);
    fallback.then((fn) => fn(p.text, p.options)).then(p.resolve, p.reject);
  }
}

export function analyze(text, options = {}) {
  if (!worker && !fallback) worker = startWorker();
  if (!worker) {
    if (!fallback) useFallback();
    return fallback.then((fn) => fn(text, options));
  }
  const id = ++seq;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, text, options });
    worker.postMessage({ id, text, options });
  });
}
