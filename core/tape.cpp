// Result -> tape (see tape.h): a sink of result_walk.h.
#include "tape.h"

#include <string_view>

#include "result_walk.h"
#include "text.h"

namespace reportlens {
namespace {

// Writes UTF-8 s at the end of text as UTF-16; its (offset, length) there.
template <class Text>
std::pair<uint32_t, uint32_t> append_utf16(Text& text, std::string_view s) {
  size_t at = text.size();
  text.resize(at + s.size());   // never more UTF-16 units than UTF-8 bytes
  size_t n = utf8_to_utf16(s, text.data() + at);
  text.resize(at + n);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(n)};
}

class TapeWriter {
 public:
  explicit TapeWriter(Tape& t) : t_(t) {
    t_.ops.clear();
    t_.numbers.clear();
    t_.text.clear();
  }

  void begin_object() { put(kTapeObject); }
  void end_object() { put(kTapeEnd); }
  void begin_array() { put(kTapeArray); }
  void end_array() { put(kTapeEnd); }

  template <size_t N>
  void key(const char (&k)[N]) { put(t_.names.literal(k)); }
  void key(std::string_view k) { put(t_.names.index(k)); }

  void value(const std::string& s) { string(s); }
  void value(int v) { value(static_cast<int64_t>(v)); }
  void value(uint32_t v) { value(static_cast<int64_t>(v)); }
  void value(int64_t v) {
    if (v >= INT32_MIN && v <= INT32_MAX) {
      put(kTapeInt, static_cast<uint32_t>(static_cast<int32_t>(v)));
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
  void term(std::string_view s) {
    uint32_t index = t_.names.term(s);
    if (index == TapeNames::kNone) return string(s);
    put(kTapeTerm, index);
  }
  void null() { put(kTapeNull); }
  void span(const Span& s) { put(kTapeSpan, s.begin, s.end); }

 private:
  Tape& t_;

  // Appends words to ops (push_back inlines; an insert of a list was a call).
  template <class... Words>
  void put(Words... words) { (t_.ops.push_back(static_cast<uint32_t>(words)), ...); }

  void number(double v) {
    put(kTapeNumber, t_.numbers.size());
    t_.numbers.push_back(v);
  }
  void string(std::string_view s) {
    auto [at, n] = append_utf16(t_.text, s);
    put(kTapeString, at, n);
  }
};

}  // namespace

uint32_t TapeNames::index(std::string_view k) {
  auto it = by_text_.find(k);
  return it != by_text_.end() ? it->second : add(k);
}

uint32_t TapeNames::find_or_add_term(std::string_view k) {
  auto it = by_text_.find(k);
  if (it != by_text_.end()) return it->second;
  return spans_.size() / 2 < kMaxTerms ? add(k) : kNone;
}

uint32_t TapeNames::add(std::string_view k) {
  auto [at, n] = append_utf16(text_, k);
  uint32_t index = static_cast<uint32_t>(spans_.size() / 2);
  spans_.push_back(at);
  spans_.push_back(n);
  by_text_.emplace(names_.emplace_back(k), index);
  return index;
}

void to_tape(const Result& r, Tape& out) {
  TapeWriter w(out);
  write_result(w, r);
}

}  // namespace reportlens
