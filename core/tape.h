// Result -> a tape of events, from which the WebAssembly API builds the
// result's JavaScript objects (fromTape in wasm/api.js.in) without JSON text
// in between: written by the same walk as to_json (result_walk.h), so the
// objects equal JSON.parse(to_json(r)), with the same keys in the same order.
//
// ops holds one value, in 32-bit words:
//   kTapeObject (key index, value)* kTapeEnd     kTapeArray value* kTapeEnd
//   kTapeString offset length                    kTapeInt int32 bits
//   kTapeNumber index into numbers               kTapeNull
//   kTapeSpan begin end                          (the pair [begin, end])
// Offsets and lengths count UTF-16 units: of text, which holds every string
// value, and of keys.text(), which holds the keys. keys.spans() holds an
// (offset, length) pair per key: every key of the results written into this
// Tape so far, in the order first named. A key keeps its index in all of
// them, so a reader of the results written into one Tape may keep the keys it
// decoded and decode only those added since.
#pragma once
#include <cstdint>
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
  kTapeEnd = 0xFFFFFFFF,
};

// The keys of a Tape (see above), each with its index. A key given as a
// string literal (never a changing char array) is looked up by its address
// first: the walk names the same few dozen keys over and over.
class TapeKeys {
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

 private:
  static constexpr size_t kLiteralSlots = 256;
  struct LiteralSlot {
    const char* name = nullptr;
    uint32_t index = 0;
  };
  LiteralSlot literals_[kLiteralSlots];
  std::deque<std::string> names_;   // the keys' text, which by_text_ views (a deque never moves them)
  std::unordered_map<std::string_view, uint32_t> by_text_;
  std::vector<uint32_t> spans_;
  std::u16string text_;
};

struct Tape {
  std::vector<uint32_t> ops;
  std::vector<double> numbers;
  RawVector<char16_t> text;
  TapeKeys keys;
};

// Writes r into out, whose storage is reused and whose keys are kept.
void to_tape(const Result& r, Tape& out);

}  // namespace reportlens
