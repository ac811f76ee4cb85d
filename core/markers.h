// Numbering markers: 一、 (一) 1. (1) ① ⑴ 第一部分 (headings, from
// heading_forms.txt) and 一是 第一， (points, from point_forms.txt), matched at
// a position of the cleaned text. Used by segment (a paragraph that opens with
// a marker is never joined to the one before) and by headings. A Marker views
// the vocabulary and the text it was matched in.
#pragma once
#include <optional>
#include <string>
#include <string_view>

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
// The chars any heading or point form opens with: no marker starts elsewhere.
const BmpSet& marker_starts();

// 一 二 … 九十九 as an ordinal, or 0; `len` gets the chars read.
int read_cn_ordinal(const std::u32string& s, size_t pos, size_t& len);

}  // namespace reportlens
