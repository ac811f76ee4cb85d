// Stage 7c, statements of zero: 全年未发生行政诉讼案件, 行政复议案件零纠错. A
// marker (未发生, 零) with a noun of the work after it in the same clause;
// both lists are in core/data/non_indicators.txt ([zero_markers],
// [zero_nouns]). They are findings, not indicators.
#pragma once
#include <vector>

#include "segment.h"

namespace reportlens {

std::vector<ZeroClaim> find_zero_claims(const Segmented& seg, const std::vector<Section>& sections,
                                        const std::u32string& input);

}  // namespace reportlens
