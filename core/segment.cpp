// Stage 3, segment (see segment.h).
#include "segment.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "data.h"
#include "markers.h"
#include "phrase_index.h"

namespace reportlens {
namespace {

// Lines of up to this many chars are counted for repeats (watermarks, running headers).
constexpr size_t kShortLine = 24;

constexpr uint32_t kNoText = UINT32_MAX;

struct Line {
  size_t begin, end;          // in the input NormText, trimmed
  uint32_t text = kNoText;    // a line of up to kShortLine chars: its text's index in TextCounts
  bool joined = false;        // (kept lines) continues the kept line before it
};

// The index of the first '\n' in s[i, end), or end. Most lines run on for
// dozens of chars, so eight are tested a step for a control char (below
// U+0020; normalize keeps none but '\n', another would only slow the scan):
// two chars are read as one 64-bit word, and a char below 0x20 sets its top
// bit when 0x20 is taken from it (a code point never has that bit, and a
// borrow into the next char comes only from a char already found).
size_t next_newline(const char32_t* s, size_t i, size_t end) {
  constexpr uint64_t kSpaces = 0x0000002000000020ULL, kTops = 0x8000000080000000ULL;
  auto less_spaces = [s](size_t k) {   // the two chars at k as one word, 0x20 taken from each
    uint64_t w;
    std::memcpy(&w, s + k, sizeof w);
    return w - kSpaces;
  };
  for (; i + 8 <= end; i += 8)
    if ((less_spaces(i) | less_spaces(i + 2) | less_spaces(i + 4) | less_spaces(i + 6)) & kTops) break;
  while (i < end && s[i] != U'\n') ++i;
  return i;
}

// The texts of the short lines, each with how many lines have it: open
// addressing over the distinct texts, grown as texts are added, so that the
// count is linear in the number of lines (sorting the lines by a hash of their
// text was n log n, and read each line's chars again after the sort, out of
// cache in a long document). A line is counted as it is split off, its chars
// still in cache, and compared only with the first line that had its text,
// whose chars stay there.
class TextCounts {
 public:
  explicit TextCounts(std::u32string_view chars) : chars_(chars) {}
  // Counts one more line with the text [begin, end); returns the text's index.
  uint32_t add(size_t begin, size_t end) {
    const std::u32string_view text = chars_.substr(begin, end - begin);
    const size_t hash = std::hash<std::u32string_view>{}(text);
    if (2 * (texts_.size() + 1) > slots_.size()) grow();
    size_t at = hash & (slots_.size() - 1);
    for (; slots_[at] != kNoText; at = (at + 1) & (slots_.size() - 1)) {
      Text& t = texts_[slots_[at]];
      if (t.hash == hash && chars_.substr(t.begin, t.end - t.begin) == text) {
        ++t.copies;
        return slots_[at];
      }
    }
    slots_[at] = static_cast<uint32_t>(texts_.size());
    texts_.push_back({hash, begin, end, 1});
    return slots_[at];
  }
  // How many lines have the text of index `text` (0 for kNoText).
  int copies(uint32_t text) const { return text == kNoText ? 0 : texts_[text].copies; }

 private:
  struct Text {
    size_t hash;
    size_t begin, end;   // where the first line with this text has it
    int copies;
  };
  std::u32string_view chars_;
  std::vector<Text> texts_;
  std::vector<uint32_t> slots_;   // indexes into texts_, kNoText where none
  void grow() {
    slots_.assign(slots_.empty() ? 256 : 2 * slots_.size(), kNoText);
    for (uint32_t k = 0; k < texts_.size(); ++k) {
      size_t at = texts_[k].hash & (slots_.size() - 1);
      while (slots_[at] != kNoText) at = (at + 1) & (slots_.size() - 1);
      slots_[at] = k;
    }
  }
};

bool is_chrome(std::u32string_view line) {
  static const auto sections = data_sections("noise.txt");
  static const auto contained = [] {
    PhraseIndex<> index;
    for (const auto& p : sections.at("line_contains")) index.add(p);
    return index;
  }();
  if (line.size() < 120) {
    for (size_t i = contained.next_opening(line, 0, line.size()); i < line.size(); i = contained.next_opening(line, i + 1, line.size()))
      if (contained.match_at(line, i, line.size())) return true;
  }
  for (const auto& p : sections.at("line_exact")) if (line == p) return true;
  // a row of site names, "中国政府网 吉林省政府网 长春市政府网", or a navigation
  // bar, "首页 | 机构概况 | 政务公开 | 办事服务" (pipes read as spaces): a word that
  // is neither a site name nor a short Han word rules both out
  size_t words = 0;
  bool all_sites = true, all_short = true;
  for (size_t p = 0; p < line.size();) {
    size_t sp = line.find(U' ', p);
    if (sp == std::u32string_view::npos) sp = line.size();
    if (sp > p) {
      ++words;
      std::u32string_view w = line.substr(p, sp - p);
      all_sites &= w.size() >= 3 && (w.back() == U'网' || (w.size() > 2 && w.substr(w.size() - 2) == U"网站"));
      if (all_short) {
        all_short = w.size() >= 2 && w.size() <= 8;
        for (size_t k = 0; all_short && k < w.size(); ++k) all_short = is_han(w[k]);
      }
      if (!all_sites && !all_short) return false;
    }
    p = sp + 1;
  }
  return (words >= 2 && all_sites) || (words >= 4 && all_short);
}

// "- 3 -", "第 3 页", "第3页 共10页", "3", "3/10": page furniture
bool is_page_number(std::u32string_view line) {
  if (line.size() > 16) return false;
  size_t digits = 0;
  for (char32_t c : line) {
    if (is_digit(c)) ++digits;
    else if (!(c == U' ' || c == U'-' || c == U'—' || c == U'–' || c == U'/' || c == U'第' || c == U'页' || c == U'共' ||
               c == U'P' || c == U'p' || c == U'·')) return false;
  }
  return digits > 0 && digits <= 4;
}

// Whether line, with its spaces taken out, is word ("目  录" is 目录).
bool equals_without_spaces(std::u32string_view line, std::u32string_view word) {
  size_t k = 0;
  for (char32_t c : line) {
    if (c == U' ') continue;
    if (k == word.size() || word[k] != c) return false;
    ++k;
  }
  return k == word.size();
}

// A table-of-contents entry: "一、主要举措和成效……3", "目  录"
bool is_contents_line(std::u32string_view line) {
  static const auto titles = data_sections("noise.txt").at("contents_titles");
  for (const auto& title : titles)
    if (equals_without_spaces(line, title)) return true;
  size_t e = line.size();
  while (e > 0 && (is_digit(line[e - 1]) || line[e - 1] == U' ')) --e;
  if (e == line.size() || e == 0) return false;
  size_t leaders = 0;
  while (e > 0 && (line[e - 1] == U'.' || line[e - 1] == U'…' || line[e - 1] == U'·' || line[e - 1] == U'-' ||
                   line[e - 1] == U'─' || line[e - 1] == U'—' || line[e - 1] == U'．' || line[e - 1] == U'。' || line[e - 1] == U' '))
    --e, ++leaders;
  return leaders >= 3;
}

// A line without 。 that is short or ends like a heading or a title is complete.
bool looks_complete(std::u32string_view line) {
  static const auto finals = data_sections("title_ends.txt").at("heading_finals");
  if (line.find(U'。') != std::u32string_view::npos) return false;
  if (line.size() <= 24) return true;
  for (const auto& f : finals)
    if (ends_with(line, f)) return true;
  return false;
}

// Whether a line ending on c is open: mid-sentence, on a Han char, a digit,
// a letter or a mark of title_ends.txt's [open_ends] (， 、).
bool ends_open(char32_t c) {
  static const BmpSet marks = [] {
    BmpSet out;
    const auto sections = data_sections("title_ends.txt");   // held: a range-for over .at() of a temporary would dangle
    for (const auto& m : sections.at("open_ends"))
      if (m.size() == 1) out.add(m[0]);
    return out;
  }();
  return is_han(c) || is_digit(c) || is_ascii_alpha(c) || marks.has(c);
}

bool has_inner_punct(std::u32string_view s) {
  for (char32_t c : s) if (c == U'，' || c == U'。' || c == U'；' || c == U'、' || c == U',') return true;
  return false;
}

}  // namespace

// not inlined into analyze() (see analyze.cpp)
[[gnu::noinline]] Segmented segment(NormText in, std::vector<Diagnostic>& diags) {
  Segmented out;
  // 1. lines, trimmed; the short ones' texts counted (repeated short lines
  // are watermarks and running headers)
  std::vector<Line> lines;
  lines.reserve(in.size() / 32 + 16);
  const std::u32string_view chars = in.chars;
  TextCounts counts(chars);
  for (size_t i = 0; i <= in.size();) {
    size_t j = next_newline(in.chars.data(), i, in.size());
    size_t b = i, e = j;
    while (b < e && (is_space(in.chars[b]) || in.chars[b] == U' ')) ++b;
    while (e > b && is_space(in.chars[e - 1])) --e;
    if (e > b) lines.push_back({b, e, e - b <= kShortLine ? counts.add(b, e) : kNoText, false});
    i = j + 1;
  }
  auto text_of = [&](const Line& l) { return chars.substr(l.begin, l.end - l.begin); };
  // 2. keep, drop or join
  size_t chrome = 0, pages = 0, contents = 0, repeats = 0, joins = 0;
  std::vector<Line> kept;
  kept.reserve(lines.size());
  for (Line l : lines) {
    // chrome, page numbers, contents entries and watermarks are short lines:
    // a long paragraph is never looked up
    const bool short_line = l.end - l.begin < 120;
    const std::u32string_view t = text_of(l);
    bool marker = match_heading_marker(in.chars, l.begin).has_value();
    if (short_line && !marker && is_chrome(t)) {
      NormText c;
      c.append(in, l.begin, l.end);
      out.chrome.push_back(std::move(c));
      ++chrome;
      continue;
    }
    if (short_line && is_page_number(t)) { ++pages; continue; }
    if (short_line && is_contents_line(t)) { ++contents; continue; }
    if (!marker && counts.copies(l.text) >= 3 && !has_inner_punct(t)) { ++repeats; continue; }
    bool join = false;
    const Line& p = kept.empty() ? l : kept.back();
    bool prev_formatted = (in.flags[p.begin] & kMdHeading) || (p.end < in.size() && (in.flags[p.end] & kBoldEdge));
    if (!kept.empty() && !marker && !prev_formatted) {
      std::u32string_view prev = text_of(kept.back());
      char32_t last = prev.back(), first = in.chars[l.begin];
      join = ends_open(last) && !looks_complete(prev) && (has_inner_punct(prev) || prev.size() >= 25) &&
             (is_han(first) || is_digit(first) || first == U'“' || first == U'《') &&
             !match_point_marker(in.chars, l.begin);
    }
    l.joined = join;
    kept.push_back(l);
    if (join) ++joins;
  }
  // 3. the cleaned text: kept lines, '\n' between paragraphs, nothing at joins.
  // Written over the input in place: each kept line after the first follows at
  // least one '\n' there, so the writing never overtakes the reading.
  size_t w = 0;
  out.blocks.reserve(kept.size());   // a block per kept line at most
  for (size_t k = 0; k < kept.size(); ++k) {
    const Line& l = kept[k];
    if (k > 0 && !l.joined) {
      uint32_t at = in.to[w - 1];   // where the previous paragraph's last char ends
      in.chars[w] = U'\n';
      in.from[w] = at;
      in.to[w] = at;
      in.flags[w] = 0;
      ++w;
    }
    if (!l.joined) out.blocks.push_back({w, 0});
    if (w < l.begin) {   // (w == l.begin: the line is in place already)
      std::copy(in.chars.begin() + l.begin, in.chars.begin() + l.end, in.chars.begin() + w);
      std::copy(in.from.begin() + l.begin, in.from.begin() + l.end, in.from.begin() + w);
      std::copy(in.to.begin() + l.begin, in.to.begin() + l.end, in.to.begin() + w);
      std::copy(in.flags.begin() + l.begin, in.flags.begin() + l.end, in.flags.begin() + w);
    }
    w += l.end - l.begin;
    out.blocks.back().end = w;
  }
  in.chars.resize(w);
  in.from.resize(w);
  in.to.resize(w);
  in.flags.resize(w);
  out.text = std::move(in);
  if (chrome) diags.push_back({"noise_removed", Severity::info, "已去除 " + std::to_string(chrome) + " 行网页栏目文字（位置导航、字体、打印、浏览量等）。", std::nullopt});
  if (pages) diags.push_back({"page_numbers_removed", Severity::info, "已去除 " + std::to_string(pages) + " 行页码。", std::nullopt});
  if (contents) diags.push_back({"contents_removed", Severity::info, "已跳过 " + std::to_string(contents) + " 行目录（带引导点和页码），不作为标题。", std::nullopt});
  if (repeats) diags.push_back({"repeated_lines_removed", Severity::info, "已去除 " + std::to_string(repeats) + " 行重复出现的页眉、页脚或水印。", std::nullopt});
  if (joins) diags.push_back({"page_breaks_joined", Severity::info, "已把 " + std::to_string(joins) + " 处被分页或换行断开的段落接回。", std::nullopt});
  return out;
}

}  // namespace reportlens
