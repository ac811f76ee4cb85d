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

// The innermost section whose span holds an input position, or -1. The
// search for the last heading at or before the position reads the
// headings' starts, copied into one array: a search over the sections
// themselves read a section far away at each step, a cache miss each once a
// long document has tens of thousands of them.
class SectionFinder {
 public:
  explicit SectionFinder(const std::vector<Section>& sections);
  int at(uint32_t pos) const;

 private:
  const std::vector<Section>& sections_;
  std::vector<uint32_t> starts_;   // each section's marker_span.begin, ascending
};

}  // namespace reportlens
