// Stage 2, normalize (see normalize.h). utf8proc gives the character classes.
#include "normalize.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "data.h"

namespace reportlens {
namespace {

// HTML's vocabulary, from core/data/html.txt.
struct HtmlWords {
  std::unordered_set<std::string> block, known, raw, bold;
  std::unordered_map<std::string, char32_t> entities;
};

const HtmlWords& html_words() {
  static const HtmlWords w = [] {
    HtmlWords out;
    std::string section;
    for (const auto& row : data_rows("html.txt")) {
      std::string first = to_utf8(row[0]);
      if (first.size() > 2 && first.front() == '[') { section = first.substr(1, first.size() - 2); continue; }
      if (section == "block_tags") out.block.insert(first), out.known.insert(first);
      else if (section == "inline_tags") out.known.insert(first);
      else if (section == "raw_tags") out.raw.insert(first);
      else if (section == "bold_tags") out.bold.insert(first);
      else if (section == "entities" && row.size() >= 2 && row[1].size() > 2 && row[1].compare(0, 2, U"U+") == 0)
        out.entities[first] = static_cast<char32_t>(std::stoul(to_utf8(row[1].substr(2)), nullptr, 16));
    }
    return out;
  }();
  return w;
}

bool is_block_tag(const std::string& t) { return html_words().block.count(t) > 0; }
bool is_known_tag(const std::string& t) { return html_words().known.count(t) > 0; }

// A tag starting at i ('<' or a stray '/'): its name, whether closing, end index.
bool parse_tag(const std::u32string& s, size_t i, std::string& name, bool& closing, size_t& end) {
  size_t j = i;
  bool lt = s[j] == U'<';
  if (lt) ++j;
  closing = j < s.size() && s[j] == U'/';
  if (closing) ++j;
  if (!lt && !closing) return false;
  name.clear();
  while (j < s.size() && (is_ascii_alpha(s[j]) || is_digit(s[j]) || s[j] == U':') && name.size() < 12)
    name += static_cast<char>(s[j] >= U'A' && s[j] <= U'Z' ? s[j] + 32 : s[j]), ++j;
  if (name.empty() || !is_known_tag(name)) return false;
  size_t limit = std::min(s.size(), j + 2000);
  while (j < limit && s[j] != U'>' && s[j] != U'<' && s[j] != U'\n') ++j;
  if (j >= limit || s[j] != U'>') {
    if (!lt) return false;
    if (j < limit && s[j] == U'\n') {   // attributes over several lines
      size_t k = j;
      while (k < limit && s[k] != U'>' && s[k] != U'<') ++k;
      if (k >= limit || s[k] != U'>') return false;
      j = k;
    } else {
      return false;
    }
  }
  end = j + 1;
  return true;
}

// Whether s, from its first '<' (at `first`) on, holds three known tags or more.
bool looks_like_html(const std::u32string& s, size_t first) {
  size_t tags = 0;
  std::string name;
  bool closing;
  size_t end;
  for (size_t i = first; i < s.size() && tags < 3; ++i)
    if (s[i] == U'<' && parse_tag(s, i, name, closing, end)) ++tags;
  return tags >= 3;
}

// &nbsp; &amp; &#12345; &#x4e00; at i: the char and the index past ';'.
bool parse_entity(const std::u32string& s, size_t i, char32_t& out, size_t& end) {
  size_t j = i + 1;
  std::string name;
  while (j < s.size() && j - i < 10 && s[j] != U';' && (is_ascii_alpha(s[j]) || is_digit(s[j]) || s[j] == U'#'))
    name += static_cast<char>(s[j]), ++j;
  if (j >= s.size() || s[j] != U';' || name.empty()) return false;
  end = j + 1;
  if (name[0] == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return false;
    for (char ch : digits) if (!(std::isxdigit(static_cast<unsigned char>(ch)) && (hex || std::isdigit(static_cast<unsigned char>(ch))))) return false;
    unsigned long v = std::stoul(digits, nullptr, hex ? 16 : 10);
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    out = static_cast<char32_t>(v);
    return true;
  }
  auto it = html_words().entities.find(name);
  if (it == html_words().entities.end()) return false;
  out = it->second;
  return true;
}

// Invisible chars the general path of normalize() drops without a trace.
bool is_invisible(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x2060 || c == 0x00AD;
}

// The printable chars the general path of normalize() treats by a rule of
// their own: markup openers (tags, stray closing tags, entities, markdown bold
// and table cells) and the number punctuation whose fold depends on its
// neighbours. A new rule for a printable char must name it here, or the
// plain-char runs below would copy it past the rule.
bool has_own_rule(char32_t c) {
  return c == U'<' || c == U'/' || c == U'&' || c == U'*' || c == U'|' || c == U'．' || c == U'：';
}

// Chars of the common blocks that the general path of normalize() emits as
// they are once their line's markdown marks are looked at: no rule of their
// own, not dropped, no fold, assigned. Normalize copies runs of them (and of
// Han chars) without the general path.
const BmpSet& plain_chars() {
  static const BmpSet set = [] {
    BmpSet out;
    auto consider = [&](char32_t lo, char32_t hi) {
      for (char32_t c = lo; c <= hi; ++c) {
        if (has_own_rule(c) || is_invisible(c)) continue;
        if (fold_char(c) != c) continue;
        utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
        if (cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CN) continue;
        out.add(c);
      }
    };
    consider(0x20, 0x7E);       // ASCII
    consider(0x2000, 0x206F);   // general punctuation: “ ” … —
    consider(0x3000, 0x303F);   // CJK punctuation: 。 、 《 》
    consider(0xFF00, 0xFFEF);   // full-width forms: ， ； ！
    return out;
  }();
  return set;
}

bool is_cjk(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

// The (folded, input) pairs met, at most 2048, into the text's written
// forms: a char already in a pair (either side) starts no new one, so each
// folded char keeps the first traditional form seen.
struct Folds {
  explicit Folds(WrittenForms& out) : out_(out) {}
  void note(char32_t f, char32_t c) {
    if (out_.size() >= 2048) return;
    bool seen = f < 0x10000 ? in_pairs_.has(f) : astral_.find(f) != std::u32string::npos;
    if (seen) return;
    out_.add(f, c);
    for (char32_t x : {f, c}) {
      if (x < 0x10000) in_pairs_.add(x);
      else astral_ += x;
    }
  }

 private:
  WrittenForms& out_;
  BmpSet in_pairs_;        // BMP chars in a pair, to test without a search
  std::u32string astral_;  // the others
};

// A traditional Han char's simplified form, its pair noted: out of copy_run's
// loop, so that the loop's values keep their registers.
[[gnu::noinline]] char32_t fold_noted(char32_t c, const SimplifiedBmp& simplified, Folds& folds) {
  const char32_t f = simplified.to[c];
  folds.note(f, c);
  return f;
}

// What copy_run does with a BMP char: copies it (kCopy: a plain char or a
// simplified Han char; zero, so that the common case is one test), leaves the
// run (kLeave), or copies its simplified form (kFold: a traditional Han
// char). A byte each (64 KB).
enum RunClass : uint8_t { kCopy = 0, kLeave = 1, kFold = 2 };
const std::vector<uint8_t>& run_classes() {
  static const std::vector<uint8_t> classes =
      bmp_classes([&plain = plain_chars(), &traditional = simplified_bmp().traditional](char32_t c) {
        return is_cjk(c) ? (traditional.has(c) ? kFold : kCopy) : plain.has(c) ? kCopy : kLeave;
      });
  return classes;
}

// Copies the run of Han and plain chars that starts at s[i] into t from n on
// (the first char may be plain only once its line is checked); returns the
// index after the run. Four chars a step, or one where the four are not all
// copied as they are, each char's class from one table, so the loop takes
// no branch as the text turns from Han chars to punctuation or digits and
// back (a loop over Han chars left at each other char mispredicted once a
// clause); the step of four is 17% fewer instructions than one char a step
// (0.99 of the time end to end). A function of its own, so that the loop's
// few values stay in registers, and it writes through pointers: the flag
// bytes' stores would make the compiler reload every vector's pointer.
[[gnu::noinline]] size_t copy_run(const std::u32string& s, size_t i, NormText& t, size_t& n, uint8_t& pending,
                                  const SimplifiedBmp& simplified, Folds& folds) {
  // one index k for the input from i and the output from n: a kept char's
  // origin is i + k, and every pointer below is offset once, before the loop
  const char32_t* src = s.data() + i;
  char32_t* chars = t.chars.data() + n;
  uint32_t* from = t.from.data() + n;
  uint32_t* to = t.to.data() + n;
  uint8_t* flags = t.flags.data() + n;
  const uint8_t* classes = run_classes().data();
  const size_t size = s.size() - i;
  const uint32_t origin = static_cast<uint32_t>(i);
  size_t k = 0;
  while (k < size) {
    // four chars at once where all four are copied as they are (most of a
    // run): one test for the four, and stores the compiler makes whole
    if (k + 4 <= size) {
      const char32_t c0 = src[k], c1 = src[k + 1], c2 = src[k + 2], c3 = src[k + 3];
      if (!(classes[c0 & 0xFFFF] | classes[c1 & 0xFFFF] | classes[c2 & 0xFFFF] | classes[c3 & 0xFFFF] |
            ((c0 | c1 | c2 | c3) >> 16))) {
        const uint32_t at = origin + static_cast<uint32_t>(k);
        std::memcpy(chars + k, src + k, 4 * sizeof(char32_t));
        from[k] = at, from[k + 1] = at + 1, from[k + 2] = at + 2, from[k + 3] = at + 3;
        to[k] = at + 1, to[k + 1] = at + 2, to[k + 2] = at + 3, to[k + 3] = at + 4;
        flags[k] = flags[k + 1] = flags[k + 2] = flags[k + 3] = 0;
        k += 4;
        continue;
      }
    }
    // else one char: copied, folded, or the run's end
    const char32_t c = src[k];
    char32_t f = c;
    // one test for both ways out of the common case: a class other than
    // kCopy, or a char beyond the BMP (whose low bits index the table)
    const uint8_t cls = classes[c & 0xFFFF];
    if (cls | (c >> 16)) {
      if (cls != kFold || c >= 0x10000) break;
      f = fold_noted(c, simplified, folds);
    }
    chars[k] = f;
    from[k] = origin + static_cast<uint32_t>(k);
    to[k] = origin + static_cast<uint32_t>(k) + 1;
    flags[k] = 0;
    ++k;
  }
  flags[0] = pending;   // the pending marks belong to the run's first char
  pending = 0;
  n += k;
  return i + k;
}

}  // namespace

char32_t fold_char(char32_t c) {
  if (is_cjk(c)) return simplified_bmp().fold(c);   // most chars: only traditional -> simplified applies
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + U'0';
  if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return c - 0xFEE0;
  switch (c) {
    case U'％': return U'%';
    case U'（': return U'(';
    case U'）': return U')';
    case U'＋': return U'+';
    case U'\t': case 0x00A0: case 0x3000: case 0x202F: case 0x205F: return U' ';
    default: break;
  }
  if (c >= 0x2000 && c <= 0x200A) return U' ';
  return to_simplified(c);
}

// not inlined into analyze() (see analyze.cpp)
[[gnu::noinline]] NormText normalize(const Decoded& in, std::vector<Diagnostic>& diags) {
  const std::u32string& s = in.chars;
  NormText t;
  // Each kept char consumes at least one input char, so the input's size bounds
  // the output: write into storage sized once, cut to length at the end.
  t.chars.resize(s.size());
  t.from.resize(s.size());
  t.to.resize(s.size());
  t.flags.resize(s.size());
  size_t n = 0;
  // whether the input is page source, decided at its first '<' (the loop
  // visits every '<' that is not inside a tag, comment or script); none: it is not
  std::optional<bool> html;
  size_t tags = 0, controls = 0, artefacts = 0;
  uint8_t pending = 0;       // flags for the next kept char
  bool line_checked = false;  // this line's markdown block marks were looked at
  auto emit = [&](char32_t c, size_t b, size_t e) {
    t.chars[n] = c;
    t.from[n] = static_cast<uint32_t>(b);
    t.to[n] = static_cast<uint32_t>(e);
    t.flags[n] = pending;
    ++n;
    pending = 0;
    if (c == U'\n') line_checked = false;
  };
  const SimplifiedBmp& simplified = simplified_bmp();
  Folds folds(t.written_as);
  const BmpSet& plain = plain_chars();
  for (size_t i = 0; i < s.size();) {
    char32_t c = s[i];
    // most of a report: a run of Han chars, which open no markup and fold by
    // table, and of plain chars (a line that starts with a Han char has no
    // markdown block mark; a plain char may be one, so it waits for the check)
    if (is_cjk(c) || (line_checked && plain.has(c))) {
      line_checked = true;
      i = copy_run(s, i, t, n, pending, simplified, folds);
      continue;
    }
    if (c == U'<' && !html) html = looks_like_html(s, i);
    std::string name;
    bool closing = false;
    size_t end = 0;
    if ((c == U'<' || c == U'/') && parse_tag(s, i, name, closing, end)) {
      ++tags;
      if (!closing && html_words().raw.count(name)) {
        std::u32string close = U"</" + from_utf8(name);
        size_t k = end;
        while (k < s.size()) {   // case-insensitive search for the closing tag
          size_t m = 0;
          while (m < close.size() && k + m < s.size() &&
                 (s[k + m] == close[m] || (s[k + m] >= U'A' && s[k + m] <= U'Z' && s[k + m] + 32 == close[m]))) ++m;
          if (m == close.size()) break;
          ++k;
        }
        size_t gt = k;
        while (gt < s.size() && s[gt] != U'>') ++gt;
        end = gt < s.size() ? gt + 1 : s.size();
      }
      if (is_block_tag(name)) emit(U'\n', i, end);
      else if (html_words().bold.count(name)) pending |= kBoldEdge;
      i = end;
      continue;
    }
    if (c == U'<' && *html && i + 3 < s.size() && s[i + 1] == U'!' ) {   // <!-- comment --> or <!DOCTYPE>
      size_t k = i + 2;
      bool comment = s[i + 2] == U'-' && i + 3 < s.size() && s[i + 3] == U'-';
      while (k < s.size() && !(comment ? (s[k] == U'>' && s[k - 1] == U'-' && s[k - 2] == U'-') : s[k] == U'>')) ++k;
      i = k < s.size() ? k + 1 : s.size();
      ++tags;
      continue;
    }
    if (c == U'&') {
      char32_t ch;
      if (parse_entity(s, i, ch, end)) { emit(fold_char(ch), i, end); i = end; continue; }
    }
    if (c == U'*' && i + 1 < s.size() && s[i + 1] == U'*') {   // markdown bold
      size_t k = i;
      while (k < s.size() && s[k] == U'*') ++k;
      pending |= kBoldEdge;
      i = k;
      continue;
    }
    if (c == U'\r') {
      if (i + 1 < s.size() && s[i + 1] == U'\n') { ++i; continue; }
      emit(U'\n', i, i + 1);
      ++i;
      continue;
    }
    if (c >= 0x2800 && c <= 0x28FF) { ++artefacts; ++i; continue; }   // braille run ⠂⠼ from broken PDFs
    if (is_invisible(c)) { ++i; continue; }
    if (c != U'\n' && c != U'\t' && (c < 0x20 || (c >= 0x7F && c < 0xA0))) { ++controls; ++i; continue; }
    if (!line_checked) {
      line_checked = true;
      // markdown block marks: # headings, > quotes, list bullets, rules, table rules
      size_t k = i;
      while (k < s.size() && (s[k] == U' ' || s[k] == 0x3000)) ++k;
      size_t h = k;
      while (h < s.size() && s[h] == U'#') ++h;
      if (h > k && h - k <= 6 && h < s.size() && (s[h] == U' ' || s[h] == 0x3000 || is_han(s[h]) || s[h] == U'*')) {
        while (h < s.size() && s[h] == U' ') ++h;
        pending |= kMdHeading;
        i = h;
        continue;
      }
      if (k < s.size() && (s[k] == U'>' || s[k] == U'-' || s[k] == U'+' || s[k] == U'*') && k + 1 < s.size() && s[k + 1] == U' ') {
        i = k + 2;
        continue;
      }
      size_t e = k;
      bool rule = true;
      size_t marks = 0;
      while (e < s.size() && s[e] != U'\n' && s[e] != U'\r') {
        char32_t r = s[e];
        if (r == U'-' || r == U'=' || r == U'_' || r == U'*' || r == U'|' || r == U':') ++marks;
        else if (r != U' ') { rule = false; break; }
        ++e;
      }
      if (rule && marks >= 3) { i = e; continue; }
    }
    if (c == U'|') { emit(U' ', i, i + 1); ++i; continue; }   // markdown table cell
    char32_t f = fold_char(c);
    if (c == U'．' || c == U'：') {
      bool prev_digit = n && is_digit(t.chars[n - 1]);
      bool next_digit = i + 1 < s.size() && (is_digit(s[i + 1]) || (s[i + 1] >= 0xFF10 && s[i + 1] <= 0xFF19));
      if (c == U'．' && prev_digit) f = U'.';
      if (c == U'：' && prev_digit && next_digit) f = U':';
    }
    bool common = (f >= 0x20 && f < 0x7F) || (f >= 0x4E00 && f <= 0x9FFF) || (f >= 0x3000 && f <= 0x303F) ||
                  (f >= 0xFF00 && f <= 0xFFEF);   // assigned for sure: skip the property lookup
    if (!common && f != U'\n' && f != U' ') {
      utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(f));
      if (cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CN) f = 0xFFFD;   // lone surrogate, unassigned
    }
    if (f != c && is_han(c)) folds.note(f, c);
    emit(f, i, i + 1);
    ++i;
  }
  t.chars.resize(n);
  t.from.resize(n);
  t.to.resize(n);
  t.flags.resize(n);
  if (html.value_or(false)) diags.push_back({"html_source", Severity::info, "输入像网页源代码：已去除 " + std::to_string(tags) + " 个 HTML 标记，脚本和样式不显示、不执行。", std::nullopt});
  else if (tags) diags.push_back({"html_fragments", Severity::info, "已去除 " + std::to_string(tags) + " 处残留的 HTML 标记（如 /span>）。", std::nullopt});
  if (controls) diags.push_back({"control_chars", Severity::warning, "已去除 " + std::to_string(controls) + " 个控制字符（含 NUL）。", std::nullopt});
  if (artefacts) diags.push_back({"artefacts_removed", Severity::info, "已去除 " + std::to_string(artefacts) + " 个排版残留字符（如盲文点 ⠂）。", std::nullopt});
  return t;
}

}  // namespace reportlens
