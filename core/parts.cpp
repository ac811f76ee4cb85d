// Stage 5, parts (see parts.h).
#include "parts.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "data.h"
#include "normalize.h"
#include "phrase_index.h"
#include "text.h"

namespace reportlens {
namespace {

std::optional<Part> parse_part(const std::u32string& id) {
  if (id == U"measures") return Part::measures;
  if (id == U"shortcomings") return Part::shortcomings;
  if (id == U"leadership") return Part::leadership;
  if (id == U"plans") return Part::plans;
  if (id == U"other") return Part::other;
  return std::nullopt;
}

// Writes the chars of UTF-8 `title` (valid: the core wrote it) to out, which
// has room for title.size(), folded as normalize folds (the phrases are
// matched against folded text); returns their count.
size_t folded_chars(std::string_view title, char32_t* out) {
  size_t n = 0;
  for (size_t i = 0; i < title.size();) out[n++] = fold_char(next_utf8(title, i));
  return n;
}

}  // namespace

const char* part_id(Part p) {
  switch (p) {
    case Part::measures: return "measures";
    case Part::shortcomings: return "shortcomings";
    case Part::leadership: return "leadership";
    case Part::plans: return "plans";
    case Part::other: return "other";
  }
  return "other";
}

const char* part_name(Part p) {
  static const auto names = [] {   // part -> its name, from the "=" rows of parts.txt
    std::vector<std::pair<Part, std::string>> out;
    for (const auto& row : data_rows("parts.txt"))
      if (row.size() >= 3 && row[1] == U"=")
        if (auto part = parse_part(row[0])) out.emplace_back(*part, to_utf8(row[2]));
    return out;
  }();
  for (const auto& [part, name] : names) if (part == p) return name.c_str();
  return "";
}

std::optional<Part> part_from_title(const std::string& title) {
  // the phrases of parts.txt, valued by their row: the first row that matches wins
  struct Phrases {
    PhraseIndex<size_t> index;
    std::vector<std::optional<Part>> parts;   // by row
  };
  static const Phrases phrases = [] {
    Phrases out;
    for (const auto& row : data_rows("parts.txt"))
      if (row.size() >= 2 && row[1] != U"=") {
        out.index.add(row[1], out.parts.size());
        out.parts.push_back(parse_part(row[0]));
      }
    return out;
  }();
  char32_t on_stack[256];   // a title's chars, most titles; a longer one goes to the heap
  std::u32string on_heap(title.size() > std::size(on_stack) ? title.size() : 0, U'\0');
  char32_t* buffer = on_heap.empty() ? on_stack : on_heap.data();
  const std::u32string_view t(buffer, folded_chars(title, buffer));
  size_t first = phrases.parts.size();
  for (size_t k = phrases.index.next_opening(t, 0, t.size()); k < t.size(); k = phrases.index.next_opening(t, k + 1, t.size()))
    for (const auto& [phrase, row] : *phrases.index.starting_with(t[k]))
      if (row < first && starts_with_at(t, k, phrase)) first = row;
  if (first == phrases.parts.size()) return std::nullopt;
  return phrases.parts[first];
}

void assign_parts(std::vector<Section>& sections) {
  bool after_review = false;   // a shortcomings or plans section came before
  for (Section& s : sections) {
    if (s.level != 1) continue;
    if (auto p = part_from_title(s.title)) {
      s.part = p;
      s.part_reason = "title";
      if (*p == Part::shortcomings || *p == Part::plans) after_review = true;
    } else {
      s.part = after_review ? Part::other : Part::measures;
      s.part_reason = "context";
    }
  }
}

std::vector<Part> missing_parts(const std::vector<Section>& sections) {
  std::vector<Part> missing;
  for (Part p : {Part::measures, Part::shortcomings, Part::leadership, Part::plans}) {
    bool found = false;
    for (const Section& s : sections) found |= s.level == 1 && s.part == p;
    if (!found) missing.push_back(p);
  }
  if (missing.empty()) return missing;
  // a part nested one level down (二、(三)第一责任人履职情况) is there too
  for (const Section& s : sections) {
    if (s.level != 2) continue;
    auto p = part_from_title(s.title);
    if (p && *p != Part::measures) missing.erase(std::remove(missing.begin(), missing.end(), *p), missing.end());
  }
  return missing;
}

}  // namespace reportlens
