// Browser side of csp.test.mjs, served as /page.mjs under
// "Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'": checks that
// the policy holds, then runs both variants directly and in a Web Worker and
// leaves what it saw in window.reportlensCsp.
const seen = { violations: [], steps: [] };
document.addEventListener("securitypolicyviolation", (e) => seen.violations.push(`${e.violatedDirective} ${e.blockedURI}`));

try {
  new Function("return 1");
  seen.evalBlocked = false;
} catch {
  seen.evalBlocked = true;
}

try {
  const [text, expected] = await Promise.all(["/report.txt", "/expected.json"].map((u) => fetch(u).then((r) => r.text())));
  for (const variant of ["reportlens.mjs", "reportlens.single.mjs"]) {
    const { ReportLens } = await import(`/wasm/${variant}`);
    const rl = await ReportLens.load();
    const result = rl.analyze(text);
    let typeError = null;
    try { rl.analyze(42); } catch (e) { typeError = e.name; }
    const worker = await ReportLens.worker();
    const workerJson = await worker.analyzeJson(text);
    const workerTypeError = await worker.analyze(null).then(() => null, (e) => e.name);
    const workerVersion = await worker.version();
    worker.terminate();
    seen.steps.push({
      variant, version: rl.version(), sameJson: rl.analyzeJson(text) === expected,
      sections: result.sections.length, indicators: result.indicators.length, typeError,
      workerSameJson: workerJson === expected, workerTypeError, workerVersion,
    });
  }
} catch (e) {
  seen.error = String(e?.stack ?? e);
}
window.reportlensCsp = seen;
