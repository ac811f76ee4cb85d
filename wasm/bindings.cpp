// Embind entry points of the WebAssembly module: one coarse call per document,
// one per comparison, and the core's version.
//
// The document crosses as raw UTF-8 in linear memory rather than through
// Embind's std::string conversion (which copies byte by byte in JavaScript and
// scans the result twice for NULs): the API asks for an input buffer, writes
// the text into it with TextEncoder.encodeInto, runs the analysis, and makes
// the result string straight from a view of the output buffer, which holds the
// JSON as UTF-16; then releases large buffers. Otherwise only the small options
// JSON and version string cross (as std::string), and the module keeps what it
// owns, so JavaScript has nothing to free.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "compare.h"
#include "report.h"

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
  char16_t* out = begin;
  const auto* in = reinterpret_cast<const unsigned char*>(json.data());
  const auto* const end = in + json.size();
  while (in < end) {
    uint64_t eight;
    if (end - in >= 8 && (std::memcpy(&eight, in, 8), (eight & 0x8080808080808080ULL) == 0)) {   // eight ASCII bytes
      for (int k = 0; k < 8; ++k) out[k] = static_cast<char16_t>(eight >> (8 * k) & 0xFF);
      out += 8;
      in += 8;
      continue;
    }
    unsigned c = *in;
    if (c < 0x80) {
      *out++ = static_cast<char16_t>(c);
      in += 1;
    } else if (c < 0xE0) {
      *out++ = static_cast<char16_t>((c & 0x1F) << 6 | (in[1] & 0x3F));
      in += 2;
    } else if (c < 0xF0) {
      *out++ = static_cast<char16_t>((c & 0x0F) << 12 | (in[1] & 0x3F) << 6 | (in[2] & 0x3F));
      in += 3;
    } else {
      unsigned cp = (c & 0x07) << 18 | (in[1] & 0x3F) << 12 | (in[2] & 0x3F) << 6 | (in[3] & 0x3F);
      *out++ = static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      *out++ = static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
      in += 4;
    }
  }
  return bytes_view(begin, static_cast<std::size_t>(out - begin) * sizeof(char16_t));
}

// Analyzes the first `bytes` of the input buffer; the result JSON as output().
emscripten::val analyze_input(std::size_t bytes, const std::string& options_json) {
  return output(reportlens::analyze_to_json(input(bytes), options_json));
}

// Several results side by side: a JSON array of {name, result} in the input
// buffer, the comparison JSON (docs/compare.md) out.
emscripten::val compare_input(std::size_t bytes) {
  return output(reportlens::compare_json_to_json(input(bytes), false));
}

void release_buffers() {
  g_input.release_if_large();
  g_output.release_if_large();
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
