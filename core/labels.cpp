// Stage 7b, labels (see labels.h).
#include "labels.h"

#include <unordered_map>
#include <string>
#include <vector>

#include "data.h"
#include "phrase_index.h"
#include "text.h"

namespace reportlens {

using namespace std::string_view_literals;
namespace {

const std::unordered_map<std::string, std::vector<std::u32string>>& words() {
  static const auto w = data_sections("label_stopwords.txt");
  return w;
}

// A section of label_stopwords.txt indexed by first char.
PhraseIndex<> index_section(const char* section) {
  PhraseIndex<> m;
  for (const auto& v : words().at(section)) m.add(v);
  return m;
}

// The verbs that end a noun (noun_after looks at every char), and those that
// take the noun of the quantity before (先后8次召集 …).
const PhraseIndex<>& verbs_index() {
  static const auto index = index_section("verbs");
  return index;
}
const PhraseIndex<>& carry_verbs_index() {
  static const auto index = index_section("carry_verbs");
  return index;
}

bool is_separator(char32_t c) {
  return c == U'、' || c == U'，' || c == U',' || c == U' ' || c == U'“' || c == U'”' || c == U'"' || c == U'：' ||
         c == U':' || c == U'(' || c == U')' || c == U'；' || c == U'。' || c == U'-' || c == U'—';
}

}  // namespace

// Stop words by their first char (leading), or reversed so their last char
// comes first (trailing).
PhraseIndex<std::u32string> index_words(const char* section, bool by_last) {
  PhraseIndex<std::u32string> index;
  for (const auto& w : words().at(section)) index.add(by_last ? reversed(w) : w, w);
  return index;
}

std::u32string clean_label(std::u32string_view text) {
  // without 分别 (同比分别下降), also where dropping one joins another (分分别别);
  // copied only when the text has one
  std::u32string joined;
  bool has_fenbie = false;   // a loop over the chars: cheaper than a search for the pair
  for (size_t i = 1; i < text.size(); ++i) has_fenbie |= text[i] == U'别' && text[i - 1] == U'分';
  if (has_fenbie) {
    for (char32_t c : text) {
      joined += c;
      if (ends_with(joined, U"分别"sv)) joined.erase(joined.size() - 2);
    }
    text = joined;
  }
  static const auto leading = index_words("leading", false);
  static const auto trailing = index_words("trailing", true);
  static const std::vector<PhraseIndex<std::u32string>::Entry> none;
  auto starting = [&](char32_t c) -> const auto& { auto* l = leading.starting_with(c); return l ? *l : none; };
  auto ending = [&](char32_t c) -> const auto& { auto* l = trailing.starting_with(c); return l ? *l : none; };
  std::u32string_view v = text;   // trimmed from both ends; copied once at the end
  bool changed = true;
  while (changed && !v.empty()) {
    changed = false;
    while (!v.empty() && is_separator(v.front())) v.remove_prefix(1), changed = true;
    while (!v.empty() && is_separator(v.back())) v.remove_suffix(1), changed = true;
    // a year or period up front: 2024年, 2024年度, 截至2024年底
    size_t k = 0;
    while (k < v.size() && is_digit(v[k])) ++k;
    if (k == 4 && k < v.size() && v[k] == U'年') {
      v.remove_prefix(k + 1);
      changed = true;
      continue;
    }
    if (v.empty()) break;
    for (const auto& [key, w] : starting(v.front())) {
      if (v.size() >= w.size() && v.compare(0, w.size(), w) == 0) {
        v.remove_prefix(w.size());
        changed = true;
        break;
      }
    }
    if (v.empty()) break;
    for (const auto& [key, w] : ending(v.back())) {
      if (ends_with(v, w)) {
        v.remove_suffix(w.size());
        changed = true;
        break;
      }
    }
  }
  return std::u32string(v);
}

std::u32string noun_after(const std::u32string& s, size_t pos, size_t end, size_t& stop) {
  const auto& verbs = verbs_index();
  size_t i = pos;
  bool quoted = false;   // 14期“晋城科技大讲堂”: a quoted name is part of the noun
  std::u32string out;
  while (i < end && out.size() < (quoted ? 24u : 14u)) {
    char32_t c = s[i];
    if (c == U'“' || c == U'《') { quoted = true; ++i; continue; }
    if (c == U'”' || c == U'》') { ++i; continue; }
    if (!(is_han(c) || is_ascii_alpha(c))) break;
    if (verbs.match_at(s, i, s.size())) break;
    out += c;
    ++i;
  }
  stop = i;
  return out;
}

std::u32string action_after(const std::u32string& s, size_t pos, size_t end) {
  size_t i = pos;
  while (i < end && i - pos < 16 && (is_han(s[i]) || s[i] == U'“' || s[i] == U'”')) ++i;
  return s.substr(pos, i - pos);
}

bool is_verb_only(const std::u32string& label) {
  if (label.empty() || label.size() > 3) return false;
  for (const auto* index : {&verbs_index(), &carry_verbs_index()})
    if (auto* list = index->starting_with(label[0]))
      for (const auto& v : *list) if (label == v.first) return true;
  return false;
}

size_t leading_verb_length(const std::u32string& label) {
  if (label.empty()) return 0;
  for (const auto* index : {&carry_verbs_index(), &verbs_index()})   // carry verbs first
    if (auto* list = index->starting_with(label[0]))
      for (const auto& v : *list)
        if (label.size() > v.first.size() + 1 && label.compare(0, v.first.size(), v.first) == 0) return v.first.size();
  return 0;
}

}  // namespace reportlens
