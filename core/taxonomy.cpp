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

namespace reportlens {
namespace {

// Words of a few kinds (bits) as a trie of code points; a word is known by
// the node that ends it. A walk for some kinds leaves a branch as soon as no
// word of those kinds lies further down it. Built by add(), then sealed: the
// root's BMP edges go in a table by char, every other edge in a hash table
// of (node, char) read without a branch (see EdgeTable).
class WordTrie {
 public:
  uint32_t add(std::u32string_view word, uint8_t kind) {
    if (word.empty()) return kRoot;   // an empty word names nothing
    uint32_t node = kRoot;
    for (char32_t c : word) {
      uint32_t next = kRoot;
      for (const auto& [edge, to] : building_[node]) if (edge == c) next = to;
      if (next == kRoot) {
        next = static_cast<uint32_t>(nodes_.size());
        nodes_.emplace_back();
        building_.emplace_back();
        building_[node].emplace_back(c, next);
      }
      node = next;
      nodes_[node].below |= kind;
    }
    nodes_[node].ends |= kind;
    return node;
  }

  // Lays out the edges added so far: the root's BMP ones in a table by
  // char (every char of a text asks it), the rest in the edge table.
  void seal() {
    std::vector<EdgeTable::Edge> rest;
    for (uint32_t node = 0; node < nodes_.size(); ++node) {
      for (const auto& [c, next] : building_[node]) {
        if (node == kRoot && c < 0x10000) {
          first_chars_[c] = next;
          opens_.add(c);
          for (unsigned kind = 0; kind < 8; ++kind)
            if (nodes_[next].below & (1u << kind)) {
              if (opens_of_kind_.size() <= kind) opens_of_kind_.resize(kind + 1);
              opens_of_kind_[kind].add(c);
            }
        } else {
          rest.push_back({node, c, next});
        }
      }
    }
    edges_.build(rest);
    building_.clear();
  }

  size_t size() const { return nodes_.size(); }

  // Calls found(node, kinds ending there, begin, end) for every word of
  // `kinds` written in s, once per occurrence at s[begin, end).
  template <class Found>
  void for_each_word(std::u32string_view s, uint8_t kinds, Found&& found) const {
    // the tables in locals: found() writes memory, which would make them reloaded at every step
    const Node* const nodes = nodes_.data();
    const uint32_t* const first_chars = first_chars_.data();
    const EdgeTable::View edges = edges_.view();
    // words of one kind are opened by fewer chars than words of any
    const bool one_kind = kinds && (kinds & (kinds - 1)) == 0 && __builtin_ctz(kinds) < static_cast<int>(opens_of_kind_.size());
    const BmpSet& opens = one_kind ? opens_of_kind_[static_cast<size_t>(__builtin_ctz(kinds))] : opens_;
    const size_t n = s.size();
    for (size_t i = 0; i < n; ++i) {
      const char32_t c = s[i];
      uint32_t node = c >= 0x10000 ? edges.child(kRoot, c) : opens.has(c) ? first_chars[c] : kRoot;
      for (size_t k = i + 1; node != kRoot; node = k < n ? edges.child(node, s[k++]) : kRoot) {
        const Node& at = nodes[node];
        if (!(at.below & kinds)) break;
        if (at.ends & kinds) found(node, at.ends, i, k);
      }
    }
  }

 private:
  static constexpr uint32_t kRoot = 0;   // also "no such child": no edge leads back to the root
  struct Node {
    uint8_t ends = 0;    // kinds of the words that end here
    uint8_t below = 0;   // kinds of the words that end here or further down
  };

  // The edges as a cuckoo hash table: an edge (node, c) -> next lies in one
  // of two slots that the key's two hashes pick, so a lookup reads both and
  // selects without a branch (a scan of a node's edges mispredicted at
  // almost every step of a walk). A slot packs next, node and c in 64 bits,
  // which holds any trie of under 2^21 nodes (the taxonomy's has a few thousand).
  class EdgeTable {
   public:
    struct Edge {
      uint32_t node;
      char32_t c;
      uint32_t next;
    };
    // What a lookup reads, to be held in locals during a walk.
    struct View {
      const uint64_t* slots;
      int shift;
      uint32_t child(uint32_t node, char32_t c) const {
        const uint64_t k = key(node, c);
        const uint64_t a = slots[first(k, shift)], b = slots[second(k, shift)];
        uint32_t next = kRoot;
        next = (a & kKeyMask) == k ? static_cast<uint32_t>(a >> kKeyBits) : next;
        next = (b & kKeyMask) == k ? static_cast<uint32_t>(b >> kKeyBits) : next;
        return next;
      }
    };
    void build(const std::vector<Edge>& edges) {
      for (int bits = 6;; ++bits) {   // at most 3/8 full; larger until every edge has a slot
        if ((size_t{3} << bits) / 8 < edges.size()) continue;
        shift_ = 64 - bits;
        slots_.assign(size_t{1} << bits, kEmpty);
        bool placed = true;
        for (const Edge& e : edges) placed = placed && place(key(e.node, e.c) | uint64_t{e.next} << kKeyBits);
        if (placed) return;
      }
    }
    View view() const { return {slots_.data(), shift_}; }

   private:
    static constexpr int kKeyBits = 42;   // node (21 bits) and c (21 bits)
    static constexpr uint64_t kKeyMask = (uint64_t{1} << kKeyBits) - 1;
    static constexpr uint64_t kEmpty = ~uint64_t{0};   // its key, (2^21 - 1, 2^21 - 1), is no edge's
    std::vector<uint64_t> slots_ = std::vector<uint64_t>(64, kEmpty);
    int shift_ = 58;

    static uint64_t key(uint32_t node, char32_t c) { return uint64_t{node} << 21 | c; }
    static size_t first(uint64_t k, int shift) { return (k * 0x9E3779B97F4A7C15ULL) >> shift; }
    static size_t second(uint64_t k, int shift) { return ((k ^ 0x165667B19E3779F9ULL) * 0xC2B2AE3D27D4EB4FULL) >> shift; }
    // Cuckoo insertion: the slot's holder moves to its other slot, and so on,
    // up to a bound (then the table grows).
    bool place(uint64_t slot) {
      size_t at = first(slot & kKeyMask, shift_);
      for (int moves = 0; moves < 500; ++moves) {
        std::swap(slot, slots_[at]);
        if (slot == kEmpty) return true;
        const uint64_t k = slot & kKeyMask;
        at = at == first(k, shift_) ? second(k, shift_) : first(k, shift_);
      }
      return false;
    }
  };

  std::vector<Node> nodes_ = std::vector<Node>(1);
  EdgeTable edges_;
  std::vector<std::vector<std::pair<char32_t, uint32_t>>> building_ = decltype(building_)(1);   // until seal()
  // the root's BMP children: a bit each (8 KB, stays in cache), then the
  // table (256 KB, read only for a char that opens a word); and by kind (bit
  // k of a kind: opens_of_kind_[k]), the chars that open a word of that kind
  BmpSet opens_;
  std::vector<BmpSet> opens_of_kind_;
  std::vector<uint32_t> first_chars_ = std::vector<uint32_t>(0x10000, kRoot);
};

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
  std::vector<BitSet> rules_named;               // by trie node: the rules that have the word as a keyword
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
    out.rules_named.assign(out.words.size(), BitSet((out.rules.size() + 63) / 64, 0));
    for (auto [node, rule] : keywords) set_bit(out.rules_named[node], rule);
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
  label_filters_.clear();
  tx.words.for_each_word(label, kKeyword | kFilter, [&](uint32_t node, uint8_t kinds, size_t begin, size_t end) {
    if (kinds & kKeyword)
      for (size_t w = 0; w < named_.size(); ++w) named_[w] |= tx.rules_named[node][w];
    if (kinds & kFilter) {
      set_bit(filters_, tx.filter_of[node]);
      label_filters_.push_back({tx.filter_of[node], begin, end});
    }
  });
  bool clause_read = false;
  for (size_t word = 0; word < named_.size(); ++word) {
    for (uint64_t bits = named_[word]; bits; bits &= bits - 1) {
      const Rule& r = tx.rules[word * 64 + static_cast<size_t>(__builtin_ctzll(bits))];
      if ((r.has_context || r.has_exclude) && !clause_read) {
        if (lies_within(clause, label)) {   // the label's walk has its words: 技术合同认定接件693次 as both
          const size_t from = static_cast<size_t>(clause.data() - label.data()), to = from + clause.size();
          for (const auto& w : label_filters_)
            if (w.begin >= from && w.end <= to) set_bit(filters_, w.filter);
        } else {
          tx.words.for_each_word(clause, kFilter,
                                 [&](uint32_t node, uint8_t, size_t, size_t) { set_bit(filters_, tx.filter_of[node]); });
        }
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
