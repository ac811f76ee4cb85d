// Shared by the tests of the WebAssembly module: where the built module, the
// native CLI and the corpus are, and the CLI's JSON for a file.
// Overrides: REPORTLENS_WASM_DIST, REPORTLENS_CLI, REPORTLENS_CORPUS (dirs, ':'-separated).
import { existsSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const distDir = process.env.REPORTLENS_WASM_DIST ?? path.join(root, "dist/wasm");
export const cli = process.env.REPORTLENS_CLI ?? path.join(root, "build/reportlens");

const corpusDirs = (process.env.REPORTLENS_CORPUS ??
    [path.join(root, "../shared/corpus/seeds"), path.join(root, "tests/corpus/extra/seeds")].join(":")).split(":");

// Every corpus report, as absolute paths in a stable order.
export const corpusFiles = corpusDirs.filter((dir) => existsSync(dir)).flatMap((dir) =>
    readdirSync(dir).filter((name) => name.endsWith(".txt")).sort().map((name) => path.join(dir, name)));

export function importVariant(file) {
  const module = path.join(distDir, file);
  if (!existsSync(module)) throw new Error(`${module} is missing: run bash tools/build-wasm`);
  return import(module);
}

function runCli(args) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build the native CLI (cmake -S . -B build && cmake --build build)`);
  const run = spawnSync(cli, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${cli} ${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

// The native CLI's JSON for a file, without the newline it prints after it.
export const nativeJson = (file) => runCli(["analyze", file, "--format", "json"]).replace(/\n$/, "");

export const nativeVersion = () => runCli(["--version"]).trim();
