// UTF-8 conversion and the printed-text helper for NormText (see text.h).
#include "text.h"

#include <algorithm>
#include <cstring>
#include <memory>

namespace reportlens {

namespace {

// A string of at most `bound` bytes of UTF-8, made with one allocation of its
// exact size: the bytes go to a buffer on the stack (for a long string, a
// heap buffer as well) and are copied once, so the string is neither zeroed
// nor over-allocated first. Not copyable: it points into itself.
class Utf8Out {
 public:
  explicit Utf8Out(size_t bound) {
    if (bound > sizeof stack_) {
      heap_.reset(new char[bound]);
      p_ = begin_ = heap_.get();
    }
  }
  Utf8Out(const Utf8Out&) = delete;
  Utf8Out& operator=(const Utf8Out&) = delete;
  void put(char32_t c) { p_ = put_utf8(p_, c); }
  std::string str() const { return std::string(begin_, p_); }

 private:
  char stack_[512];
  std::unique_ptr<char[]> heap_;
  char* p_ = stack_;
  char* begin_ = stack_;
};

}  // namespace

std::string to_utf8(std::u32string_view s) {
  Utf8Out out(s.size() * 4);
  for (char32_t c : s) out.put(c);
  return out.str();
}

size_t utf8_to_utf16(std::string_view utf8, char16_t* out) {
  char16_t* const begin = out;
  const auto* const bytes = reinterpret_cast<const unsigned char*>(utf8.data());
  for (size_t i = 0; i < utf8.size();) {
    if (utf8.size() - i >= 8) {
      uint64_t eight;
      std::memcpy(&eight, bytes + i, 8);
      eight = little_endian(eight);
      if ((eight & 0x8080808080808080ULL) == 0) {   // eight ASCII bytes at once
        for (int k = 0; k < 8; ++k) out[k] = static_cast<char16_t>(eight >> (8 * k) & 0xFF);
        out += 8;
        i += 8;
        continue;
      }
      if (two_three_byte_tags(eight)) {   // two 3-byte chars, most of Chinese text
        const uint64_t both = two_three_byte_chars(eight);
        out[0] = static_cast<char16_t>(both);
        out[1] = static_cast<char16_t>(both >> 24);
        out += 2;
        i += 6;
        continue;
      }
    }
    const char32_t c = next_utf8(utf8, i);
    if (c < 0x10000) {
      *out++ = static_cast<char16_t>(c);
    } else {   // a surrogate pair
      *out++ = static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
      *out++ = static_cast<char16_t>(0xDC00 + (c & 0x3FF));
    }
  }
  return static_cast<size_t>(out - begin);
}

std::u32string from_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out += next_utf8(s, i);
  return out;
}

std::string printed(const NormText& t, const std::u32string& input, size_t b, size_t e) {
  e = std::min(e, t.size());
  if (b >= e) return {};
  const uint32_t* const from = t.from.data();
  const uint32_t* const to = t.to.data();
  // most text is kept char for char: each char's input follows the last
  // one's, so the chars print one range of the input, converted in one go
  bool one_range = true;
  for (size_t i = b + 1; i < e; ++i) one_range &= (from[i] == to[i - 1]) & (to[i - 1] > from[i - 1]);
  if (one_range) {
    const size_t first = std::min<size_t>(from[b], input.size());
    return to_utf8(std::u32string_view(input).substr(first, std::min<size_t>(to[e - 1], input.size()) - first));
  }
  size_t chars = 0;   // input chars to print, a bound for the buffer
  for (size_t i = b; i < e; ++i) chars += to[i] - from[i];
  Utf8Out out(chars * 4);
  uint32_t last = UINT32_MAX;
  for (size_t i = b; i < e; ++i) {
    if (from[i] == last) continue;  // one input char folded into several
    for (uint32_t k = from[i]; k < to[i] && k < input.size(); ++k) out.put(input[k]);
    last = from[i];
  }
  return out.str();
}

std::string NormText::as_written(std::u32string_view cleaned) const {
  if (written_as.empty()) return to_utf8(cleaned);
  Utf8Out out(cleaned.size() * 4);
  for (char32_t c : cleaned) out.put(written_as.of(c));
  return out.str();
}

}  // namespace reportlens
