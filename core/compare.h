// Compare several analysis results: indicators aligned by canonical category
// and unit (by label where no category fits), the statutory parts across
// reports, density and shortcomings side by side, and, for reports of the same
// body (市科技局 = 长春市科学技术局 in 长春), year-over-year changes.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace reportlens {

struct NamedResult {
  std::string name;   // file name or the page's label for the report
  Result result;
};

// The comparison as JSON (shape in docs/compare.md).
std::string compare_to_json(const std::vector<NamedResult>& reports, bool pretty);

// Same, from a JSON array of {"name": …, "result": <analysis JSON>} (the
// WebAssembly call); a malformed array yields {"error": …}.
std::string compare_json_to_json(std::string_view reports_json, bool pretty);

// The indicator matrix as CSV (UTF-8 with BOM) and the comparison as Markdown.
std::string compare_to_csv(const std::vector<NamedResult>& reports);
std::string compare_to_markdown(const std::vector<NamedResult>& reports);

// The key under which two reports are of the same body: region-qualified
// canonical agency (市科技局 in 长春市 -> 长春市科学技术局); "" if unknown.
std::string body_key(const Meta& meta);

}  // namespace reportlens
