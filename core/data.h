// Access to the vocabularies in core/data/, embedded at build time
// (tools/embed_data.cmake). Line files: one entry a line, `#` comments,
// fields separated by tabs. Parsed once, on first use, then read-only.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reportlens {

std::string_view data_file(std::string_view name);   // empty if absent

// Non-comment, non-blank lines, each split on tabs into code-point fields.
std::vector<std::vector<std::u32string>> data_rows(std::string_view name);

// Rows of a sectioned file: "[section]" lines start a section; returns the
// first fields of each row, by section name.
std::unordered_map<std::string, std::vector<std::u32string>> data_sections(std::string_view name);

// Traditional -> simplified, one code point to one, from OpenCC's table.
char32_t to_simplified(char32_t c);
// The BMP part of that table, 0 where a char is not traditional: for loops
// that fold every char of a document.
const std::vector<char32_t>& simplified_bmp();

}  // namespace reportlens
