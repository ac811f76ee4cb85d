// Result -> the JSON of ../shared/spec/output.md, streamed in the contract's
// key order; integral values print as integers, others in their shortest
// round-trip form. Never throws.
#pragma once
#include <string>

#include "types.h"

namespace reportlens {

std::string to_json(const Result& r, bool pretty);
// The same JSON as UTF-16, for JavaScript, whose strings are UTF-16.
std::u16string to_json_utf16(const Result& r, bool pretty);

}  // namespace reportlens
