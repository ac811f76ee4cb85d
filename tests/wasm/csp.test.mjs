// The module in headless Chromium under a strict CSP (node --test tests/wasm/):
// a local server on 127.0.0.1 sends "script-src 'self' 'wasm-unsafe-eval'"
// with every response; csp_page.mjs loads both variants, in the page and in a
// Web Worker, and must get the native CLI's JSON for a corpus report.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";

import { corpusFiles, distDir, nativeJson, nativeVersion } from "./helpers.mjs";

const chromium = process.env.REPORTLENS_CHROMIUM ?? "/usr/bin/chromium";
const csp = "script-src 'self' 'wasm-unsafe-eval'";
const types = { ".mjs": "text/javascript", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8",
                ".json": "application/json", ".txt": "text/plain; charset=utf-8" };
const page = '<!doctype html><meta charset="utf-8"><title>ReportLens CSP</title><script type="module" src="/page.mjs"></script>';

function serve(report) {
  const routes = {
    "/": [".html", page],
    "/page.mjs": [".mjs", readFileSync(new URL("./csp_page.mjs", import.meta.url))],
    "/report.txt": [".txt", readFileSync(report)],
    "/expected.json": [".json", nativeJson(report)],
  };
  for (const file of ["reportlens.mjs", "reportlens.wasm", "reportlens.single.mjs"]) {
    routes[`/wasm/${file}`] = [path.extname(file), readFileSync(path.join(distDir, file))];
  }
  const server = createServer((request, response) => {
    const route = routes[new URL(request.url, "http://127.0.0.1").pathname];
    response.writeHead(route ? 200 : 404, { "Content-Type": route ? types[route[0]] : "text/plain",
                                            "Content-Security-Policy": csp, "Cache-Control": "no-store" });
    response.end(route ? route[1] : "not found");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("both variants analyze a report in headless Chromium under script-src 'self' 'wasm-unsafe-eval'",
     { skip: !existsSync(chromium) && `${chromium} is missing (apt-get install chromium)`, timeout: 120000 }, async () => {
  const { chromium: launcher } = await import("playwright-core");
  const report = corpusFiles[0];
  const server = await serve(report);
  let browser;
  try {
    browser = await launcher.launch({
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run"],
    });
    const tab = await browser.newPage();
    const log = [];
    tab.on("console", (message) => log.push(message.text()));
    tab.on("pageerror", (error) => log.push(String(error)));
    const response = await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    assert.equal(response.headers()["content-security-policy"], csp);
    await tab.waitForFunction(() => window.reportlensCsp, null, { timeout: 90000 });
    const seen = await tab.evaluate(() => window.reportlensCsp);
    assert.equal(seen.error, undefined, `${seen.error}\n${log.join("\n")}`);
    assert.equal(seen.evalBlocked, true, "the CSP must block new Function");
    const version = nativeVersion();
    assert.deepEqual(seen.steps.map((s) => s.variant), ["reportlens.mjs", "reportlens.single.mjs"]);
    for (const step of seen.steps) {
      assert.deepEqual({ ...step, sections: step.sections > 0 }, {
        variant: step.variant, version, sameJson: true, sections: true, indicators: step.indicators,
        typeError: "TypeError", workerSameJson: true, workerTypeError: "TypeError", workerVersion: version,
      });
    }
    // The only violation allowed is the page's own eval probe.
    assert.deepEqual(seen.violations.filter((v) => !/^script-src(-elem)? eval$/.test(v)), [], log.join("\n"));
  } finally {
    await browser?.close();
    server.closeAllConnections();
    server.close();
  }
});
