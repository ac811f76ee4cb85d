// The WebAssembly module in Node (node --test tests/wasm/): both variants give
// the native CLI's JSON byte for byte on every corpus report and on
// characters of every UTF-8 length (and analyze()'s objects, built from the
// result tape, equal it with the keys in order), reject
// non-strings with a TypeError, keep UTF-16 offsets right across lone
// surrogates, report oversized input, and survive an aborted instance.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { corpusFiles, importVariant, nativeJson, nativeVersion } from "./helpers.mjs";

const variants = ["reportlens.mjs", "reportlens.single.mjs"];
const tmp = mkdtempSync(path.join(tmpdir(), "reportlens-wasm-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));

const load = async (variant) => (await importVariant(variant)).ReportLens.load();
const read = (file) => readFileSync(file, "utf8");

test("the corpus is there", () => {
  assert.ok(corpusFiles.length > 0, "no corpus reports found");
});

for (const variant of variants) {
  test(`${variant}: version() is the native CLI's`, async () => {
    const rl = await load(variant);
    assert.equal(rl.version(), nativeVersion());
  });

  test(`${variant}: every corpus report gives the native CLI's JSON, byte for byte`, async (t) => {
    const rl = await load(variant);
    for (const file of corpusFiles) {
      await t.test(path.basename(file), () => {
        const json = rl.analyzeJson(read(file));
        assert.equal(json, nativeJson(file));
        const result = rl.analyze(read(file));   // built from the tape, not from this JSON
        assert.deepEqual(result, JSON.parse(json));
        assert.equal(JSON.stringify(result), json, "the same keys in the same order");
      });
    }
  });
}

test("characters of one to four UTF-8 bytes, and escapes, cross back as the CLI writes them", async () => {
  // The result crosses as UTF-16 (wasm/bindings.cpp): surrogate pairs, Latin-1
  // and CJK Extension A/B characters in titles, quotes and a backslash.
  const text = "某市司法局2023年度法治政府建设情况报告😀\n" +
               "一、推进𠀀法治政府建设 café ×2 °C 𝟘 \"引号\" \\反斜杠\n" +
               "（一）完善制度㐀体系 ñ 𩸽鱼\n" +
               "全年办理行政复议案件12件，同比增长3.5%，涉及金额2.75万元🎉。\n" +
               "二、存在的不足\n";
  const file = path.join(tmp, "mixed.txt");
  writeFileSync(file, text);
  const native = nativeJson(file);
  assert.match(native, /😀.*𠀀.*café.*\\"引号\\" \\\\反斜杠.*𩸽/s);
  for (const variant of variants) {
    const rl = await load(variant);
    assert.equal(rl.analyzeJson(text), native);
    assert.deepEqual(rl.analyze(text), JSON.parse(native));
  }
});

test("a non-string text throws a TypeError that names what was given", async () => {
  const rl = await load("reportlens.mjs");
  for (const [value, name] of [[42, "number"], [null, "null"], [undefined, "undefined"], [{}, "Object"],
                               [["一、"], "Array"], [new Uint8Array(3), "Uint8Array"], [new String("一、"), "String"]]) {
    assert.throws(() => rl.analyze(value), { name: "TypeError", message: new RegExp(`text must be a string, got ${name}`) });
    assert.throws(() => rl.analyzeJson(value), TypeError);
  }
  assert.throws(() => rl.analyze("一、", "pretty"), { name: "TypeError", message: /options must be an object, got string/ });
});

test("bad text is a diagnostic, not an exception", async () => {
  const rl = await load("reportlens.mjs");
  assert.ok(rl.analyze("").diagnostics.some((d) => d.code === "empty_input" && d.severity === "error"));
  assert.ok(rl.analyze("一、总体情况", { max_input_bytes: "many" }).schema === "reportlens/1");
});

test("lone surrogates read as U+FFFD and keep every offset in place", async () => {
  const rl = await load("reportlens.mjs");
  const text = read(corpusFiles[0]);
  const at = text.indexOf("\n", text.length >> 1) + 1;
  // A lone high surrogate before a CJK character (the unit Embind's own
  // conversion swallows), a lone low surrogate, and a valid pair.
  const withLone = `\uD800法治\n${text.slice(0, at)}\uDC00${text.slice(at)}😀`;
  const withReplacement = `\uFFFD法治\n${text.slice(0, at)}\uFFFD${text.slice(at)}😀`;
  const json = rl.analyzeJson(withLone);
  assert.equal(json, rl.analyzeJson(withReplacement));
  const file = path.join(tmp, "replacement.txt");
  writeFileSync(file, withReplacement);
  assert.equal(json, nativeJson(file));
  for (const section of JSON.parse(json).sections) {
    const [s, e] = section.title_span;
    assert.ok(withLone.slice(s, e).includes(section.title.slice(0, 2)), `${section.title} at [${s}, ${e})`);
  }
});

test("oversized input returns the size diagnostic, as the CLI does", async () => {
  const rl = await load("reportlens.mjs");
  const small = rl.analyze("一、总体情况\n".repeat(20000), { max_input_bytes: 1 << 16 });
  assert.ok(small.diagnostics.some((d) => d.code === "input_too_large" && d.severity === "error"));

  // Just over the default 32 MiB, in lines that yield a small result.
  const line = "推进法治政府建设，依法行政。\n";
  const big = line.repeat(Math.ceil((33 << 20) / Buffer.byteLength(line)));
  const file = path.join(tmp, "big.txt");
  writeFileSync(file, big);
  const json = rl.analyzeJson(big);
  assert.ok(JSON.parse(json).diagnostics.some((d) => d.code === "input_too_large"));
  assert.equal(json, nativeJson(file));
});

test("after an abort the wrapper reports an error and the next call runs on a fresh instance", async () => {
  const rl = await load("reportlens.mjs");
  const text = read(corpusFiles[0]);
  const before = rl.analyzeJson(text);
  for (let round = 0; round < 2; ++round) {
    assert.throws(() => rl._abortForTesting(), { name: "ReportLensError", message: /aborted/ });
    assert.equal(rl.analyzeJson(text), before);
    await new Promise((resolve) => setTimeout(resolve, 500));  // the next spare instance
  }
});

test("worker() asks for a browser in Node", async () => {
  const { ReportLens } = await importVariant("reportlens.mjs");
  await assert.rejects(ReportLens.worker(), { name: "ReportLensError", message: /Web Workers/ });
});
