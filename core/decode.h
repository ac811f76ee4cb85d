// Stage 1, decode: input bytes -> code points. UTF-8 (BOM dropped) or UTF-16
// with a BOM; invalid UTF-8 bytes become U+FFFD (WHATWG rule, as browsers and
// Python do) with one warning giving the first offset. Empty, binary and
// oversized input get an error diagnostic; oversized input is cut, not dropped.
#pragma once
#include <string_view>
#include <vector>

#include "types.h"

namespace reportlens {

struct Decoded {
  std::u32string chars;
  std::vector<uint32_t> utf16;   // UTF-16 offset of chars[i]; one extra entry at the end
  bool usable = true;            // false: empty or binary, nothing to analyze
};

Decoded decode(std::string_view bytes, size_t max_bytes, std::vector<Diagnostic>& diags);

}  // namespace reportlens
