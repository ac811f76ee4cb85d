// Stage 4, headings: blocks -> the heading tree (flat, with parent links) and
// each section's points (一是…). A heading opens a block, follows a bold close,
// or follows 。 mid-line when it is the next number of an open style. Levels
// come from the order in which styles nest in this document; a candidate is a
// heading only if its number continues its style's sequence (一→二; 1. may
// restart under a new parent).
#pragma once
#include <vector>

#include "segment.h"

namespace reportlens {

std::vector<Section> find_headings(const Segmented& seg, const std::u32string& input, std::vector<Diagnostic>& diags);

// The innermost section whose span holds the input position `at`, or -1.
int innermost_section(const std::vector<Section>& sections, uint32_t at);

}  // namespace reportlens
