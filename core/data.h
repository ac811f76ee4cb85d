// Access to the vocabularies in core/data/, embedded at build time
// (tools/embed_data.cmake). Line files: one entry a line, `#` comments,
// fields separated by tabs. Parsed once, on first use, then read-only.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text.h"

namespace reportlens {

std::string_view data_file(std::string_view name);   // empty if absent

// Non-comment, non-blank lines, each split on tabs into code-point fields.
std::vector<std::vector<std::u32string>> data_rows(std::string_view name);

// Rows of a sectioned file: "[section]" lines start a section; returns the
// first fields of each row, by section name.
std::unordered_map<std::string, std::vector<std::u32string>> data_sections(std::string_view name);

// Traditional -> simplified, one code point to one, from OpenCC's table.
char32_t to_simplified(char32_t c);
// The BMP part of that table, for loops that fold every char of a document: a
// bit per char says whether it is traditional (8 KB, which stays in cache)
// before the 256 KB table is read.
struct SimplifiedBmp {
  BmpSet traditional;
  std::vector<char32_t> to = std::vector<char32_t>(0x10000, 0);
  char32_t fold(char32_t c) const { return traditional.has(c) ? to[c] : c; }   // c < 0x10000
};
const SimplifiedBmp& simplified_bmp();

}  // namespace reportlens
