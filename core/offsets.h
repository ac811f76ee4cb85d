// Maps every span of a finished Result from decoded code points to UTF-16
// offsets of the input (what JavaScript's String.slice takes), once, at the end.
#pragma once
#include <vector>

#include "types.h"

namespace reportlens {

void spans_to_utf16(Result& r, const std::vector<uint32_t>& utf16);

}  // namespace reportlens
