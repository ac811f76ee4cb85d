// Embind entry points of the WebAssembly module: one coarse call per document,
// one per comparison, and the core's version.
//
// The document crosses as raw UTF-8 in linear memory rather than through
// Embind's std::string conversion (which copies byte by byte in JavaScript and
// scans the result twice for NULs): the API asks for an input buffer, writes
// the text into it with TextEncoder.encodeInto, runs the analysis, and decodes
// the result with TextDecoder straight from a view of the output buffer, then
// releases the buffers. Otherwise only the small options JSON and version string
// cross (as std::string), and the module keeps what it owns, so JavaScript has
// nothing to free.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "compare.h"
#include "report.h"

namespace {

// Buffers of this size or less are kept between calls; larger ones are freed
// by release_buffers().
constexpr std::size_t kKeepBytes = std::size_t{1} << 20;

std::unique_ptr<unsigned char[]> g_input;
std::size_t g_input_capacity = 0;
std::string g_output;

emscripten::val view(std::string_view s) {
  return emscripten::val(emscripten::typed_memory_view(s.size(), reinterpret_cast<const unsigned char*>(s.data())));
}

// A Uint8Array of `bytes` writable bytes in linear memory, for the next call's
// input (valid until the next call into the module).
emscripten::val input_buffer(std::size_t bytes) {
  if (bytes > g_input_capacity || !g_input) {
    g_input.reset();  // free first: the new buffer may need the room
    g_input.reset(new unsigned char[bytes ? bytes : 1]);
    g_input_capacity = bytes;
  }
  return emscripten::val(emscripten::typed_memory_view(bytes, g_input.get()));
}

std::string_view input(std::size_t bytes) {
  return {reinterpret_cast<const char*>(g_input.get()), bytes <= g_input_capacity ? bytes : 0};
}

// Analyzes the first `bytes` of the input buffer; the result JSON as a
// Uint8Array view of the output buffer (valid until release_buffers()).
emscripten::val analyze_input(std::size_t bytes, const std::string& options_json) {
  g_output = reportlens::analyze_to_json(input(bytes), options_json);
  return view(g_output);
}

// Several results side by side: a JSON array of {name, result} in the input
// buffer, the comparison JSON (docs/compare.md) out.
emscripten::val compare_input(std::size_t bytes) {
  g_output = reportlens::compare_json_to_json(input(bytes), false);
  return view(g_output);
}

void release_buffers() {
  std::string().swap(g_output);
  if (g_input_capacity > kKeepBytes) {
    g_input.reset();
    g_input_capacity = 0;
  }
}

std::string version() { return reportlens::version(); }

// Lets tests/wasm check that the wrapper survives an aborted instance.
void abort_for_testing() { std::abort(); }

}  // namespace

EMSCRIPTEN_BINDINGS(reportlens) {
  emscripten::function("input_buffer", &input_buffer);
  emscripten::function("analyze_input", &analyze_input);
  emscripten::function("compare_input", &compare_input);
  emscripten::function("release_buffers", &release_buffers);
  emscripten::function("version", &version);
  emscripten::function("abort_for_testing", &abort_for_testing);
}
