// The analysis Web Worker: loads the WebAssembly analyzer once and answers
// {id, op, args} with {id, result, ms}; op is "analyze" (text, options) or
// "compare" ([{name, result}, …]). Imported as a module in the page too, as
// the fallback where a worker cannot start.
import { ReportLens } from 'reportlens-wasm';

let ready = null;

const OPS = {
  analyze: (rl, text, options) => rl.analyze(text, options || {}),
  compare: (rl, reports) => {
    const c = rl.compare(reports);
    if (c.error) throw new Error(c.error);
    return c;
  },
};

export function run(op, args) {
  if (!OPS[op]) return Promise.reject(new Error(`unknown operation: ${op}`));
  if (!ready) ready = ReportLens.load();
  return ready.then((rl) => OPS[op](rl, ...args));
}

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.onmessage = async (e) => {
    const { id, op, args } = e.data;
    const t0 = performance.now();
    try {
      const result = await run(op, args);
      self.postMessage({ id, result, ms: performance.now() - t0 });
    } catch (err) {
      self.postMessage({ id, error: String((err && err.message) || err) });
    }
  };
}
