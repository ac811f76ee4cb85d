// A word trie: many words of a few kinds, found in one walk over a text
// (the taxonomy's words in labels and clauses, stage 8a; the prefecture
// names a report without its own place name mentions, stage 6). A header of
// its own so the tests reach the cases the shipped vocabularies have none of
// (words of one char, chars beyond the BMP).
#pragma once
#include <cassert>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "text.h"

namespace reportlens {

// Words of a few kinds (bits) as a trie of code points; a word is known by
// the node that ends it. A walk for some kinds leaves a branch as soon as no
// word of those kinds lies further down it. Built by add(), then sealed: the
// edges go in a hash table of (node, char) read without a branch, and the
// first two chars of every longer word in one of (char, char), which a walk
// asks at every char of a text (see EdgeTable).
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

  // Lays out the edges added so far: every edge in the edge table, and
  // each word's first two chars, as a pair, in the pair table (a walk asks
  // it at every char of a text); the chars that are words alone in a set.
  void seal() {
    assert(nodes_.size() < EdgeTable::kMaxNodes);   // a slot's key holds a node in 21 bits
    std::vector<EdgeTable::Edge> edges, pairs;
    for (uint32_t node = 0; node < nodes_.size(); ++node)
      for (const auto& [c, next] : building_[node]) {
        edges.push_back({node, c, next});
        if (node != kRoot) continue;
        if (nodes_[next].ends && c < 0x10000) singles_.add(c);
        if (nodes_[next].ends && c >= 0x10000) astral_singles_ = true;
        any_singles_ = any_singles_ || nodes_[next].ends;
        for (const auto& [c2, next2] : building_[next]) pairs.push_back({c, c2, next2});
      }
    edges_.build(edges);
    pairs_.build(pairs);
    for (const auto& p : pairs) pair_filter_.add(p.node, p.c);
    building_.clear();
  }

  size_t size() const { return nodes_.size(); }

  // Calls found(node, kinds ending there, begin, end) for every word of
  // `kinds` written in s, once per occurrence at s[begin, end), in the order
  // of begin, then end.
  template <class Found>
  void for_each_word(std::u32string_view s, uint8_t kinds, Found&& found) const {
    // the tables in locals: found() writes memory, which would make them reloaded at every step
    const Node* const nodes = nodes_.data();
    const EdgeTable::View edges = edges_.view(), pairs = pairs_.view();
    const size_t n = s.size();
    // In chunks, two passes. The first marks the places whose pair of chars
    // may open a word (pair_filter_), without a branch: whether a place opens
    // one depends on the text, and a branch on it went either way. The second
    // looks the pair up at those places only and walks on.
    const PairFilter& pair_filter = pair_filter_;
    constexpr size_t kChunk = 64;
    uint8_t marked[kChunk];   // places in the chunk
    for (size_t from = 0; from < n; from += kChunk) {
      const size_t to = n - from > kChunk ? from + kChunk : n;
      const size_t pairs_to = to < n ? to : n - 1;   // the text's last char opens no pair
      size_t count = 0;
      if (any_singles_) {   // a loop for each case: testing every char for a word alone tripled the pass
        for (size_t i = from; i < to; ++i) {
          marked[count] = static_cast<uint8_t>(i - from);
          count += is_single(s[i]) | (i < pairs_to && pair_filter.may_open(s[i], s[i + 1]));
        }
      } else {
        for (size_t i = from; i < pairs_to; ++i) {
          marked[count] = static_cast<uint8_t>(i - from);
          count += pair_filter.may_open(s[i], s[i + 1]);
        }
      }
      for (size_t m = 0; m < count; ++m) {
        const size_t i = from + marked[m];
        if (any_singles_ && is_single(s[i])) {   // a word of one char: none in most vocabularies
          const uint32_t single = edges.child(kRoot, s[i]);
          if (nodes[single].ends & kinds) found(single, nodes[single].ends, i, i + 1);
        }
        uint32_t node = i + 1 < n ? pairs.child(s[i], s[i + 1]) : kRoot;
        for (size_t k = i + 2; node != kRoot; node = k < n ? edges.child(node, s[k++]) : kRoot) {
          const Node& at = nodes[node];
          if (!(at.below & kinds)) break;
          if (at.ends & kinds) found(node, at.ends, i, k);
        }
      }
    }
  }

 private:
  static constexpr uint32_t kRoot = 0;   // also "no such child": no edge leads back to the root
  struct Node {
    uint8_t ends = 0;    // kinds of the words that end here
    uint8_t below = 0;   // kinds of the words that end here or further down
  };

  // Edges as a cuckoo hash table: an edge (node, c) -> next lies in one of
  // two slots that the key's two hashes pick, so a lookup reads both and
  // selects without a branch (a scan of a node's edges mispredicted at
  // almost every step of a walk). A slot packs next, node and c in 64 bits,
  // which holds code points and any trie of under 2^21 nodes (the
  // taxonomy's has a few thousand). The pair table keys by a first char
  // where this says node.
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
        // masks, not ?: (which GCC compiles to a branch)
        const uint64_t in_a = -uint64_t{(a & kKeyMask) == k}, in_b = -uint64_t{(b & kKeyMask) == k};
        return static_cast<uint32_t>(((a & in_a) | (b & in_b)) >> kKeyBits);   // kRoot when neither holds k
      }
    };
    void build(const std::vector<Edge>& edges) {
      // at most half full (the taxonomy's 972 edges fill 2,048 slots, 16 KB,
      // which stay in L1 beside the walk's other tables; at 3/8, 4,096 slots
      // made the corpus 0.5% slower); larger until every edge has a slot
      for (int bits = 6;; ++bits) {
        if ((size_t{1} << bits) / 2 < edges.size()) continue;
        shift_ = 64 - bits;
        slots_.assign(size_t{1} << bits, kEmpty);
        bool placed = true;
        for (const Edge& e : edges) placed = placed && place(key(e.node, e.c) | uint64_t{e.next} << kKeyBits);
        if (placed) return;
      }
    }
    View view() const { return {slots_.data(), shift_}; }

    static constexpr uint32_t kMaxNodes = uint32_t{1} << 21;

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
  EdgeTable edges_;   // every edge, the root's included
  std::vector<std::vector<std::pair<char32_t, uint32_t>>> building_ = decltype(building_)(1);   // until seal()
  EdgeTable pairs_;   // (first char, second char) -> the node after both, for every word of two chars or more
  BmpSet singles_;    // the BMP chars that are words alone
  bool astral_singles_ = false;
  bool any_singles_ = false;   // either of the two above holds a char: asked once a chunk
  PairFilter pair_filter_;   // the first two chars of every word (pairs_'s keys)
  bool is_single(char32_t c) const { return singles_.has(c) | (astral_singles_ & (c >= 0x10000)); }
};

}  // namespace reportlens
