// Marker matching over the patterns in heading_forms.txt / point_forms.txt.
#include "markers.h"

#include <vector>

#include "data.h"
#include "phrase_index.h"

namespace reportlens {
namespace {

// Pattern symbols for a number written as one enclosed char: C ①–⑳, P ⑴–⒇,
// L ㈠–㈩ (whose token is spelled 一…十, as in the canonical marker).
struct Enclosed {
  char32_t symbol, first, last;
  bool spelled;
};
constexpr Enclosed kEnclosed[] = {{U'C', 0x2460, 0x2473, false}, {U'P', 0x2474, 0x2487, false}, {U'L', 0x3220, 0x3229, true}};
constexpr std::u32string_view kSpelledTen = U"一二三四五六七八九十";

const Enclosed* enclosed(char32_t symbol) {
  for (const Enclosed& e : kEnclosed) if (e.symbol == symbol) return &e;
  return nullptr;
}

// One char of a pattern (or of a canonical form), its symbol resolved when the data is read.
struct Step {
  enum Kind { literal, cn_number, arabic_number, enclosed_number } kind;
  char32_t c;            // the literal
  const Enclosed* e;     // the enclosed range
};

Step step_of(char32_t p) {
  if (p == U'N') return {Step::cn_number, p, nullptr};
  if (p == U'D') return {Step::arabic_number, p, nullptr};
  if (const Enclosed* e = enclosed(p)) return {Step::enclosed_number, p, e};
  return {Step::literal, p, nullptr};
}

struct Form {
  std::string style;
  std::u32string canonical;
  size_t number_at = std::u32string::npos;   // where canonical has its number symbol
  std::vector<Step> steps;
  bool arabic_dot = false;   // the style "1." reads in numbers too: 1.5万元, 2025年
};

Form make_form(std::string style, std::u32string canonical, std::u32string_view pattern) {
  Form f;
  f.style = std::move(style);
  f.canonical = std::move(canonical);
  f.arabic_dot = f.style == "arabic_dot";
  for (size_t k = 0; k < f.canonical.size() && f.number_at == std::u32string::npos; ++k)
    if (step_of(f.canonical[k]).kind != Step::literal) f.number_at = k;
  for (char32_t p : pattern) f.steps.push_back(step_of(p));
  return f;
}

const std::vector<Form>& heading_forms() {
  static const std::vector<Form> forms = [] {
    std::vector<Form> out;
    for (auto& row : data_rows("heading_forms.txt")) {
      if (row.size() < 3) continue;
      std::u32string_view pats = row[2];
      size_t p = 0;
      while (p <= pats.size()) {
        size_t sp = pats.find(U' ', p);
        if (sp == std::u32string_view::npos) sp = pats.size();
        if (sp > p) out.push_back(make_form(to_utf8(row[0]), row[1], pats.substr(p, sp - p)));
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
    for (auto& row : data_rows("point_forms.txt")) out.push_back(make_form("point", row[0], row[0]));
    return out;
  }();
  return forms;
}

// Calls visit(c) for each char a form can open with (BMP; markers have no
// astral chars).
template <class Visit>
void for_each_opener(const Form& f, Visit visit) {
  if (f.steps.empty()) return;
  const Step& first = f.steps[0];
  switch (first.kind) {
    case Step::cn_number: for (char32_t c : kSpelledTen) visit(c); break;
    case Step::arabic_number: for (char32_t c = U'0'; c <= U'9'; ++c) visit(c); break;
    case Step::enclosed_number: for (char32_t c = first.e->first; c <= first.e->last; ++c) visit(c); break;
    case Step::literal: visit(first.c); break;
  }
}

// Forms by the chars they can open with, each char's forms in data order:
// only those are tried at a position.
PhraseIndex<const Form*> by_first_char(const std::vector<Form>& forms) {
  PhraseIndex<const Form*> index;
  for (const Form& f : forms) for_each_opener(f, [&](char32_t c) { index.add(std::u32string(1, c), &f); });
  return index;
}

template <class Set>
void add_openers(const std::vector<Form>& forms, Set& set) {
  for (const Form& f : forms) for_each_opener(f, [&](char32_t c) { set.add(c); });
}

// The forms that may match at pos, or null.
const std::vector<std::pair<std::u32string, const Form*>>* forms_at(const PhraseIndex<const Form*>& index,
                                                                     const std::u32string& s, size_t pos) {
  return pos < s.size() ? index.starting_with(s[pos]) : nullptr;
}

// Matches a form at pos: fills the ordinal, the token as written and the end.
// Inlined into its two callers: as a call, saving and restoring its registers
// cost a third of its instructions.
[[gnu::always_inline]] inline bool match_form(const std::u32string& s, size_t pos, const Form& form, Marker& m, size_t& end) {
  std::u32string_view text = s;
  size_t i = pos;
  for (const Step& step : form.steps) {
    if (i >= s.size()) return false;
    switch (step.kind) {
      case Step::literal:
        if (s[i] != step.c) return false;
        ++i;
        break;
      case Step::cn_number: {
        size_t len = 0;
        int v = read_cn_ordinal(s, i, len);
        if (!v) return false;
        m.ordinal = v;
        m.token = text.substr(i, len);
        i += len;
        break;
      }
      case Step::arabic_number: {   // 1 to 99, not followed by a third digit
        size_t len = 0;
        int v = 0;
        while (i + len < s.size() && is_digit(s[i + len]) && len < 3) {
          v = v * 10 + static_cast<int>(s[i + len] - U'0');
          ++len;
        }
        if (len == 0 || len > 2 || v == 0) return false;
        m.ordinal = v;
        m.token = text.substr(i, len);
        i += len;
        break;
      }
      case Step::enclosed_number:
        if (s[i] < step.e->first || s[i] > step.e->last) return false;
        m.ordinal = static_cast<int>(s[i] - step.e->first + 1);
        m.token = step.e->spelled ? kSpelledTen.substr(m.ordinal - 1, 1) : text.substr(i, 1);
        ++i;
        break;
    }
  }
  m.style = form.style;
  m.form = form.canonical;
  m.number_at = form.number_at;
  end = i;
  return true;
}

}  // namespace

std::string Marker::canonical() const {
  // a dozen bytes at most, appended to the string itself (short enough to
  // stay in it): no code-point string between, and no to_utf8, whose buffer
  // costs more than such a marker
  std::string out;
  auto put = [&out](char32_t c) {
    char bytes[4];
    for (const char* b = bytes, *e = put_utf8(bytes, c); b < e; ++b) out += *b;   // (append() is a call)
  };
  for (size_t k = 0; k < form.size(); ++k) {
    if (k != number_at) put(form[k]);
    else for (char32_t t : token) put(t);
  }
  return out;
}

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
  static const auto index = by_first_char(heading_forms());
  auto* forms = forms_at(index, s, pos);
  if (!forms) return std::nullopt;
  for (const auto& [first, form] : *forms) {
    const Form& f = *form;
    Marker m;
    size_t end = 0;
    if (!match_form(s, pos, f, m, end)) continue;
    // "1.5万元", "2025年", "12345热线": a number that goes on is no marker
    if (f.arabic_dot && end < s.size() && (is_digit(s[end]) || s[end] == U'%')) continue;
    if (f.arabic_dot && (end >= s.size() || s[end] == U'\n')) continue;
    size_t after = end;
    while (after < s.size() && s[after] == U' ') ++after;
    if (after >= s.size() || s[after] == U'\n') continue;   // a marker with nothing after it
    m.length = after - pos;
    return m;
  }
  return std::nullopt;
}

namespace {

const PhraseIndex<const Form*>& point_index() {
  static const auto index = by_first_char(point_forms());
  return index;
}

}  // namespace

const BmpSet& point_openers() {
  static const BmpSet set = [] {
    BmpSet out;
    add_openers(point_forms(), out);
    return out;
  }();
  return set;
}

const BmpSet& marker_starts() {
  static const BmpSet starts = [] {
    BmpSet out;
    add_openers(heading_forms(), out);
    add_openers(point_forms(), out);
    return out;
  }();
  return starts;
}

std::optional<Marker> match_point_marker(const std::u32string& s, size_t pos) {
  const auto& index = point_index();
  auto* forms = forms_at(index, s, pos);
  if (!forms) return std::nullopt;
  for (const auto& [first, form] : *forms) {
    const Form& f = *form;
    Marker m;
    size_t end = 0;
    if (!match_form(s, pos, f, m, end)) continue;
    if (m.ordinal > 20) continue;
    m.length = end - pos;
    return m;
  }
  return std::nullopt;
}

}  // namespace reportlens
