// Native benchmark: per-stage time and end-to-end time (analyze_to_json, the
// result's teardown included) over the corpus, medians of repeated runs, MB/s
// from the end-to-end time (each repeat a pass over the reports in turn), the
// end-to-end time with each report analysed back to back instead (the speed
// of a CPU that has learnt the report's branches, which no user sees), and a
// scaled input (the corpus concatenated N
// times; past the input limit the limit is raised for that run) showing how
// time and peak memory grow: each scale is analysed U times untimed (2), then
// timed over as much text as scale T holds (the largest scale unless
// --scale-text gives it; at least N runs), so that every scale's time per MB
// is an average over the same amount of work. Prints a table; asserts nothing.
// Built natively (build/reportlens_bench) and, for the same figures of the
// WebAssembly core, for Node (build-wasm/wasm/reportlens_bench.cjs, see
// wasm/CMakeLists.txt), where the peak memory is the module's linear memory.
// --warmup-ms M first analyses the corpus for M ms: in Node, V8 compiles the
// WebAssembly with a quick compiler first and each function with its
// optimizing one only once it is hot.
// usage: reportlens_bench [--scale 1,10,100,1000] [--scale-runs N] [--scale-text T] [--untimed-runs U] [--repeat N] [--warmup-ms M] FILE...
#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "checks.h"
#include "decode.h"
#include "headings.h"
#include "indicators.h"
#include "json.h"
#include "meta.h"
#include "normalize.h"
#include "parts.h"
#include "report.h"
#include "segment.h"
#include "zero_claims.h"

using namespace reportlens;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct StageTimes {
  double decode = 0, normalize = 0, segment = 0, headings = 0, meta = 0, indicators = 0, checks = 0, json = 0;
  double total() const { return decode + normalize + segment + headings + meta + indicators + checks + json; }
};

StageTimes run_stages(const std::string& bytes) {
  StageTimes st;
  Result r;
  auto t = Clock::now();
  Decoded d = decode(bytes, Options{}.max_input_bytes, r.diagnostics);
  st.decode = ms_since(t);
  t = Clock::now();
  NormText n = normalize(d, r.diagnostics);
  st.normalize = ms_since(t);
  t = Clock::now();
  Segmented seg = segment(std::move(n), r.diagnostics);
  st.segment = ms_since(t);
  t = Clock::now();
  r.sections = find_headings(seg, d.chars, r.diagnostics);
  assign_parts(r.sections);
  r.missing_parts = missing_parts(r.sections);
  st.headings = ms_since(t);
  t = Clock::now();
  r.meta = find_meta(seg, r.sections, d.chars);
  st.meta = ms_since(t);
  t = Clock::now();
  IndicatorScan scan = find_indicators(seg, r.sections, d.chars);
  r.indicators = std::move(scan.indicators);
  r.zero_claims = find_zero_claims(seg, r.sections, d.chars);
  st.indicators = ms_since(t);
  t = Clock::now();
  run_checks(r, seg);
  st.checks = ms_since(t);
  t = Clock::now();
  std::string json = to_json(r, false);
  st.json = ms_since(t);
  return st;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// analyze_to_json as a caller sees it, in ms: the result's teardown included
double end_to_end_ms(const std::string& text) {
  auto t = Clock::now();
  std::string json = analyze_to_json(text, "");
  return ms_since(t);
}

// What measure(text) returned for each report, `repeat` calls a report:
// in turn (each pass calls it once a report, as a user's sequence of reports
// is), or back to back (a report's calls one after another).
enum class Order { in_turn, back_to_back };
template <class Measure>
auto runs_by_report(const std::vector<std::string>& texts, int repeat, Order order, Measure measure) {
  std::vector<std::vector<decltype(measure(texts[0]))>> runs(texts.size());
  if (order == Order::back_to_back) {
    for (size_t k = 0; k < texts.size(); ++k)
      for (int i = 0; i < repeat; ++i) runs[k].push_back(measure(texts[k]));
  } else {
    for (int i = 0; i < repeat; ++i)
      for (size_t k = 0; k < texts.size(); ++k) runs[k].push_back(measure(texts[k]));
  }
  return runs;
}

#ifdef __EMSCRIPTEN__
constexpr const char* kBuild = "WebAssembly";
constexpr const char* kPeakMemory = "peak mem MB";
long peak_memory_kb() { return static_cast<long>(emscripten_get_heap_size() / 1024); }   // it only grows
#else
constexpr const char* kBuild = "native";
constexpr const char* kPeakMemory = "peak RSS MB";
long peak_memory_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}
#endif

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> scales = {1, 10, 100, 1000};
  int repeat = 30;
  int scale_runs = 1;
  int scale_text = 0;   // 0: the largest scale
  // Untimed analyses of each scale before its timed ones: the first runs at a
  // size grow the heap and settle where its largest blocks go (as WebAssembly
  // at 1000x, the two runs after a first one averaged 22% longer than the four
  // after them, touching memory afresh). tools/bench-peers/bench.mjs passes
  // the count it uses for the module.
  int untimed_runs = 2;
  double warmup_ms = 0;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) repeat = std::stoi(argv[++i]);
    else if (a == "--scale-runs" && i + 1 < argc) scale_runs = std::max(1, std::stoi(argv[++i]));
    else if (a == "--scale-text" && i + 1 < argc) scale_text = std::max(1, std::stoi(argv[++i]));
    else if (a == "--untimed-runs" && i + 1 < argc) untimed_runs = std::max(0, std::stoi(argv[++i]));
    else if (a == "--warmup-ms" && i + 1 < argc) warmup_ms = std::stod(argv[++i]);
    else if (a == "--scale" && i + 1 < argc) {
      scales.clear();
      std::string s = argv[++i];
      for (size_t p = 0; p < s.size();) {
        size_t c = s.find(',', p);
        if (c == std::string::npos) c = s.size();
        scales.push_back(std::stoi(s.substr(p, c - p)));
        p = c + 1;
      }
    } else if (a.rfind("--", 0) == 0) {
      files.clear();   // an unknown option (--help among them): the usage below
      break;
    } else files.push_back(a);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: reportlens_bench [--scale 1,10,100] [--scale-runs N] [--scale-text T] [--untimed-runs U] [--repeat N] [--warmup-ms M] FILE...\n");
    return 2;
  }
  if (!scale_text && !scales.empty()) scale_text = *std::max_element(scales.begin(), scales.end());
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {   // a bench of nothing would print a table of zeros
      std::fprintf(stderr, "reportlens_bench: cannot read %s\n", f.c_str());
      return 2;
    }
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes += texts.back().size();
  }
  for (const auto& t : texts) run_stages(t);   // warm-up (data tables load once)
  for (auto start = Clock::now(); ms_since(start) < warmup_ms;)
    for (const auto& t : texts) analyze_to_json(t, "");
  std::printf("%s, %zu reports, %zu bytes, median of %d runs\n\n", kBuild, texts.size(), bytes, repeat);
  std::printf("%-32s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s %8s\n", "report", "decode", "normal.", "segment", "heading",
              "meta", "indic.", "checks", "json", "stages ms", "e2e ms", "MB/s");
  // Each repeat analyses every report once, in turn, as a user's sequence of
  // reports is; back to back, the CPU has learnt the report's branches and
  // data from the run before, a speed no user sees (printed for comparison).
  const auto stage_runs = runs_by_report(texts, repeat, Order::in_turn, run_stages);
  const auto e2e_runs = runs_by_report(texts, repeat, Order::in_turn, end_to_end_ms);
  const auto back_to_back_runs = runs_by_report(texts, repeat, Order::back_to_back, end_to_end_ms);
  double sum = 0, back_to_back_sum = 0;
  for (size_t k = 0; k < texts.size(); ++k) {
    const std::vector<StageTimes>& runs = stage_runs[k];
    auto med = [&](double StageTimes::*m) { std::vector<double> v; for (auto& r : runs) v.push_back(r.*m); return median(v); };
    std::vector<double> totals;
    for (auto& r : runs) totals.push_back(r.total());
    const double total = median(e2e_runs[k]);
    sum += total;
    back_to_back_sum += median(back_to_back_runs[k]);
    std::string name = files[k].substr(files[k].find_last_of('/') + 1);
    std::printf("%-32.32s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %8.1f\n", name.c_str(),
                med(&StageTimes::decode), med(&StageTimes::normalize), med(&StageTimes::segment), med(&StageTimes::headings),
                med(&StageTimes::meta), med(&StageTimes::indicators), med(&StageTimes::checks), med(&StageTimes::json),
                median(totals), total, texts[k].size() / 1e6 / (total / 1000));
  }
  std::printf("\ncorpus end to end: %.3f ms for %zu bytes = %.1f MB/s\n", sum, bytes, bytes / 1e6 / (sum / 1000));
  std::printf("corpus back to back: %.3f ms (each report's %d analyses one after another)\n\n", back_to_back_sum, repeat);
  std::string corpus;
  for (const auto& t : texts) corpus += t + "\n";
  std::printf("%-8s %12s %12s %10s %14s\n", "scale", "bytes", "ms", "MB/s", kPeakMemory);
  for (int s : scales) {
    std::string big;
    big.reserve(corpus.size() * s);
    for (int i = 0; i < s; ++i) big += corpus;
    // past the default input limit, the limit is raised for this run so the growth can be measured
    std::string options;
    if (big.size() > Options{}.max_input_bytes) options = "{\"max_input_bytes\": " + std::to_string(big.size()) + "}";
    for (int run = 0; run < untimed_runs; ++run) analyze_to_json(big, options);
    const int runs = std::max(scale_runs, (scale_text + s / 2) / s);
    auto t = Clock::now();
    for (int run = 0; run < runs; ++run) analyze_to_json(big, options);
    double ms = ms_since(t) / runs;
    std::printf("%-8d %12zu %12.1f %10.1f %14.1f%s\n", s, big.size(), ms, big.size() / 1e6 / (ms / 1000), peak_memory_kb() / 1024.0,
                options.empty() ? "" : "   (input limit raised for this run)");
  }
  return 0;
}
