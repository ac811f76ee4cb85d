// Types of the ReportLens JavaScript API (reportlens.mjs and, under the name
// reportlens.single.d.ts, reportlens.single.mjs). The result types follow the
// JSON contract in shared/spec/output.md; fields beyond it may appear.

/** `[start, end)` in UTF-16 code units of the text as given: `text.slice(start, end)`. */
export type Span = [number, number];

export type Severity = "info" | "warning" | "error";

export interface Meta {
  title: string | null;
  agency: string | null;
  region: string | null;
  report_year: number | null;
  /** YYYY-MM-DD */
  published: string | null;
  doc_number: string | null;
  [field: string]: unknown;
}

export interface Point {
  marker: string;
  title: string;
  span: Span;
  [field: string]: unknown;
}

export interface Section {
  /** 1 = top */
  level: number;
  /** as normalised: 一、 (一) 1. (1) ① ⑴ */
  marker: string;
  title: string;
  part: "measures" | "shortcomings" | "leadership" | "plans" | "other" | null;
  /** the whole section, heading to its end */
  span: Span;
  title_span: Span;
  points: Point[];
  children: Section[];
  [field: string]: unknown;
}

export interface Indicator {
  /** surface text from the input, e.g. "30余件" */
  text: string;
  span: Span;
  /** 万/亿 folded in; money in 元 */
  value: number;
  unit: string;
  approx: string | null;
  kind: string;
  label: string;
  category: string | null;
  /** index path into `sections` */
  section: number[];
  [field: string]: unknown;
}

export interface Finding {
  id: string;
  severity: Severity;
  /** Chinese, for the page */
  message: string;
  spans: Span[];
  data: Record<string, unknown>;
  [field: string]: unknown;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span | null;
}

export interface AnalysisResult {
  schema: "reportlens/1";
  meta: Meta;
  sections: Section[];
  indicators: Indicator[];
  findings: Finding[];
  diagnostics: Diagnostic[];
  [field: string]: unknown;
}

/** The core's options (core/report.h), as JSON keys. */
export interface AnalyzeOptions {
  /** Longer input is cut here, with an error diagnostic (default 32 MiB of UTF-8). */
  max_input_bytes?: number;
  /** Indented JSON from analyzeJson(). */
  pretty?: boolean;
}

export interface LoadOptions {
  /** Where reportlens.wasm is served from (default: next to reportlens.mjs); a path or file URL in Node. */
  wasmUrl?: string | URL;
  /** The wasm bytes themselves, instead of fetching or reading them. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

export interface WorkerOptions extends LoadOptions {
  /** URL of reportlens.mjs (or reportlens.single.mjs) as served, when the page bundles this module. */
  url?: string | URL;
}

/** One report for compare(): a name for the report and its analysis result. */
export interface CompareItem {
  name: string;
  result: AnalysisResult;
}

/** The comparison (docs/compare.md): reports, parts matrix, aligned indicator rows, same-body changes. */
export interface Comparison {
  schema: "reportlens-compare/1";
  reports: Array<Record<string, unknown>>;
  parts: Array<{ part: string; name: string; present: boolean[] }>;
  rows: Array<{
    key: string; category: string | null; name: string; group: string | null; unit: string; reports: number;
    cells: Array<{ total: number | null; values: number[]; texts: string[] } | null>;
  }>;
  bodies: Array<{ body: string; reports: number[]; changes: Array<Record<string, unknown>> }>;
  [field: string]: unknown;
}

/** One loaded WebAssembly analyzer; every call is synchronous. */
export interface ReportLensInstance {
  /** Throws TypeError if `text` is not a string; bad input yields diagnostics, not exceptions. */
  analyze(text: string, options?: AnalyzeOptions): AnalysisResult;
  /** The same analysis as the exact JSON text the native CLI prints. */
  analyzeJson(text: string, options?: AnalyzeOptions): string;
  /** Throws TypeError if `reports` is not an array. */
  compare(reports: CompareItem[]): Comparison;
  version(): string;
}

/** The same API in a Web Worker; every call returns a promise. */
export interface ReportLensWorker {
  analyze(text: string, options?: AnalyzeOptions): Promise<AnalysisResult>;
  analyzeJson(text: string, options?: AnalyzeOptions): Promise<string>;
  compare(reports: CompareItem[]): Promise<Comparison>;
  version(): Promise<string>;
  terminate(): void;
}

export declare const ReportLens: {
  /** Instantiates the module (in browsers, Node >= 18 and workers). */
  load(options?: LoadOptions): Promise<ReportLensInstance>;
  /** Starts a module Web Worker running the analyzer; resolves once it is loaded. */
  worker(options?: WorkerOptions): Promise<ReportLensWorker>;
};
