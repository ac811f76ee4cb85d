// Numbering markers: 一、 (一) 1. (1) ① ⑴ 第一部分 (headings, from
// heading_forms.txt) and 一是 第一， (points, from point_forms.txt), matched at
// a position of the cleaned text. Used by segment (a paragraph that opens with
// a marker is never joined to the one before) and by headings. A Marker views
// the vocabulary and the text it was matched in.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace reportlens {

struct Marker {
  std::string_view style;     // heading style id (heading_forms.txt), or "point"
  int ordinal = 0;            // 1 for 一、 (1) ① 一是
  size_t length = 0;          // code points the marker takes, spaces after it included
  std::u32string_view form;   // canonical form, N D C P L standing for the number
  size_t number_at = std::u32string_view::npos;   // where form has that symbol
  std::u32string_view token;  // the number as written (in the text matched or the data)

  // 一、 (一) 1. (1) ① 一是; built on demand: most markers met are not kept.
  std::string canonical() const;
};

std::optional<Marker> match_heading_marker(const std::u32string& s, size_t pos);
std::optional<Marker> match_point_marker(const std::u32string& s, size_t pos);
// The chars a point form (point_forms.txt) opens with: no point starts elsewhere.
const BmpSet& point_openers();
// The chars any heading or point form opens with (no marker starts
// elsewhere), a byte each over the BMP: a scan that tests every char of a text
// reads one byte a char, with no shift or range test.
class MarkerStarts {
 public:
  void add(char32_t c) { if (c < 0x10000) bytes_[c] = 1; }
  // The first index in [i, end) whose char opens a marker, or end: four chars
  // a step, then the one. An astral char reads the byte of its low 16 bits and
  // is ruled out after.
  size_t next(std::u32string_view s, size_t i, size_t end) const {
    const uint8_t* bytes = bytes_.data();
    for (; i + 4 <= end; i += 4)
      if (bytes[s[i] & 0xFFFF] | bytes[s[i + 1] & 0xFFFF] | bytes[s[i + 2] & 0xFFFF] | bytes[s[i + 3] & 0xFFFF]) break;
    for (; i < end; ++i)
      if (bytes[s[i] & 0xFFFF] && s[i] < 0x10000) break;
    return i;
  }

 private:
  std::vector<uint8_t> bytes_ = std::vector<uint8_t>(0x10000, 0);
};
const MarkerStarts& marker_starts();

// 一 二 … 九十九 as an ordinal, or 0; `len` gets the chars read.
int read_cn_ordinal(const std::u32string& s, size_t pos, size_t& len);

}  // namespace reportlens
