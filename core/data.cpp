// Reads the embedded data files (see data.h).
#include "data.h"

#include <utility>

#include "text.h"

namespace reportlens {

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();

std::string_view data_file(std::string_view name) {
  for (const auto& [n, body] : embedded_files())
    if (n == name) return body;
  return {};
}

std::vector<std::vector<std::u32string>> data_rows(std::string_view name) {
  std::vector<std::vector<std::u32string>> rows;
  std::string_view body = data_file(name);
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view line = body.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    std::vector<std::u32string> fields;
    size_t f = 0;
    while (true) {
      size_t tab = line.find('\t', f);
      std::string_view field = line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f);
      while (!field.empty() && field.back() == ' ') field.remove_suffix(1);
      while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
      fields.push_back(from_utf8(field));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

std::unordered_map<std::string, std::vector<std::u32string>> data_sections(std::string_view name) {
  std::unordered_map<std::string, std::vector<std::u32string>> out;
  std::string current;
  for (auto& row : data_rows(name)) {
    const std::u32string& f = row[0];
    if (f.size() > 2 && f.front() == U'[' && f.back() == U']') {
      current = to_utf8(f.substr(1, f.size() - 2));
      out[current];
    } else {
      out[current].push_back(f);
    }
  }
  return out;
}

const SimplifiedBmp& simplified_bmp() {
  static const SimplifiedBmp bmp = [] {
    SimplifiedBmp t;
    for (auto& row : data_rows("ts_characters.txt")) {
      if (row.size() < 2 || row[0].size() != 1 || row[1].empty() || row[0][0] > 0xFFFF) continue;
      char32_t c = row[0][0];
      t.to[c] = row[1][0];   // first candidate; "阪 坂" keeps 阪
      if (t.to[c] != c) t.traditional.add(c);
    }
    return t;
  }();
  return bmp;
}

namespace {

char32_t astral_simplified(char32_t c) {
  static const std::unordered_map<char32_t, char32_t> astral = [] {   // the few astral ones
    std::unordered_map<char32_t, char32_t> t;
    for (auto& row : data_rows("ts_characters.txt"))
      if (row.size() >= 2 && row[0].size() == 1 && !row[1].empty() && row[0][0] > 0xFFFF) t.emplace(row[0][0], row[1][0]);
    return t;
  }();
  auto it = astral.find(c);
  return it == astral.end() ? c : it->second;
}

}  // namespace

char32_t to_simplified(char32_t c) {
  if (c < 0x3400) return c;   // no Han char below: most punctuation and all ASCII return here
  if (c <= 0xFFFF) return simplified_bmp().fold(c);
  return astral_simplified(c);
}

}  // namespace reportlens
