// Result -> the JSON of ../shared/spec/output.md (the only nlohmann/json user
// besides the taxonomy loader). Keys keep the contract's order; integral values
// print as integers; invalid text is replaced, never thrown.
#pragma once
#include <string>

#include "types.h"

namespace reportlens {

std::string to_json(const Result& r, bool pretty);

}  // namespace reportlens
