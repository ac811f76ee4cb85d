// Stage 8a, taxonomy (see taxonomy.h). Parses taxonomy.json once with
// nlohmann/json (no exceptions) and puts every keyword, context and exclude
// word in one trie, so one walk over a label finds all of them, and one over a
// clause its context and exclude words.
#include "taxonomy.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "data.h"
#include "indicators.h"
#include "text.h"
#include "word_trie.h"

namespace reportlens {
namespace {

enum WordKind : uint8_t {
  kKeyword = 1,   // names a category in a label
  kFilter = 2,    // a context or exclude word, looked for in the label and the clause
};

// A set of small numbers (rules, filter words), a bit each.
using BitSet = std::vector<uint64_t>;
void set_bit(BitSet& set, uint32_t k) { set[k / 64] |= uint64_t{1} << (k % 64); }
bool intersects(const BitSet& a, const BitSet& b) {
  for (size_t w = 0; w < a.size(); ++w) if (a[w] & b[w]) return true;
  return false;
}

struct Rule {
  Category category;
  bool has_context = false, has_exclude = false;   // the category lists context / exclude words
  BitSet context, exclude;                         // by filter word
  std::vector<std::string> units;                  // with their base units (units.txt): 元 where 万元 is
};

struct Taxonomy {
  std::vector<Rule> rules;
  WordTrie words;
  std::vector<uint32_t> filter_of;               // by trie node: the filter word it ends, or kNoFilter
  size_t filter_words = 0;
  size_t rule_words = 0;                         // 64-bit words of a set of rules
  BitSet rules_named;                            // by trie node, rule_words each: the rules that have the word as a keyword
  std::vector<Category> categories;
  std::vector<std::pair<std::string, std::string>> groups;
};
constexpr uint32_t kNoFilter = UINT32_MAX;

const Taxonomy& taxonomy() {
  static const Taxonomy t = [] {
    Taxonomy out;
    std::string_view body = data_file("taxonomy.json");
    auto j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded()) return out;
    std::vector<std::pair<uint32_t, uint32_t>> keywords;   // (trie node, rule)
    std::vector<std::pair<std::vector<uint32_t>, std::vector<uint32_t>>> filters;   // by rule: context, exclude nodes
    auto words = [&](const nlohmann::json& a, WordKind kind) {
      std::vector<uint32_t> nodes;
      if (a.is_array())
        for (auto& x : a) if (x.is_string()) nodes.push_back(out.words.add(from_utf8(x.get<std::string>()), kind));
      return nodes;
    };
    for (auto& g : j.value("groups", nlohmann::json::array()))
      out.groups.emplace_back(g.value("id", ""), g.value("name", ""));
    for (auto& c : j.value("categories", nlohmann::json::array())) {
      Rule r;
      r.category = {c.value("id", ""), c.value("group", ""), c.value("name", "")};
      for (uint32_t node : words(c.value("keywords", nlohmann::json::array()), kKeyword))
        keywords.emplace_back(node, static_cast<uint32_t>(out.rules.size()));
      filters.emplace_back(words(c.value("context", nlohmann::json::array()), kFilter),
                           words(c.value("exclude", nlohmann::json::array()), kFilter));
      r.has_context = !filters.back().first.empty();
      r.has_exclude = !filters.back().second.empty();
      for (auto& u : c.value("units", nlohmann::json::array())) {
        if (!u.is_string()) continue;
        r.units.push_back(u.get<std::string>());
        std::string base = base_unit(r.units.back());   // an indicator has the base unit: 万元 is matched by 元
        if (base != r.units.back()) r.units.push_back(base);
      }
      out.categories.push_back(r.category);
      out.rules.push_back(std::move(r));
    }
    out.words.seal();
    // filter words numbered in the order first met; the root (an empty word) is none
    out.filter_of.assign(out.words.size(), kNoFilter);
    for (const auto& [context, exclude] : filters)
      for (const auto* list : {&context, &exclude})
        for (uint32_t node : *list)
          if (node != 0 && out.filter_of[node] == kNoFilter) out.filter_of[node] = static_cast<uint32_t>(out.filter_words++);
    const size_t filter_bits = (out.filter_words + 63) / 64;
    for (size_t k = 0; k < out.rules.size(); ++k) {
      Rule& r = out.rules[k];
      r.context.assign(filter_bits, 0);
      r.exclude.assign(filter_bits, 0);
      for (uint32_t node : filters[k].first) if (node != 0) set_bit(r.context, out.filter_of[node]);
      for (uint32_t node : filters[k].second) if (node != 0) set_bit(r.exclude, out.filter_of[node]);
    }
    out.rule_words = (out.rules.size() + 63) / 64;
    out.rules_named.assign(out.words.size() * out.rule_words, 0);
    for (auto [node, rule] : keywords) out.rules_named[node * out.rule_words + rule / 64] |= uint64_t{1} << (rule % 64);
    return out;
  }();
  return t;
}

// Whether the view part lies within whole (the same characters in memory).
bool lies_within(std::u32string_view part, std::u32string_view whole) {
  std::less_equal<const char32_t*> le;
  return le(whole.data(), part.data()) && le(part.data() + part.size(), whole.data() + whole.size());
}

}  // namespace

const std::string& Categorizer::categorize(std::u32string_view label, std::u32string_view clause, std::string_view unit) {
  static const std::string none;
  const Taxonomy& tx = taxonomy();
  named_.assign((tx.rules.size() + 63) / 64, 0);   // a bit per rule: read in taxonomy order, each once
  filters_.assign((tx.filter_words + 63) / 64, 0);
  tx.words.for_each_word(label, kKeyword | kFilter, [&](uint32_t node, uint8_t kinds, size_t, size_t) {
    if (kinds & kKeyword)
      for (size_t w = 0; w < named_.size(); ++w) named_[w] |= tx.rules_named[node * tx.rule_words + w];
    if (kinds & kFilter) set_bit(filters_, tx.filter_of[node]);
  });
  // a clause within the label (技术合同认定接件693次 as both) has no word the label's walk did not set
  bool clause_read = lies_within(clause, label);
  for (size_t word = 0; word < named_.size(); ++word) {
    for (uint64_t bits = named_[word]; bits; bits &= bits - 1) {
      const Rule& r = tx.rules[word * 64 + static_cast<size_t>(__builtin_ctzll(bits))];
      if ((r.has_context || r.has_exclude) && !clause_read) {
        tx.words.for_each_word(clause, kFilter,
                               [&](uint32_t node, uint8_t, size_t, size_t) { set_bit(filters_, tx.filter_of[node]); });
        clause_read = true;
      }
      // a context word in the label or the clause; no exclude word in either
      if (r.has_context && !intersects(r.context, filters_)) continue;
      if (r.has_exclude && intersects(r.exclude, filters_)) continue;
      if (!r.units.empty() && std::find(r.units.begin(), r.units.end(), unit) == r.units.end()) continue;
      return r.category.id;
    }
  }
  return none;
}

const std::vector<Category>& categories() { return taxonomy().categories; }

std::string group_name(const std::string& group_id) {
  for (const auto& [id, name] : taxonomy().groups) if (id == group_id) return name;
  return "";
}

}  // namespace reportlens
