// Stage 5, parts: each level-1 section's statutory part (parts.txt phrases in
// its title, else by context: an unnamed topic section before the shortcomings
// and plans is a measure), and the required parts the report lacks.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "types.h"

namespace reportlens {

std::optional<Part> part_from_title(const std::string& title);
void assign_parts(std::vector<Section>& sections);
std::vector<Part> missing_parts(const std::vector<Section>& sections);
const char* part_id(Part p);        // "measures" …
const char* part_name(Part p);      // 主要举措和成效 …

}  // namespace reportlens
