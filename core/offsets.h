// Maps every span of a finished Result from decoded code points to UTF-16
// offsets of the input (what JavaScript's String.slice takes), once, at the end.
#pragma once
#include "decode.h"
#include "types.h"

namespace reportlens {

void spans_to_utf16(Result& r, const Decoded& decoded);

}  // namespace reportlens
