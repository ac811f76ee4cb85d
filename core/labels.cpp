// Stage 7b, labels (see labels.h).
#include "labels.h"

#include <unordered_map>
#include <vector>

#include "data.h"
#include "text.h"

namespace reportlens {
namespace {

const std::unordered_map<std::string, std::vector<std::u32string>>& words() {
  static const auto w = data_sections("label_stopwords.txt");
  return w;
}

// The verbs that end a noun, by first char (noun_after looks at every char).
const std::unordered_map<char32_t, std::vector<std::u32string>>& verbs_by_first() {
  static const auto index = [] {
    std::unordered_map<char32_t, std::vector<std::u32string>> m;
    for (const auto& v : words().at("verbs")) if (!v.empty()) m[v[0]].push_back(v);
    return m;
  }();
  return index;
}

bool is_separator(char32_t c) {
  return c == U'、' || c == U'，' || c == U',' || c == U' ' || c == U'“' || c == U'”' || c == U'"' || c == U'：' ||
         c == U':' || c == U'(' || c == U')' || c == U'；' || c == U'。' || c == U'-' || c == U'—';
}

}  // namespace

// Stop words by their first char (leading) or their last char (trailing).
using WordIndex = std::unordered_map<char32_t, std::vector<std::u32string>>;
WordIndex index_words(const char* section, bool by_last) {
  WordIndex index;
  for (const auto& w : words().at(section))
    if (!w.empty()) index[by_last ? w.back() : w.front()].push_back(w);
  return index;
}

std::u32string clean_label(std::u32string s) {
  for (size_t at = s.find(U"分别"); at != std::u32string::npos; at = s.find(U"分别")) s.erase(at, 2);   // 同比分别下降
  static const WordIndex leading_by_first = index_words("leading", false);
  static const WordIndex trailing_by_last = index_words("trailing", true);
  static const std::vector<std::u32string> none;
  auto starting = [&](char32_t c) -> const std::vector<std::u32string>& {
    auto it = leading_by_first.find(c);
    return it == leading_by_first.end() ? none : it->second;
  };
  auto ending = [&](char32_t c) -> const std::vector<std::u32string>& {
    auto it = trailing_by_last.find(c);
    return it == trailing_by_last.end() ? none : it->second;
  };
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    while (!s.empty() && is_separator(s.front())) s.erase(0, 1), changed = true;
    while (!s.empty() && is_separator(s.back())) s.pop_back(), changed = true;
    // a year or period up front: 2024年, 2024年度, 截至2024年底
    size_t k = 0;
    while (k < s.size() && is_digit(s[k])) ++k;
    if (k == 4 && k < s.size() && s[k] == U'年') {
      s.erase(0, k + 1);
      changed = true;
      continue;
    }
    if (s.empty()) break;
    for (const auto& w : starting(s.front())) {
      if (s.size() >= w.size() && s.compare(0, w.size(), w) == 0) {
        s.erase(0, w.size());
        changed = true;
        break;
      }
    }
    if (s.empty()) break;
    for (const auto& w : ending(s.back())) {
      if (s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0) {
        s.erase(s.size() - w.size());
        changed = true;
        break;
      }
    }
  }
  return s;
}

std::u32string noun_after(const std::u32string& s, size_t pos, size_t end, size_t& stop) {
  const auto& verbs = verbs_by_first();
  size_t i = pos;
  bool quoted = false;   // 14期“晋城科技大讲堂”: a quoted name is part of the noun
  std::u32string out;
  while (i < end && out.size() < (quoted ? 24u : 14u)) {
    char32_t c = s[i];
    if (c == U'“' || c == U'《') { quoted = true; ++i; continue; }
    if (c == U'”' || c == U'》') { ++i; continue; }
    if (!(is_han(c) || is_ascii_alpha(c))) break;
    bool verb = false;
    if (auto it = verbs.find(c); it != verbs.end())
      for (const auto& v : it->second)
        if (starts_with_at(s, i, v)) { verb = true; break; }
    if (verb) break;
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
  for (const auto& v : words().at("verbs")) if (label == v) return true;
  for (const auto& v : words().at("carry_verbs")) if (label == v) return true;
  return false;
}

size_t leading_verb_length(const std::u32string& label) {
  for (const auto& v : words().at("carry_verbs"))
    if (label.size() > v.size() + 1 && label.compare(0, v.size(), v) == 0) return v.size();
  for (const auto& v : words().at("verbs"))
    if (label.size() > v.size() + 1 && label.compare(0, v.size(), v) == 0) return v.size();
  return 0;
}

}  // namespace reportlens
