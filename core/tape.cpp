// Result -> tape (see tape.h): a sink of result_walk.h.
#include "tape.h"

#include <string_view>
#include <unordered_map>

#include "result_walk.h"
#include "text.h"

namespace reportlens {
namespace {

class TapeWriter {
 public:
  Tape take() { return std::move(t_); }

  void begin_object() { t_.ops.push_back(kTapeObject); }
  void end_object() { t_.ops.push_back(kTapeEnd); }
  void begin_array() { t_.ops.push_back(kTapeArray); }
  void end_array() { t_.ops.push_back(kTapeEnd); }

  // A key given as a string literal (never a changing char array) is looked
  // up by its address first (the walk names the same few dozen keys over and
  // over), then by its text.
  template <size_t N>
  void key(const char (&k)[N]) {
    LiteralSlot& slot = literals_[(reinterpret_cast<uintptr_t>(k) >> 2) % kLiteralSlots];
    if (slot.name != k) slot = {k, key_index(std::string_view(k, N - 1))};
    t_.ops.push_back(slot.index);
  }
  void key(std::string_view k) { t_.ops.push_back(key_index(k)); }

  void value(const std::string& s) { string(s); }
  void value(const char* s) { string(s); }
  void value(int v) { value(static_cast<int64_t>(v)); }
  void value(uint32_t v) { value(static_cast<int64_t>(v)); }
  void value(int64_t v) {
    if (v >= INT32_MIN && v <= INT32_MAX) {
      t_.ops.insert(t_.ops.end(), {kTapeInt, static_cast<uint32_t>(static_cast<int32_t>(v))});
    } else {
      number(static_cast<double>(v));
    }
  }
  // As the JSON text gives it back (number_form): a decimal is the double
  // itself, which the text's shortest round-trip form reads back to.
  void value(double v) {
    NumberForm form = number_form(v);
    if (form == NumberForm::null) return null();
    if (form == NumberForm::integer) return value(static_cast<int64_t>(v));
    number(v);
  }
  void null() { t_.ops.push_back(kTapeNull); }
  void span(const Span& s) { t_.ops.insert(t_.ops.end(), {kTapeSpan, s.begin, s.end}); }

 private:
  static constexpr size_t kLiteralSlots = 256;
  struct LiteralSlot {
    const char* name = nullptr;
    uint32_t index = 0;
  };
  Tape t_;
  LiteralSlot literals_[kLiteralSlots];
  std::unordered_map<std::string_view, uint32_t> by_text_;   // views of literals and of the Result's strings

  void number(double v) {
    t_.ops.insert(t_.ops.end(), {kTapeNumber, static_cast<uint32_t>(t_.numbers.size())});
    t_.numbers.push_back(v);
  }
  // Appends s to text; its (offset, length) there.
  std::pair<uint32_t, uint32_t> text(std::string_view s) {
    size_t at = t_.text.size();
    t_.text.resize(at + s.size());   // never more UTF-16 units than UTF-8 bytes
    size_t n = utf8_to_utf16(s, &t_.text[at]);
    t_.text.resize(at + n);
    return {static_cast<uint32_t>(at), static_cast<uint32_t>(n)};
  }
  void string(std::string_view s) {
    auto [at, n] = text(s);
    t_.ops.insert(t_.ops.end(), {kTapeString, at, n});
  }
  uint32_t key_index(std::string_view k) {
    auto it = by_text_.find(k);
    if (it != by_text_.end()) return it->second;
    auto [at, n] = text(k);
    uint32_t index = static_cast<uint32_t>(t_.keys.size() / 2);
    t_.keys.insert(t_.keys.end(), {at, n});
    by_text_.emplace(k, index);
    return index;
  }
};

}  // namespace

Tape to_tape(const Result& r) {
  TapeWriter w;
  write_result(w, r);
  return w.take();
}

}  // namespace reportlens
