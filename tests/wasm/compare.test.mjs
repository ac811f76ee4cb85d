// compare() through the WebAssembly module (node --test tests/wasm/): the
// shared corpus compared in Node equals the native golden comparison
// (tests/golden/compare.json), the 长春 reports of 2021 and 2025 are one body,
// and a non-array is a TypeError.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { importVariant, root } from "./helpers.mjs";

const seeds = path.join(root, "../shared/corpus/seeds");
const names = existsSync(seeds) ? ["000_81c6858e8e29d413", "001_2a09b75f5d605777", "002_7c7a822b79e1e6d1",
                                   "003_22acb626d0f6affa", "004_1de54977b1000886"] : [];

test("compare() equals the native golden comparison of the shared corpus", { skip: !names.length && "no ../shared" }, async () => {
  const { ReportLens } = await importVariant("reportlens.mjs");
  const rl = await ReportLens.load();
  const items = names.map((n) => ({ name: `${n}.txt`, result: rl.analyze(readFileSync(path.join(seeds, `${n}.txt`), "utf8")) }));
  const comparison = rl.compare(items);
  const golden = JSON.parse(readFileSync(path.join(root, "tests/golden/compare.json"), "utf8"));
  assert.deepEqual(comparison, golden);
  const body = comparison.bodies.find((b) => b.body === "长春市科学技术局");
  assert.ok(body, "the 2021 and 2025 长春 reports are one body");
  const change = (key) => body.changes.find((c) => c.key === key);
  assert.deepEqual([change("legal_counsel|次").from, change("legal_counsel|次").to], [14, 25]);
  assert.deepEqual([change("tech_contracts|份").from, change("tech_contracts|份").to], [1563, 5795]);
});

test("compare() rejects a non-array with a TypeError", async () => {
  const { ReportLens } = await importVariant("reportlens.mjs");
  const rl = await ReportLens.load();
  assert.throws(() => rl.compare("not an array"), TypeError);
  assert.deepEqual(rl.compare([]).rows, []);
});
