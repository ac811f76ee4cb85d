// Stage 1, decode: input bytes -> code points. UTF-8, or UTF-16 with a BOM
// (the BOM marks the encoding and is not text). A UTF-8 U+FEFF is text as
// given: it keeps its UTF-16 offset (JavaScript's string has it at index 0)
// and normalize drops it; a file reader strips it first, as TextDecoder does.
// Invalid UTF-8 bytes become U+FFFD (WHATWG rule, as browsers and Python do)
// with one warning giving the first offset. Empty, binary and
// oversized input get an error diagnostic; oversized input is cut, not dropped.
#pragma once
#include <algorithm>
#include <string_view>
#include <vector>

#include "types.h"

namespace reportlens {

struct Decoded {
  std::u32string chars;
  std::vector<uint32_t> astral;   // indexes of the chars beyond the BMP (two UTF-16 units each), ascending
  bool usable = true;             // false: empty or binary, nothing to analyze

  // UTF-16 offset of chars[i]; chars.size() (or past it) gives the end.
  uint32_t utf16_offset(size_t i) const {
    i = std::min(i, chars.size());
    return static_cast<uint32_t>(i + (std::lower_bound(astral.begin(), astral.end(), i) - astral.begin()));
  }
};

Decoded decode(std::string_view bytes, size_t max_bytes, std::vector<Diagnostic>& diags);

}  // namespace reportlens
