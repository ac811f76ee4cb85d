// A U+FEFF that starts a JavaScript string is text as given: spans count it,
// so text.slice(span) is still the indicator and the title (node --test tests/wasm/).
import { test } from "node:test";
import assert from "node:assert/strict";

import { importVariant } from "./helpers.mjs";

test("a U+FEFF at the start of a JavaScript string keeps its offset", async () => {
  const { ReportLens } = await importVariant("reportlens.mjs");
  const rl = await ReportLens.load();
  const text = "\uFEFF长春市科学技术局2025年度法治政府建设报告\n一、主要举措和成效\n全年开展合法性审查20次。";
  const result = rl.analyze(text);
  for (const x of result.indicators) assert.equal(text.slice(...x.span), x.text);
  assert.equal(text.slice(...result.meta.title_span), result.meta.title);
});
