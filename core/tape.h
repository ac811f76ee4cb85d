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
// value, and of key_text, which holds the keys. keys holds an (offset, length)
// pair per key: every key the tapes written on this thread have named so far,
// in the order first named. A key keeps its index in all of the thread's later
// tapes, so a reader of several tapes may keep the keys it decoded and decode
// only those added since.
#pragma once
#include <cstdint>
#include <string>
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

struct Tape {
  std::vector<uint32_t> ops;
  std::vector<double> numbers;
  RawVector<char16_t> text;
  std::vector<uint32_t> keys;
  std::u16string key_text;
};

// Writes r into out, whose storage is reused.
void to_tape(const Result& r, Tape& out);

}  // namespace reportlens
