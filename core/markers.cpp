// Marker matching over the patterns in heading_forms.txt / point_forms.txt.
#include "markers.h"

#include <vector>

#include "data.h"

namespace reportlens {
namespace {

struct Form {
  std::string style;
  std::u32string canonical;
  std::u32string pattern;
};

const std::vector<Form>& heading_forms() {
  static const std::vector<Form> forms = [] {
    std::vector<Form> out;
    for (auto& row : data_rows("heading_forms.txt")) {
      if (row.size() < 3) continue;
      std::u32string pats = row[2];
      size_t p = 0;
      while (p <= pats.size()) {
        size_t sp = pats.find(U' ', p);
        if (sp == std::u32string::npos) sp = pats.size();
        if (sp > p) out.push_back({to_utf8(row[0]), row[1], pats.substr(p, sp - p)});
        p = sp + 1;
      }
    }
    return out;
  }();
  return forms;
}

const std::vector<Form>& point_forms() {
  static const std::vector<Form> forms = [] {
    std::vector<Form> out;
    for (auto& row : data_rows("point_forms.txt")) out.push_back({"point", row[0], row[0]});
    return out;
  }();
  return forms;
}

// Pattern symbols for a number written as one enclosed char: C ①–⑳, P ⑴–⒇,
// L ㈠–㈩ (whose token is spelled 一…十, as in the canonical marker).
struct Enclosed {
  char32_t symbol, first, last;
  bool spelled;
};
constexpr Enclosed kEnclosed[] = {{U'C', 0x2460, 0x2473, false}, {U'P', 0x2474, 0x2487, false}, {U'L', 0x3220, 0x3229, true}};

const Enclosed* enclosed(char32_t symbol) {
  for (const Enclosed& e : kEnclosed) if (e.symbol == symbol) return &e;
  return nullptr;
}

// The chars a list of forms can open with (BMP; markers have no astral chars):
// a quick test before the forms are tried one by one.
struct FirstChars {
  BmpSet chars;
  explicit FirstChars(const std::vector<Form>& forms) {
    auto range = [&](char32_t a, char32_t b) { for (char32_t c = a; c <= b; ++c) chars.add(c); };
    for (const Form& f : forms) {
      if (f.pattern.empty()) continue;
      char32_t p = f.pattern[0];
      if (p == U'N') for (char32_t c : std::u32string_view(U"一二三四五六七八九十")) chars.add(c);
      else if (p == U'D') range(U'0', U'9');
      else if (const Enclosed* e = enclosed(p)) range(e->first, e->last);
      else chars.add(p);
    }
  }
  bool may_open(const std::u32string& s, size_t pos) const { return pos < s.size() && chars.has(s[pos]); }
};

// Matches `pattern` at pos; fills the ordinal and the token as written.
bool match_form(const std::u32string& s, size_t pos, const std::u32string& pattern, int& ordinal, std::u32string& token,
                size_t& end) {
  size_t i = pos;
  for (char32_t p : pattern) {
    if (i >= s.size()) return false;
    size_t len = 0;
    switch (p) {
      case U'N': {
        int v = read_cn_ordinal(s, i, len);
        if (!v) return false;
        ordinal = v;
        token = s.substr(i, len);
        i += len;
        break;
      }
      case U'D': {
        while (i + len < s.size() && is_digit(s[i + len]) && len < 3) ++len;
        if (len == 0 || len > 2) return false;
        ordinal = std::stoi(to_utf8(s.substr(i, len)));
        if (ordinal == 0) return false;
        token = s.substr(i, len);
        i += len;
        break;
      }
      default:
        if (const Enclosed* e = enclosed(p)) {
          if (s[i] < e->first || s[i] > e->last) return false;
          ordinal = static_cast<int>(s[i] - e->first + 1);
          token = e->spelled ? std::u32string(1, U"一二三四五六七八九十"[ordinal - 1]) : s.substr(i, 1);
        } else if (s[i] != p) {
          return false;
        }
        ++i;
    }
  }
  end = i;
  return true;
}

std::string fill(const std::u32string& canonical, const std::u32string& token) {
  std::u32string out;
  for (char32_t c : canonical) {
    if (c == U'N' || c == U'D' || enclosed(c)) out += token;
    else out += c;
  }
  return to_utf8(out);
}

}  // namespace

int read_cn_ordinal(const std::u32string& s, size_t pos, size_t& len) {
  static const std::u32string_view kDigits = U"一二三四五六七八九";
  auto digit = [&](size_t i) -> int {
    if (i >= s.size()) return 0;
    size_t k = kDigits.find(s[i]);
    return k == std::u32string_view::npos ? 0 : static_cast<int>(k) + 1;
  };
  len = 0;
  int value = 0;
  int d = digit(pos);
  if (d && pos + 1 < s.size() && s[pos + 1] == U'十') {        // 二十, 二十三
    value = d * 10;
    len = 2;
    if (int u = digit(pos + 2)) { value += u; len = 3; }
  } else if (pos < s.size() && s[pos] == U'十') {              // 十, 十二
    value = 10;
    len = 1;
    if (int u = digit(pos + 1)) { value += u; len = 2; }
  } else if (d) {
    value = d;
    len = 1;
  }
  return value;
}

std::optional<Marker> match_heading_marker(const std::u32string& s, size_t pos) {
  static const FirstChars first(heading_forms());
  if (!first.may_open(s, pos)) return std::nullopt;
  for (const Form& f : heading_forms()) {
    int ordinal = 0;
    std::u32string token;
    size_t end = 0;
    if (!match_form(s, pos, f.pattern, ordinal, token, end)) continue;
    // "1.5万元", "2025年", "12345热线": a number that goes on is no marker
    if (f.style == "arabic_dot" && end < s.size() && (is_digit(s[end]) || s[end] == U'%')) continue;
    if (f.style == "arabic_dot" && (end >= s.size() || s[end] == U'\n')) continue;
    size_t after = end;
    while (after < s.size() && s[after] == U' ') ++after;
    if (after >= s.size() || s[after] == U'\n') continue;   // a marker with nothing after it
    return Marker{f.style, ordinal, after - pos, fill(f.canonical, token)};
  }
  return std::nullopt;
}

std::optional<Marker> match_point_marker(const std::u32string& s, size_t pos) {
  static const FirstChars first(point_forms());
  if (!first.may_open(s, pos)) return std::nullopt;
  for (const Form& f : point_forms()) {
    int ordinal = 0;
    std::u32string token;
    size_t end = 0;
    if (!match_form(s, pos, f.pattern, ordinal, token, end)) continue;
    if (ordinal > 20) continue;
    return Marker{"point", ordinal, end - pos, fill(f.canonical, token)};
  }
  return std::nullopt;
}

}  // namespace reportlens
