// Result -> a tape of events, from which the WebAssembly API builds the
// result's JavaScript objects (fromTape in wasm/api.js.in) without JSON text
// in between: written by the same walk as to_json (result_walk.h), so the
// objects equal JSON.parse(to_json(r)), with the same keys in the same order.
//
// ops holds one value, in 32-bit words:
//   kTapeObject (name index, value)* kTapeEnd    kTapeArray value* kTapeEnd
//   kTapeString offset length                    kTapeInt int32 bits
//   kTapeNumber index into numbers               kTapeNull
//   kTapeSpan begin end                          (the pair [begin, end])
//   kTapeTerm name index                         (a string: that name)
// Offsets and lengths count UTF-16 units: of text, which holds the string
// values, and of names.text(), which holds the names: the keys, and the terms,
// the values from closed vocabularies (units, kinds, category ids, markers,
// severities …) that a result repeats. names.spans() holds an (offset, length)
// pair per name: every name of the results written into this Tape so far, in
// the order first met. A name keeps its index in all of them, so a reader of
// the results written into one Tape may keep the names it decoded and decode
// only those added since, and a term costs it no new string.
#pragma once
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text.h"
#include "types.h"

namespace reportlens {

enum TapeOp : uint32_t {
  kTapeObject = 1,
  kTapeArray = 2,
  kTapeString = 3,
  kTapeInt = 4,
  kTapeNumber = 5,
  kTapeNull = 6,
  kTapeSpan = 7,
  kTapeTerm = 8,
  kTapeEnd = 0xFFFFFFFF,
};

// The names of a Tape (see above), each with its index. A key given as a
// string literal (never a changing char array) is looked up by its address
// first: the walk names the same few dozen keys over and over. A term is
// looked up in a small cache by a hash of its length and first and last
// bytes first: a full hash of every term cost more than the copy it saves.
class TapeNames {
 public:
  const std::vector<uint32_t>& spans() const { return spans_; }
  const std::u16string& text() const { return text_; }

  template <size_t N>
  uint32_t literal(const char (&k)[N]) {
    LiteralSlot& slot = literals_[(reinterpret_cast<uintptr_t>(k) >> 2) % kLiteralSlots];
    if (slot.name != k) slot = {k, index(std::string_view(k, N - 1))};
    return slot.index;
  }
  uint32_t index(std::string_view k);
  // k's index if k is a name, or can still become one (terms stop at
  // kMaxTerms names, so that no input grows the table without bound); else kNone.
  uint32_t term(std::string_view k) {
    TermSlot& slot = terms_[term_slot(k)];
    if (slot.name && same(*slot.name, k)) return slot.index;
    uint32_t index = find_or_add_term(k);
    if (index != kNone) slot = {&names_[index], index};
    return index;
  }
  static constexpr uint32_t kNone = UINT32_MAX;

 private:
  static constexpr size_t kMaxTerms = 4096;
  static constexpr size_t kTermSlots = 256;
  struct TermSlot {
    const std::string* name = nullptr;
    uint32_t index = 0;
  };
  static size_t term_slot(std::string_view k) {
    uint32_t h = static_cast<uint32_t>(k.size());
    if (!k.empty()) h = h * 0x9E3779B1u ^ static_cast<unsigned char>(k.front()) << 8 ^ static_cast<unsigned char>(k.back());
    if (k.size() > 2) h ^= static_cast<unsigned char>(k[k.size() - 2]) << 16 ^ static_cast<unsigned char>(k[1]) << 24;
    return (h * 0x9E3779B1u) >> 24;   // kTermSlots = 2^8
  }
  // a == b for short strings without a call (memcmp is one in WebAssembly)
  static bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    size_t i = 0;
    for (; i + 4 <= a.size(); i += 4) {
      uint32_t x, y;
      std::memcpy(&x, a.data() + i, 4);
      std::memcpy(&y, b.data() + i, 4);
      if (x != y) return false;
    }
    for (; i < a.size(); ++i) if (a[i] != b[i]) return false;
    return true;
  }
  uint32_t find_or_add_term(std::string_view k);
  uint32_t add(std::string_view k);
  TermSlot terms_[kTermSlots];
  static constexpr size_t kLiteralSlots = 256;
  struct LiteralSlot {
    const char* name = nullptr;
    uint32_t index = 0;
  };
  LiteralSlot literals_[kLiteralSlots];
  std::deque<std::string> names_;   // the names' text, which by_text_ views (a deque never moves them)
  std::unordered_map<std::string_view, uint32_t> by_text_;
  std::vector<uint32_t> spans_;
  std::u16string text_;
};

struct Tape {
  std::vector<uint32_t> ops;
  std::vector<double> numbers;
  RawVector<char16_t> text;
  TapeNames names;
};

// Writes r into out, whose storage is reused and whose names are kept.
void to_tape(const Result& r, Tape& out);

}  // namespace reportlens
