// word_trie: every word of the asked kinds, at every place it is written,
// against a search word by word, including words of one char and chars
// beyond the BMP (the taxonomy has none of either), in texts longer than
// the walk's chunks.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "word_trie.h"

namespace {

using reportlens::WordTrie;
using Hit = std::tuple<size_t, size_t, uint8_t>;   // begin, end, kinds ending there

std::vector<Hit> walk(const WordTrie& trie, std::u32string_view text, uint8_t kinds) {
  std::vector<Hit> hits;
  trie.for_each_word(text, kinds, [&](uint32_t, uint8_t ends, size_t b, size_t e) { hits.emplace_back(b, e, ends); });
  std::sort(hits.begin(), hits.end());
  return hits;
}

// What the walk should find: each word compared at each place.
std::vector<Hit> search(const std::map<std::u32string, uint8_t>& words, std::u32string_view text, uint8_t kinds) {
  std::vector<Hit> hits;
  for (size_t i = 0; i < text.size(); ++i)
    for (const auto& [word, kind] : words)
      if ((kind & kinds) && text.substr(i, word.size()) == word) hits.emplace_back(i, i + word.size(), kind);
  std::sort(hits.begin(), hits.end());
  return hits;
}

}  // namespace

TEST_CASE("word trie: overlapping words, each occurrence, by kind") {
  WordTrie trie;
  trie.add(U"法治", 1);
  trie.add(U"法治政府", 1);
  trie.add(U"政府", 2);
  trie.add(U"", 1);   // names nothing
  trie.seal();
  CHECK(walk(trie, U"建设法治政府和法治", 1) == std::vector<Hit>{{2, 4, 1}, {2, 6, 1}, {7, 9, 1}});
  CHECK(walk(trie, U"建设法治政府和法治", 2) == std::vector<Hit>{{4, 6, 2}});
  CHECK(walk(trie, U"建设法治政府和法治", 3).size() == 4);
  CHECK(walk(trie, U"", 3).empty());
  CHECK(walk(trie, U"法", 3).empty());   // a word's first char alone, at the end of the text
}

TEST_CASE("word trie: words of one char and chars beyond the BMP") {
  WordTrie trie;
  trie.add(U"案", 1);
  trie.add(U"案件", 2);
  trie.add(U"\U00020000", 1);           // one astral char
  trie.add(U"\U00020000\U00020001", 2);   // an astral pair
  trie.add(U"a\U00020001b", 1);
  trie.seal();
  CHECK(walk(trie, U"立案件案", 3) == std::vector<Hit>{{1, 2, 1}, {1, 3, 2}, {3, 4, 1}});
  CHECK(walk(trie, U"立案件案", 2) == std::vector<Hit>{{1, 3, 2}});
  CHECK(walk(trie, U"\U00020000\U00020001a\U00020001b\U00020000", 3) ==
        std::vector<Hit>{{0, 1, 1}, {0, 2, 2}, {2, 5, 1}, {5, 6, 1}});
}

TEST_CASE("word trie: random vocabularies and texts, against a word-by-word search") {
  const std::u32string alphabet = U"ab法治\U00020000";
  std::mt19937 rng(20261122);
  auto pick = [&](size_t most) {
    std::u32string s;
    for (size_t n = rng() % (most + 1); n > 0; --n) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::map<std::u32string, uint8_t> words;
    const bool singles = round % 2 == 0;   // words of one char, or none (the walk has a pass for each)
    for (int k = 0; k < 12; ++k) {
      std::u32string w = pick(4);
      if (w.size() > (singles ? 0 : 1)) words[w] |= static_cast<uint8_t>(1u << (rng() % 3));
    }
    WordTrie trie;
    for (const auto& [w, kinds] : words)
      for (uint8_t bit = 1; bit < 8; bit <<= 1) if (kinds & bit) trie.add(w, bit);
    trie.seal();
    for (int t = 0; t < 10; ++t) {
      const std::u32string text = pick(t % 2 ? 30 : 200);   // past the walk's chunks of 64 chars
      for (uint8_t kinds : {1, 2, 4, 3, 7}) {
        CAPTURE(round);
        CAPTURE(int{kinds});
        CHECK(walk(trie, text, kinds) == search(words, text, kinds));
      }
    }
  }
}
