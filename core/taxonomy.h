// Stage 8a, taxonomy: an indicator's canonical category from
// core/data/taxonomy.json (first match wins: a keyword in the label, a context
// word in the clause if the category asks for one, no exclude word, and the
// unit among the category's units).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace reportlens {

struct Category {
  std::string id, group, name;
};

// The id, or "" when nothing fits.
std::string categorize(std::u32string_view label, std::u32string_view clause, const std::string& unit);
const std::vector<Category>& categories();
std::string group_name(const std::string& group_id);

}  // namespace reportlens
