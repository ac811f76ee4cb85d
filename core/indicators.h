// Stage 7, indicators: every quantity the report states about its work, with
// value (万/亿 folded in, money in 元), base unit, bound as written, kind,
// label, category and section. What is not an indicator (years, dates,
// 文号, 第N条, fixed names such as 二十大 or 两个确立, 六届二次全会) comes from
// core/data/non_indicators.txt and the units' table.
#pragma once
#include <string>
#include <vector>

#include "segment.h"

namespace reportlens {

struct IndicatorScan {
  std::vector<Indicator> indicators;
  std::vector<Diagnostic> diagnostics;   // what was dropped (a digit run too long to read)
};

IndicatorScan find_indicators(const Segmented& seg, const std::vector<Section>& sections, const std::u32string& input);

// The base unit an indicator of this unit has (万元 -> 元), from units.txt;
// the unit itself where the table does not name it.
std::string base_unit(const std::string& unit);

}  // namespace reportlens
