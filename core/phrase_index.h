// A set of phrases indexed by their first char, for the scans that ask at
// every char of a document "does a phrase of this vocabulary start here?".
// Tables over the BMP map a char straight to its phrases, without hashing;
// matches_at (text.h) tests a phrase at a position; next_opening passes over
// the chars that open none, most of a text, in a loop that stores nothing
// (next_in, text.h).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text.h"

namespace reportlens {

template <class Value = bool>
class PhraseIndex {
 public:
  using Entry = std::pair<std::u32string, Value>;

  void add(const std::u32string& phrase, Value value = {}) {
    if (phrase.empty()) return;
    char32_t c = phrase[0];
    if (c < 0x10000) {
      if (!bucket_[c]) {
        buckets_.emplace_back();
        bucket_[c] = static_cast<uint16_t>(buckets_.size());   // 1-based: 0 is "none"
        opens_.add(c);
      }
      buckets_[bucket_[c] - 1].emplace_back(phrase, std::move(value));
    } else {
      astral_[c].emplace_back(phrase, std::move(value));
    }
  }

  // The first index in [i, end) whose char opens a phrase, or end.
  size_t next_opening(std::u32string_view s, size_t i, size_t end) const {
    if (!astral_.empty()) {
      while (i < end && !starting_with(s[i])) ++i;
      return i;
    }
    return next_in(opens_, s, i, end);
  }

  // The first phrase (in the order added) written at s[i, end), or null.
  const Entry* match_at(std::u32string_view s, size_t i, size_t end) const {
    if (i >= end || i >= s.size()) return nullptr;
    if (const std::vector<Entry>* list = starting_with(s[i]))
      for (const Entry& e : *list)
        if (matches_at(s, i, end, e.first)) return &e;
    return nullptr;
  }

  // The phrases that start with c, in the order they were added; null if none.
  // The BMP case is a few instructions, small enough to inline into the scans.
  const std::vector<Entry>* starting_with(char32_t c) const {
    if (c < 0x10000) return opens_.has(c) ? &buckets_[bucket_[c] - 1] : nullptr;
    return astral_starting_with(c);
  }

 private:
  // BMP first chars: a bit each (read for every char, stays in cache), then
  // the bucket (128 KB, read only for a char that opens a phrase)
  BmpSet opens_;
  std::vector<uint16_t> bucket_ = std::vector<uint16_t>(0x10000, 0);   // bucket + 1
  std::vector<std::vector<Entry>> buckets_;
  std::unordered_map<char32_t, std::vector<Entry>> astral_;

  [[gnu::noinline]] const std::vector<Entry>* astral_starting_with(char32_t c) const {
    if (astral_.empty()) return nullptr;
    auto it = astral_.find(c);
    return it == astral_.end() ? nullptr : &it->second;
  }
};

}  // namespace reportlens
