// Numbers as written in these reports: Arabic (decimals, thousands
// separators 67,286, spaces inside), Chinese numerals (两, 十余, 一百二十,
// 三千五百, 一个半), mixed (1.2万, 3万余), 百分之八十, 三分之二. Values are
// exact decimals: a mantissa and a power of ten, so 288.48亿 is 28848000000.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace reportlens {

struct Decimal {
  int64_t mantissa = 0;
  int exponent = 0;          // value = mantissa × 10^exponent
  double to_double() const;
  Decimal scaled(int power) const { return Decimal{mantissa, exponent + power}; }
};

struct Number {
  Decimal value;
  size_t begin = 0, end = 0;   // in the text read
  bool chinese = false;        // written in Chinese numerals
  bool percent_words = false;  // 百分之八十 / 三分之二: the value is a percentage
  int digits = 0;              // integer digits written (Arabic), for year tests
  bool separators = false;     // 67,286
};

// Reads a number at pos (Arabic or Chinese), including a multiplier written
// right after it (1.2万, 3万余 leaves 余 unread). Nothing for "一是".
std::optional<Number> read_number(const std::u32string& s, size_t pos);

// Chinese numeral value: 两→2, 一百二十→120, 三千五百→3500, 十→10; 0 if none.
std::optional<int64_t> cn_value(const std::u32string& s, size_t pos, size_t& len);

}  // namespace reportlens
