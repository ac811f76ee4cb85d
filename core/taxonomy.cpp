// Stage 8a, taxonomy (see taxonomy.h). Parses taxonomy.json once with
// nlohmann/json (no exceptions) and puts every keyword, context and exclude
// word in one trie, so one walk over a label finds all of them, and one over a
// clause its context and exclude words.
#include "taxonomy.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "data.h"
#include "indicators.h"
#include "text.h"

namespace reportlens {
namespace {

// Words of a few kinds (bits) as a trie of code points; a word is known by
// the node that ends it. A walk for some kinds leaves a branch as soon as no
// word of those kinds lies further down it.
class WordTrie {
 public:
  uint32_t add(std::u32string_view word, uint8_t kind) {
    if (word.empty()) return kRoot;   // an empty word names nothing
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
      nodes_[node].below |= kind;
    }
    nodes_[node].ends |= kind;
    return node;
  }

  size_t size() const { return nodes_.size(); }

  // Calls found(node, kinds ending there) for every word of `kinds` written in
  // s, once per occurrence.
  template <class Found>
  void for_each_word(std::u32string_view s, uint8_t kinds, Found&& found) const {
    for (size_t i = 0; i < s.size(); ++i) {
      size_t k = i + 1;
      for (uint32_t node = child(kRoot, s[i]); node != kRoot; node = k < s.size() ? child(node, s[k++]) : kRoot) {
        const Node& at = nodes_[node];
        if (!(at.below & kinds)) break;
        if (at.ends & kinds) found(node, at.ends);
      }
    }
  }

 private:
  static constexpr uint32_t kRoot = 0;   // also "no such child": no edge leads back to the root
  struct Node {
    std::vector<std::pair<char32_t, uint32_t>> children;   // a few chars each, below the root
    uint8_t ends = 0;    // kinds of the words that end here
    uint8_t below = 0;   // kinds of the words that end here or further down
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

enum WordKind : uint8_t {
  kKeyword = 1,   // names a category in a label
  kFilter = 2,    // a context or exclude word, looked for in the label and the clause
};

struct Rule {
  Category category;
  std::vector<uint32_t> context, exclude;   // trie nodes of the words
  std::vector<std::string> units;           // with their base units (units.txt): 元 where 万元 is
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
      r.context = words(c.value("context", nlohmann::json::array()), kFilter);
      r.exclude = words(c.value("exclude", nlohmann::json::array()), kFilter);
      for (auto& u : c.value("units", nlohmann::json::array())) {
        if (!u.is_string()) continue;
        r.units.push_back(u.get<std::string>());
        std::string base = base_unit(r.units.back());   // an indicator has the base unit: 万元 is matched by 元
        if (base != r.units.back()) r.units.push_back(base);
      }
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
  named_.assign((tx.rules.size() + 31) / 32, 0);   // a bit per rule: read in taxonomy order, each once
  label_words_.clear();
  tx.words.for_each_word(label, kKeyword | kFilter, [&](uint32_t node, uint8_t kinds) {
    if (kinds & kKeyword)
      for (uint32_t rule : tx.rules_named[node]) named_[rule / 32] |= uint32_t{1} << (rule % 32);
    if (kinds & kFilter) label_words_.push_back(node);
  });
  bool clause_read = false;
  for (size_t word = 0; word < named_.size(); ++word) {
    for (uint32_t bits = named_[word]; bits; bits &= bits - 1) {
      const Rule& r = tx.rules[word * 32 + static_cast<size_t>(__builtin_ctz(bits))];
      if ((!r.context.empty() || !r.exclude.empty()) && !clause_read) {
        clause_words_.clear();
        tx.words.for_each_word(clause, kFilter, [&](uint32_t node, uint8_t) { clause_words_.push_back(node); });
        clause_read = true;
      }
      if (!r.context.empty() && !any_of_in(r.context, clause_words_) && !any_of_in(r.context, label_words_)) continue;
      if (any_of_in(r.exclude, label_words_) || any_of_in(r.exclude, clause_words_)) continue;
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
