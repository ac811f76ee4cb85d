// Stage 8a, taxonomy: an indicator's canonical category from
// core/data/taxonomy.json (first match wins: a keyword in the label, a context
// word in the clause if the category asks for one, no exclude word, and the
// unit among the category's units).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reportlens {

struct Category {
  std::string id, group, name;
};

// Categorizes the indicators of one document; keeps its scratch lists between
// calls, so a call allocates nothing.
class Categorizer {
 public:
  // The id, or "" when nothing fits.
  const std::string& categorize(std::u32string_view label, std::u32string_view clause, std::string_view unit);

 private:
  std::vector<uint64_t> named_;     // rules with a keyword in the label, a bit each
  std::vector<uint64_t> filters_;   // context and exclude words in the label or the clause, a bit each
};

const std::vector<Category>& categories();
std::string group_name(const std::string& group_id);

}  // namespace reportlens
