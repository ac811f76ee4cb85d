// Stage 6, meta: title (site chrome stripped, a title printed over two lines
// joined), agency (and its canonical long form: 市科技局 = 市科学技术局), region,
// report_year, published (labelled date > signature date > 印发 date, collapsed
// 2025212 when only one reading is a date), doc_number and signer.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "segment.h"

namespace reportlens {

Meta find_meta(const Segmented& seg, const std::vector<Section>& sections, const std::u32string& input);

// 市科技局 -> 市科学技术局 (agency_aliases.txt), for comparing bodies.
std::string canonical_agency(const std::string& agency);

// "2024年1月5日", "2025-03-24", "2025/3/24", "2025.03.24" at pos: YYYY-MM-DD or "".
std::string read_date(std::u32string_view s, size_t pos, size_t* len);

}  // namespace reportlens
