// Number reading (see numbers.h).
#include "numbers.h"

#include <cmath>

#include "text.h"

namespace reportlens {

using namespace std::string_view_literals;
namespace {

constexpr int64_t kMaxMantissa = 100000000000000LL;   // 10^14: 15 significant digits, exact in a double

int cn_digit(char32_t c) {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

int cn_unit(char32_t c) {
  switch (c) {
    case U'十': return 1;
    case U'百': return 2;
    case U'千': return 3;
    default: return -1;
  }
}

// 万 亿 千万 百万 after a number: the power of ten and the chars read.
int multiplier(const std::u32string& s, size_t pos, size_t& len) {
  len = 0;
  if (pos >= s.size()) return 0;
  const char32_t c = s[pos];
  if (c != U'千' && c != U'百' && c != U'万' && c != U'亿') return 0;   // most numbers have none
  if (starts_with_at(s, pos, U"千万"sv)) { len = 2; return 7; }
  if (starts_with_at(s, pos, U"百万"sv)) { len = 2; return 6; }
  if (starts_with_at(s, pos, U"万亿"sv)) { len = 2; return 12; }
  if (c == U'万') { len = 1; return 4; }
  if (c == U'亿') { len = 1; return 8; }
  return 0;
}

}  // namespace

double Decimal::to_double() const {
  if (exponent >= 0) {
    double v = static_cast<double>(mantissa);
    for (int i = 0; i < exponent; ++i) v *= 10;
    return v;
  }
  double d = 1;
  for (int i = 0; i < -exponent; ++i) d *= 10;
  return static_cast<double>(mantissa) / d;   // one rounding: the nearest double
}

std::optional<int64_t> cn_value(const std::u32string& s, size_t pos, size_t& len) {
  int64_t total = 0, section = 0, digit = -1;
  size_t i = pos;
  bool any = false;
  while (i < s.size() && i - pos < 12) {
    char32_t c = s[i];
    int d = cn_digit(c), u = cn_unit(c);
    if (d >= 0) {
      if (digit >= 0 && c != U'零' && c != U'〇') break;   // 二三 is no number
      digit = d;
    } else if (u >= 0) {
      int64_t m = digit < 0 ? 1 : digit;
      int64_t p = u == 1 ? 10 : u == 2 ? 100 : 1000;
      section += m * p;
      digit = -1;
    } else if (c == U'万' || c == U'亿') {
      if (!any) break;
      // only as part of a longer numeral (三千五百万); a bare 万 after a number is a multiplier
      section += digit < 0 ? 0 : digit;
      int64_t p = c == U'万' ? 10000 : 100000000;
      if (i + 1 < s.size() && (cn_digit(s[i + 1]) >= 0 || cn_unit(s[i + 1]) >= 0)) {
        total += section * p;
        section = 0;
        digit = -1;
      } else {
        break;
      }
    } else {
      break;
    }
    any = true;
    ++i;
  }
  if (!any) return std::nullopt;
  len = i - pos;
  // a trailing 万/亿 multiplier is left for the caller
  return total + section + (digit < 0 ? 0 : digit);
}

std::optional<Number> read_number(const std::u32string& s, size_t pos) {
  if (pos >= s.size()) return std::nullopt;
  Number n;
  n.begin = pos;
  size_t i = pos;
  if (s[pos] == U'百' && starts_with_at(s, pos, U"百分之"sv)) {   // 百分之八十, 百分之九十五点五 is rare: integers only
    size_t len = 0;
    auto v = cn_value(s, pos + 3, len);
    size_t j = pos + 3;
    int64_t value = 0;
    int exp = 0;
    if (v && len) {
      value = *v;
      j += len;
      if (j + 1 < s.size() && s[j] == U'点' && cn_digit(s[j + 1]) >= 0)   // 百分之九十九点六
        for (++j; j < s.size() && cn_digit(s[j]) >= 0; ++j)
          if (value < kMaxMantissa) value = value * 10 + cn_digit(s[j]), --exp;   // later digits are below precision
    } else {
      while (j < s.size() && is_digit(s[j])) {
        if (value >= kMaxMantissa) return std::nullopt;   // 百分之 and a digit run: no percentage
        value = value * 10 + (s[j] - U'0'), ++j;
      }
      if (j == pos + 3) return std::nullopt;
    }
    n.value = Decimal{value, exp};
    n.end = j;
    n.chinese = true;
    n.percent_words = true;
    return n;
  }
  if (is_digit(s[i])) {
    int64_t m = 0;
    int exp = 0, digits = 0;
    bool overflow = false;
    while (i < s.size()) {
      if (is_digit(s[i])) {
        if (m < kMaxMantissa) m = m * 10 + (s[i] - U'0');
        else { overflow = true; ++exp; }
        ++digits;
        ++i;
      } else if (s[i] == U',' && i + 3 < s.size() && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
                 (i + 4 >= s.size() || !is_digit(s[i + 4])) && (n.separators || digits <= 3)) {
        n.separators = true;
        ++i;
      } else {
        break;
      }
    }
    n.digits = digits;
    if (i + 1 < s.size() && s[i] == U'.' && is_digit(s[i + 1])) {
      ++i;
      while (i < s.size() && is_digit(s[i])) {
        if (m < kMaxMantissa) { m = m * 10 + (s[i] - U'0'); --exp; }
        ++i;
      }
    }
    if (overflow && digits > 18) return std::nullopt;   // a digit run, not a quantity
    n.value = Decimal{m, exp};
  } else {
    size_t len = 0;
    auto v = cn_value(s, i, len);
    if (!v) return std::nullopt;
    n.value = Decimal{*v, 0};
    n.chinese = true;
    i += len;
    if (i + 1 < s.size() && s[i] == U'点' && cn_digit(s[i + 1]) >= 0) {   // 九十九点六
      ++i;
      while (i < s.size() && cn_digit(s[i]) >= 0 && n.value.mantissa < kMaxMantissa) {
        n.value = Decimal{n.value.mantissa * 10 + cn_digit(s[i]), n.value.exponent - 1};
        ++i;
      }
    }
    if (i < s.size() && s[i] == U'分' && starts_with_at(s, i, U"分之"sv)) {   // 三分之二 → 66.67 %
      size_t l2 = 0;
      auto num = cn_value(s, i + 2, l2);
      if (!num || *v == 0) return std::nullopt;
      double pct = static_cast<double>(*num) * 100.0 / static_cast<double>(*v);
      n.value = Decimal{static_cast<int64_t>(std::llround(pct * 100)), -2};
      n.percent_words = true;
      n.end = i + 2 + l2;
      return n;
    }
  }
  size_t ml = 0;
  size_t j = i;
  while (j < s.size() && s[j] == U' ' && j - i < 2) ++j;
  if (int p = multiplier(s, j, ml)) {
    n.value = n.value.scaled(p);
    i = j + ml;
  }
  n.end = i;
  return n;
}

}  // namespace reportlens
