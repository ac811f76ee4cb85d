// Stage 8a, taxonomy (see taxonomy.h). Parses taxonomy.json once with
// nlohmann/json (no exceptions).
#include "taxonomy.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "data.h"
#include "phrase_index.h"
#include "text.h"

namespace reportlens {
namespace {

struct Rule {
  Category category;
  std::vector<std::u32string> keywords, context, exclude;
  std::vector<std::string> units;
};

struct Taxonomy {
  std::vector<Rule> rules;
  PhraseIndex<size_t> keywords;   // keyword -> the rule it names
  std::vector<Category> categories;
  std::vector<std::pair<std::string, std::string>> groups;
};

const Taxonomy& taxonomy() {
  static const Taxonomy t = [] {
    Taxonomy out;
    std::string_view body = data_file("taxonomy.json");
    auto j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded()) return out;
    auto words = [](const nlohmann::json& a) {
      std::vector<std::u32string> v;
      if (a.is_array()) for (auto& x : a) if (x.is_string()) v.push_back(from_utf8(x.get<std::string>()));
      return v;
    };
    for (auto& g : j.value("groups", nlohmann::json::array()))
      out.groups.emplace_back(g.value("id", ""), g.value("name", ""));
    for (auto& c : j.value("categories", nlohmann::json::array())) {
      Rule r;
      r.category = {c.value("id", ""), c.value("group", ""), c.value("name", "")};
      r.keywords = words(c.value("keywords", nlohmann::json::array()));
      r.context = words(c.value("context", nlohmann::json::array()));
      r.exclude = words(c.value("exclude", nlohmann::json::array()));
      for (auto& u : c.value("units", nlohmann::json::array())) if (u.is_string()) r.units.push_back(u.get<std::string>());
      out.categories.push_back(r.category);
      for (const auto& k : r.keywords) out.keywords.add(k, out.rules.size());
      out.rules.push_back(std::move(r));
    }
    return out;
  }();
  return t;
}

bool any_in(const std::vector<std::u32string>& words, std::u32string_view s) {
  for (const auto& w : words) if (contains(s, w)) return true;
  return false;
}

}  // namespace

std::string categorize(std::u32string_view label, std::u32string_view clause, const std::string& unit) {
  const Taxonomy& tx = taxonomy();
  std::vector<size_t> named;   // rules with a keyword in the label, in taxonomy order
  for (size_t i = 0; i < label.size(); ++i)
    if (auto* list = tx.keywords.starting_with(label[i]))
      for (const auto& [k, rule] : *list)
        if (matches_at(label, i, label.size(), k)) named.push_back(rule);
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  for (size_t index : named) {
    const Rule& r = tx.rules[index];
    if (!r.context.empty() && !any_in(r.context, clause) && !any_in(r.context, label)) continue;
    if (any_in(r.exclude, label) || any_in(r.exclude, clause)) continue;
    if (!r.units.empty()) {
      bool ok = false;
      for (const auto& u : r.units) ok |= u == unit || (unit == "元" && (u == "万元" || u == "亿元"));
      if (!ok) continue;
    }
    return r.category.id;
  }
  return "";
}

const std::vector<Category>& categories() { return taxonomy().categories; }

std::string group_name(const std::string& group_id) {
  for (const auto& [id, name] : taxonomy().groups) if (id == group_id) return name;
  return "";
}

}  // namespace reportlens
