// Embind entry points of the WebAssembly module: one coarse call per document,
// one per comparison, and the core's version.
//
// The document crosses as raw UTF-8 in linear memory rather than through
// Embind's std::string conversion (which copies byte by byte in JavaScript and
// scans the result twice for NULs): the API asks for an input buffer, writes
// the text into it with TextEncoder.encodeInto, runs the analysis, and makes
// the result string straight from a view of the output buffer, which holds the
// JSON as UTF-16 — or, for analyze(), builds the result's objects from the
// tape (core/tape.h) in views of the module's memory; then releases large
// buffers. Otherwise only the small options JSON and version string cross (as
// std::string), and the module keeps what it owns, so JavaScript has nothing
// to free.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "compare.h"
#include "report.h"
#include "tape.h"
#include "text.h"

namespace {

// Buffers of this size or less are kept between calls; larger ones are freed
// by release_buffers().
constexpr std::size_t kKeepBytes = std::size_t{1} << 20;

// A buffer of T in linear memory, reallocated only to grow (uninitialized: what
// fills it writes every element used).
template <class T>
class Scratch {
 public:
  T* get(std::size_t n) {
    if (n > capacity_ || !data_) {
      data_.reset();  // free first: the new buffer may need the room
      data_.reset(new T[n ? n : 1]);
      capacity_ = n;
    }
    return data_.get();
  }
  const T* data() const { return data_.get(); }
  std::size_t capacity() const { return capacity_; }
  void release_if_large() {
    if (capacity_ * sizeof(T) > kKeepBytes) {
      data_.reset();
      capacity_ = 0;
    }
  }

 private:
  std::unique_ptr<T[]> data_;
  std::size_t capacity_ = 0;
};

Scratch<unsigned char> g_input;
Scratch<char16_t> g_output;
std::u16string g_json;   // the last analyze_input() result
// The last analyze_tape() result; its storage is reused unless large, and its
// names keep their indexes for the instance's life (the API decodes each once).
reportlens::Tape g_tape;

emscripten::val bytes_view(const void* data, std::size_t bytes) {
  return emscripten::val(emscripten::typed_memory_view(bytes, static_cast<const unsigned char*>(data)));
}

// A Uint8Array of `bytes` writable bytes in linear memory, for the next call's
// input (valid until the next call into the module).
emscripten::val input_buffer(std::size_t bytes) {
  return bytes_view(g_input.get(bytes), bytes);
}

std::string_view input(std::size_t bytes) {
  return {reinterpret_cast<const char*>(g_input.data()), bytes <= g_input.capacity() ? bytes : 0};
}

// The result JSON as UTF-16 in the output buffer, as a Uint8Array view (valid
// until the next call). JavaScript strings are UTF-16, so making one of it is
// a copy, where UTF-8 had to be decoded (in Node 20, 20x slower for these
// results, most of whose text is Chinese). The JSON is valid UTF-8: the core
// writes every string from code points.
emscripten::val output(std::string_view json) {
  char16_t* const begin = g_output.get(json.size());   // never more UTF-16 units than UTF-8 bytes
  return bytes_view(begin, reportlens::utf8_to_utf16(json, begin) * sizeof(char16_t));
}

// Analyzes the first `bytes` of the input buffer; the result JSON as UTF-16, as
// output() gives it, but written so by the core (no UTF-8 text converted after).
emscripten::val analyze_input(std::size_t bytes, const std::string& options_json) {
  g_json = reportlens::analyze_to_json_utf16(input(bytes), options_json);
  return bytes_view(g_json.data(), g_json.size() * sizeof(char16_t));
}

// Analyzes the first `bytes` of the input buffer; the result as a tape
// (core/tape.h), {ops, names, numbers, text, nameText}: typed-array views of the
// module's memory (valid until the next call), the texts as the bytes of their
// UTF-16.
emscripten::val analyze_tape(std::size_t bytes, const std::string& options_json) {
  reportlens::analyze_to_tape(input(bytes), options_json, g_tape);
  emscripten::val out = emscripten::val::object();
  out.set("ops", emscripten::val(emscripten::typed_memory_view(g_tape.ops.size(), g_tape.ops.data())));
  out.set("names", emscripten::val(emscripten::typed_memory_view(g_tape.names.spans().size(), g_tape.names.spans().data())));
  out.set("numbers", emscripten::val(emscripten::typed_memory_view(g_tape.numbers.size(), g_tape.numbers.data())));
  out.set("text", bytes_view(g_tape.text.data(), g_tape.text.size() * sizeof(char16_t)));
  out.set("nameText", bytes_view(g_tape.names.text().data(), g_tape.names.text().size() * sizeof(char16_t)));
  return out;
}

// Several results side by side: a JSON array of {name, result} in the input
// buffer, the comparison JSON (docs/compare.md) out.
emscripten::val compare_input(std::size_t bytes) {
  return output(reportlens::compare_json_to_json(input(bytes), false));
}

void release_buffers() {
  g_input.release_if_large();
  g_output.release_if_large();
  if (g_json.capacity() * sizeof(char16_t) > kKeepBytes) g_json = std::u16string();
  // the tape's values, when large; never its names, which the API keeps decoded for this instance
  if (g_tape.ops.capacity() * sizeof(uint32_t) + g_tape.numbers.capacity() * sizeof(double) +
          g_tape.text.capacity() * sizeof(char16_t) > kKeepBytes) {
    g_tape.ops = decltype(g_tape.ops)();   // (not `= {}`, which would keep the capacity)
    g_tape.numbers = decltype(g_tape.numbers)();
    g_tape.text = decltype(g_tape.text)();
  }
}

std::string version() { return reportlens::version(); }

// Lets tests/wasm check that the wrapper survives an aborted instance.
void abort_for_testing() { std::abort(); }

}  // namespace

EMSCRIPTEN_BINDINGS(reportlens) {
  emscripten::function("input_buffer", &input_buffer);
  emscripten::function("analyze_input", &analyze_input);
  emscripten::function("analyze_tape", &analyze_tape);
  emscripten::function("compare_input", &compare_input);
  emscripten::function("release_buffers", &release_buffers);
  emscripten::function("version", &version);
  emscripten::function("abort_for_testing", &abort_for_testing);
}
