// Embind entry points of the WebAssembly module: one coarse call per document
// (UTF-8 text and options JSON in, result JSON out), one per comparison, and
// the core's version.
// Only strings cross the boundary, so JavaScript has nothing to free.
#include <emscripten/bind.h>

#include <cstdlib>
#include <string>

#include "compare.h"
#include "report.h"

namespace {

std::string analyze(const std::string& input, const std::string& options_json) {
  return reportlens::analyze_to_json(input, options_json);
}

// Several results side by side: a JSON array of {name, result} in, the
// comparison JSON (docs/compare.md) out.
std::string compare(const std::string& reports_json) { return reportlens::compare_json_to_json(reports_json, false); }

std::string version() { return reportlens::version(); }

// Lets tests/wasm check that the wrapper survives an aborted instance.
void abort_for_testing() { std::abort(); }

}  // namespace

EMSCRIPTEN_BINDINGS(reportlens) {
  emscripten::function("analyze", &analyze);
  emscripten::function("compare", &compare);
  emscripten::function("version", &version);
  emscripten::function("abort_for_testing", &abort_for_testing);
}
