// Stage 8a, taxonomy (see taxonomy.h). Parses taxonomy.json once with
// nlohmann/json (no exceptions) and puts every keyword, context and exclude
// word in one trie, so one walk over a label or clause finds all of them.
#include "taxonomy.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "data.h"
#include "text.h"

namespace reportlens {
namespace {

// Words as a trie of code points; a word is known by the node that ends it.
class WordTrie {
 public:
  uint32_t add(std::u32string_view word) {
    uint32_t node = kRoot;
    for (char32_t c : word) {
      uint32_t next = child(node, c);
      if (next == kRoot) {
        next = static_cast<uint32_t>(nodes_.size());
        nodes_.emplace_back();
        if (node == kRoot && c < 0x10000) first_chars_[c] = next;
        else nodes_[node].children.emplace_back(c, next);
      }
      node = next;
    }
    nodes_[node].ends_word = node != kRoot;   // an empty word names nothing
    return node;
  }

  size_t size() const { return nodes_.size(); }

  // Calls found(node) for every word written in s, once per occurrence.
  template <class Found>
  void for_each_word(std::u32string_view s, Found&& found) const {
    for (size_t i = 0; i < s.size(); ++i) {
      uint32_t node = kRoot;
      for (size_t k = i; k < s.size() && (node = child(node, s[k])) != kRoot; ++k)
        if (nodes_[node].ends_word) found(node);
    }
  }

 private:
  static constexpr uint32_t kRoot = 0;   // also "no such child": no edge leads back to the root
  struct Node {
    std::vector<std::pair<char32_t, uint32_t>> children;   // a few chars each, below the root
    bool ends_word = false;
  };
  std::vector<Node> nodes_ = std::vector<Node>(1);
  // the root's children, straight from a BMP char: every char of a text asks
  std::vector<uint32_t> first_chars_ = std::vector<uint32_t>(0x10000, kRoot);

  uint32_t child(uint32_t node, char32_t c) const {
    if (node == kRoot && c < 0x10000) return first_chars_[c];
    for (const auto& [edge, next] : nodes_[node].children) if (edge == c) return next;
    return kRoot;
  }
};

struct Rule {
  Category category;
  std::vector<uint32_t> context, exclude;   // trie nodes of the words
  std::vector<std::string> units;           // 元 is among them when 万元 or 亿元 is
};

struct Taxonomy {
  std::vector<Rule> rules;
  WordTrie words;
  std::vector<std::vector<uint32_t>> rules_named;   // by trie node: the rules that have the word as a keyword
  std::vector<Category> categories;
  std::vector<std::pair<std::string, std::string>> groups;
};

const Taxonomy& taxonomy() {
  static const Taxonomy t = [] {
    Taxonomy out;
    std::string_view body = data_file("taxonomy.json");
    auto j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded()) return out;
    std::vector<std::pair<uint32_t, uint32_t>> keywords;   // (trie node, rule)
    auto words = [&](const nlohmann::json& a) {
      std::vector<uint32_t> nodes;
      if (a.is_array())
        for (auto& x : a) if (x.is_string()) nodes.push_back(out.words.add(from_utf8(x.get<std::string>())));
      return nodes;
    };
    for (auto& g : j.value("groups", nlohmann::json::array()))
      out.groups.emplace_back(g.value("id", ""), g.value("name", ""));
    for (auto& c : j.value("categories", nlohmann::json::array())) {
      Rule r;
      r.category = {c.value("id", ""), c.value("group", ""), c.value("name", "")};
      for (uint32_t node : words(c.value("keywords", nlohmann::json::array())))
        keywords.emplace_back(node, static_cast<uint32_t>(out.rules.size()));
      r.context = words(c.value("context", nlohmann::json::array()));
      r.exclude = words(c.value("exclude", nlohmann::json::array()));
      for (auto& u : c.value("units", nlohmann::json::array())) if (u.is_string()) r.units.push_back(u.get<std::string>());
      if (std::find_if(r.units.begin(), r.units.end(), [](const std::string& u) { return u == "万元" || u == "亿元"; }) !=
          r.units.end())
        r.units.push_back("元");
      out.categories.push_back(r.category);
      out.rules.push_back(std::move(r));
    }
    out.rules_named.resize(out.words.size());
    for (auto [node, rule] : keywords) out.rules_named[node].push_back(rule);
    return out;
  }();
  return t;
}

bool any_of_in(const std::vector<uint32_t>& words, const std::vector<uint32_t>& found) {
  for (uint32_t w : words)
    if (std::find(found.begin(), found.end(), w) != found.end()) return true;
  return false;
}

}  // namespace

const std::string& Categorizer::categorize(std::u32string_view label, std::u32string_view clause, std::string_view unit) {
  static const std::string none;
  const Taxonomy& tx = taxonomy();
  named_.clear();
  label_words_.clear();
  tx.words.for_each_word(label, [&](uint32_t node) {
    const auto& rules = tx.rules_named[node];
    named_.insert(named_.end(), rules.begin(), rules.end());
    label_words_.push_back(node);
  });
  std::sort(named_.begin(), named_.end());   // taxonomy order
  named_.erase(std::unique(named_.begin(), named_.end()), named_.end());
  bool clause_read = false;
  for (uint32_t index : named_) {
    const Rule& r = tx.rules[index];
    if ((!r.context.empty() || !r.exclude.empty()) && !clause_read) {
      clause_words_.clear();
      tx.words.for_each_word(clause, [&](uint32_t node) { clause_words_.push_back(node); });
      clause_read = true;
    }
    if (!r.context.empty() && !any_of_in(r.context, clause_words_) && !any_of_in(r.context, label_words_)) continue;
    if (any_of_in(r.exclude, label_words_) || any_of_in(r.exclude, clause_words_)) continue;
    if (!r.units.empty() && std::find(r.units.begin(), r.units.end(), unit) == r.units.end()) continue;
    return r.category.id;
  }
  return none;
}

const std::vector<Category>& categories() { return taxonomy().categories; }

std::string group_name(const std::string& group_id) {
  for (const auto& [id, name] : taxonomy().groups) if (id == group_id) return name;
  return "";
}

}  // namespace reportlens
