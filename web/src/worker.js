// The analysis Web Worker: loads the WebAssembly analyzer once and answers
// {id, text, options} with {id, result, ms}. Imported as a module in the page
// too, as the fallback where a worker cannot start.
import { ReportLens } from 'reportlens-wasm';

let ready = null;

export function analyze(text, options) {
  if (!ready) ready = ReportLens.load();
  return ready.then((rl) => rl.analyze(text, options || {}));
}

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.onmessage = async (e) => {
    const { id, text, options } = e.data;
    const t0 = performance.now();
    try {
      const result = await analyze(text, options);
      self.postMessage({ id, result, ms: performance.now() - t0 });
    } catch (err) {
      self.postMessage({ id, error: String((err && err.message) || err) });
    }
  };
}
