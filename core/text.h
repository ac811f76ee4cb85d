// The cleaned text every stage after normalize reads: code points, each with
// the range of decoded-input code points it came from, and formatting flags.
// Also the small UTF-8 / code-point helpers the stages share.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "types.h"

namespace reportlens {

// An allocator whose resize() leaves new elements of a trivial type unwritten:
// the per-char tables below are sized to the whole input and filled right
// after, so zeroing them first would be wasted work.
template <class T>
struct NoZeroAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = NoZeroAllocator<U>;
  };
  NoZeroAllocator() = default;
  template <class U>
  NoZeroAllocator(const NoZeroAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible<U>::value) {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
template <class T>
using RawVector = std::vector<T, NoZeroAllocator<T>>;

enum CharFlag : uint8_t {
  kBoldEdge = 1,   // a markdown ** / HTML <b> boundary was dropped just before this char
  kMdHeading = 2,  // first char of a line that a markdown # mark opened
};

// The input form of each folded char of a text (繁 for 简 where the input
// was traditional): (folded, input) pairs in a table of slots by a hash of
// the folded char, open addressing, at most half full, so that a lookup
// reads one slot or a few. A sorted list cost a binary search per char of
// every label and a sort of the pairs, whose comparisons the CPU could not
// predict: for a traditional report of 1,699 chars and 159 pairs, 0.082 ms
// against 0.086 end to end.
class WrittenForms {
 public:
  bool empty() const { return count_ == 0; }
  size_t size() const { return count_; }
  // folded has no form yet (0, which marks a free slot, is none's)
  void add(char32_t folded, char32_t input) {
    if (folded == 0) return;
    if (2 * (count_ + 1) > slots_.size()) grow();
    place(folded, input);
    ++count_;
  }
  // c's input form, or c
  char32_t of(char32_t c) const {
    if (slots_.empty()) return c;
    size_t at = slot(c);
    while (slots_[at].first != c && slots_[at].first != 0) at = (at + 1) & (slots_.size() - 1);
    return slots_[at].first == c ? slots_[at].second : c;
  }

 private:
  std::vector<std::pair<char32_t, char32_t>> slots_;   // first 0: free
  size_t count_ = 0;
  unsigned bits_ = 0;
  size_t slot(char32_t c) const { return static_cast<size_t>((uint64_t{c} * 0x9E3779B97F4A7C15u) >> (64 - bits_)); }
  void place(char32_t folded, char32_t input) {
    size_t at = slot(folded);
    while (slots_[at].first != 0) at = (at + 1) & (slots_.size() - 1);
    slots_[at] = {folded, input};
  }
  void grow() {
    std::vector<std::pair<char32_t, char32_t>> old;
    old.swap(slots_);
    bits_ = bits_ ? bits_ + 1 : 6;
    slots_.assign(size_t{1} << bits_, {0, 0});
    for (const auto& [folded, input] : old)
      if (folded) place(folded, input);
  }
};

struct NormText {
  std::u32string chars;
  RawVector<uint32_t> from;   // first input code point of chars[i]
  RawVector<uint32_t> to;     // one past the last input code point of chars[i]
  RawVector<uint8_t> flags;
  // the first input form of each folded char (as_written looks them up)
  WrittenForms written_as;

  // A string of cleaned chars as this document writes them (简 -> 繁 where the
  // input was traditional), for labels built from cleaned text.
  std::string as_written(std::u32string_view cleaned) const;

  size_t size() const { return chars.size(); }
  // Appends the chars [b, e) of another NormText with their origins and flags.
  void append(const NormText& o, size_t b, size_t e) {
    chars.append(o.chars, b, e - b);
    from.insert(from.end(), o.from.begin() + b, o.from.begin() + e);
    to.insert(to.end(), o.to.begin() + b, o.to.begin() + e);
    flags.insert(flags.end(), o.flags.begin() + b, o.flags.begin() + e);
  }
  // Input code-point span of the cleaned range [b, e).
  Span input_span(size_t b, size_t e) const {
    if (e > b && b < size()) return Span{from[b], to[std::min(e, size()) - 1]};
    uint32_t at = b < size() ? from[b] : (empty() ? 0u : to.back());   // an empty range: a point
    return Span{at, at};
  }
  bool empty() const { return chars.empty(); }
};

// Writes c as UTF-8 at p (room for four bytes); returns the byte after it.
inline char* put_utf8(char* p, char32_t c) {
  if (c - 0x800 < 0xF800) {   // three bytes, most of Chinese text: tested first
    *p++ = static_cast<char>(0xE0 | (c >> 12));
    *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x80) {
    *p++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *p++ = static_cast<char>(0xC0 | (c >> 6));
    *p++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *p++ = static_cast<char>(0xF0 | (c >> 18));
    *p++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return p;
}
// Reading UTF-8 several bytes at a time, w holding them first byte lowest
// (little_endian): whether w's low six bytes carry the tags of two 3-byte
// sequences (1110xxxx 10xxxxxx 10xxxxxx, twice), and the code point of the
// 3-byte sequence in w's low three bytes, its tags already checked.
inline bool two_three_byte_tags(uint64_t w) { return (w & 0xC0C0F0C0C0F0ULL) == 0x8080E08080E0ULL; }
inline bool three_byte_tags(uint64_t w) { return (w & 0xC0C0F0) == 0x8080E0; }
inline char32_t three_byte_char(uint64_t w) {
  return static_cast<char32_t>((w & 0x0F) << 12 | (w & 0x3F00) >> 2 | (w >> 16 & 0x3F));
}
// Both code points of the two 3-byte sequences in w's low six bytes, their
// tags already checked, made at once: the first in bits 0-15, the second in
// bits 24-39 (three_byte_char's steps on both halves of w together).
inline uint64_t two_three_byte_chars(uint64_t w) {
  return (w & 0x00000F00000FULL) << 12 | (w & 0x003F00003F00ULL) >> 2 | (w >> 16 & 0x00003F00003FULL);
}
// The code point of the valid UTF-8 (text the core wrote) at s[i]; moves i past it.
inline char32_t next_utf8(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) -> char32_t { return static_cast<unsigned char>(s[k]); };
  const char32_t b = byte(i);
  if (b >= 0xE0 && b < 0xF0 && i + 2 < s.size()) {   // a 3-byte char, most of Chinese text
    i += 3;
    return (b & 0x0F) << 12 | (byte(i - 2) & 0x3F) << 6 | (byte(i - 1) & 0x3F);
  }
  size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (byte(i + k) & 0x3F);
  i += n;
  return c;
}

std::string to_utf8(std::u32string_view s);
// Writes valid UTF-8 (text the core wrote from code points) as UTF-16 at out,
// which has room for utf8.size() units (never fewer are needed); returns the
// number of units written.
size_t utf8_to_utf16(std::string_view utf8, char16_t* out);
std::u32string from_utf8(std::string_view s);   // assumes valid UTF-8 (data files)

// The input as printed for the cleaned range [b, e): the input code points of
// each kept char, so folded chars show as written and dropped marks vanish.
std::string printed(const NormText& t, const std::u32string& input, size_t b, size_t e);

// A word as read from little-endian memory, the first byte lowest (x86, Arm
// and WebAssembly are; a big-endian build reverses the bytes), for the loops
// that read several bytes at once.
template <class Word>
Word little_endian(Word w) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  Word out = 0;
  for (size_t k = 0; k < sizeof w; ++k) out = static_cast<Word>(out << 8 | (w >> (8 * k) & 0xFF));
  return out;
#else
  return w;
#endif
}

inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2EBEF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}
inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool is_ascii_alpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
inline bool is_space(char32_t c) { return c == U' ' || c == U'\t'; }
// A set of BMP chars, a bit each (8 KB): small enough to stay in cache when a
// scan tests every char of a document against it. The bits are held in the
// object (not behind a pointer), so a test is one load.
class BmpSet {
 public:
  void add(char32_t c) { if (c < 0x10000) bits_[c >> 6] |= uint64_t{1} << (c & 63); }
  // No branch: a char beyond the BMP reads some bit and is masked out after.
  bool has(char32_t c) const { return (bits_[(c >> 6) & 0x3FF] >> (c & 63) & 1) & (c < 0x10000); }

 private:
  uint64_t bits_[0x10000 / 64] = {};
};
// A filter of pairs of chars, the first two of a vocabulary's words: true
// for every pair added and for few others, one bit by a 16-bit hash of the
// pair (8 KB, a few thousand pairs leave most bits clear). A scan asks it at
// every place of a text in one lookup, without a branch: most places open no
// word, and a branch on the char alone went either way.
class PairFilter {
 public:
  void add(char32_t a, char32_t b) { bits_.add(hash(a, b)); }
  bool may_open(char32_t a, char32_t b) const { return bits_.has(hash(a, b)); }

 private:
  BmpSet bits_;
  static char32_t hash(char32_t a, char32_t b) {   // code points fit in 21 bits
    return static_cast<char32_t>((uint64_t{a} << 21 ^ b) * 0x9E3779B97F4A7C15u >> 48);
  }
};
// A class byte for every BMP char (64 KB), class_of(c) each: a scan that
// reads one byte a char, with no shift or range test, and branches only on
// the classes it stops at.
template <class ClassOf>
std::vector<uint8_t> bmp_classes(ClassOf&& class_of) {
  std::vector<uint8_t> out(0x10000);
  for (char32_t c = 0; c < 0x10000; ++c) out[c] = static_cast<uint8_t>(class_of(c));
  return out;
}
// A set of BMP chars, a byte each (64 KB): a scan that tests every char of a
// text reads one byte a char, with no shift or range test.
class BmpBytes {
 public:
  void add(char32_t c) { if (c < 0x10000) bytes_[c] = 1; }
  const uint8_t* bytes() const { return bytes_.data(); }

 private:
  std::vector<uint8_t> bytes_ = std::vector<uint8_t>(0x10000, 0);
};
// Scans past the chars of no interest, most of a text, in loops that store
// nothing, so the set's address stays in a register.
// The first index in [i, end) whose char is in set, or end.
inline size_t next_in(const BmpSet& set, std::u32string_view s, size_t i, size_t end) {
  while (i < end && !set.has(s[i])) ++i;
  return i;
}
// Walking back from i to floor: the index just past the last char in set, or floor.
inline size_t back_to(const BmpSet& set, std::u32string_view s, size_t i, size_t floor) {
  while (i > floor && !set.has(s[i - 1])) --i;
  return i;
}

// The first of the n elements at `first` for which below() is false (below()
// holds for a prefix of them, as in a sorted range), like std::partition_point,
// but each compare feeds a mask, not a branch: the steps depend on n alone. A
// search for a char of the text, or a position in it, went either way at
// each step.
template <class T, class Below>
const T* partition_point_masked(const T* first, size_t n, Below&& below) {
  if (n == 0) return first;
  for (; n > 1; n -= n / 2) {
    const size_t half = n / 2;
    first += half & (size_t{0} - static_cast<size_t>(below(first[half - 1])));   // a mask: GCC made a ?: a branch
  }
  return first + below(*first);
}

// Punctuation that ends a clause: a label, a category or a statement of zero
// looks no further.
inline bool is_clause_break(char32_t c) {
  return c == U'，' || c == U'。' || c == U'；' || c == U';' || c == U'：' || c == U':' || c == U'！' || c == U'？' ||
         c == U'(' || c == U')' || c == U'\n' || c == U',';
}
// 零〇一二两三四五六七八九十百千万亿. Inline, from a bitmap over the CJK block:
// every scan asks this of every char.
namespace detail {
struct HanBits {
  uint64_t words[(0x9FFF - 0x4E00) / 64 + 1] = {};
  constexpr explicit HanBits(std::u32string_view chars) {
    for (char32_t c : chars) words[(c - 0x4E00) / 64] |= uint64_t{1} << ((c - 0x4E00) % 64);
  }
  constexpr bool has(char32_t c) const {
    return c >= 0x4E00 && c <= 0x9FFF && (words[(c - 0x4E00) / 64] >> ((c - 0x4E00) % 64) & 1);
  }
};
inline constexpr HanBits kCnDigits{U"零一二两三四五六七八九十百千万亿"};
}  // namespace detail
inline bool is_cn_digit(char32_t c) { return detail::kCnDigits.has(c) || c == U'〇'; }
// Whether p is written at s[i..end) (end is clamped to s).
inline bool matches_at(std::u32string_view s, size_t i, size_t end, std::u32string_view p) {
  if (end > s.size()) end = s.size();
  if (i > end || end - i < p.size()) return false;
  for (size_t k = 0; k < p.size(); ++k)
    if (s[i + k] != p[k]) return false;
  return true;
}
inline bool starts_with_at(std::u32string_view s, size_t i, std::u32string_view p) { return matches_at(s, i, s.size(), p); }
inline std::u32string reversed(std::u32string_view s) { return std::u32string(s.rbegin(), s.rend()); }
inline bool ends_with(std::u32string_view s, std::u32string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}
inline bool contains(std::u32string_view hay, std::u32string_view needle) {
  return hay.find(needle) != std::u32string_view::npos;
}

}  // namespace reportlens
