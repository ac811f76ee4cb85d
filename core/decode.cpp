// Stage 1, decode (see decode.h).
#include "decode.h"

#include <cstring>
#include <string>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

#include "text.h"

namespace reportlens {
namespace {

// Writes code points into storage sized beforehand (one char per UTF-8 lead
// byte), so the hot loop has no capacity checks: only a stray continuation
// byte, which becomes a U+FFFD of its own, takes a slot no lead byte paid for
// (room()). Notes the chars beyond the BMP, and counts what marks binary data:
// NULs, other controls, U+FFFD.
struct Out {
  explicit Out(Decoded& d, size_t capacity) : d_(d) { resize(capacity); }
  char32_t* chars;
  size_t n = 0;
  size_t nul = 0, ctrl = 0, bad = 0;
  void push(char32_t c) {
    if (c > 0xFFFF) d_.astral.push_back(static_cast<uint32_t>(n));
    chars[n++] = c;
    if (c < 0x20) {
      if (c == 0) ++nul;
      else if (c != '\n' && c != '\r' && c != '\t' && c != '\f') ++ctrl;
    } else if (c == 0xFFFD) {
      ++bad;
    }
  }
  void room() {   // one char more than the lead bytes paid for
    if (spare_ == 0) {
      spare_ = cap_ / 2 + 16;
      resize(cap_ + spare_);
    }
    --spare_;
  }
  void finish() { d_.chars.resize(n); }   // cut to length

 private:
  Decoded& d_;
  size_t cap_ = 0;
  size_t spare_ = 0;   // slots beyond one per lead byte
  void resize(size_t capacity) {
    cap_ = capacity;
    d_.chars.resize(cap_);
    chars = d_.chars.data();
  }
};

// Whether a 3-byte char is one the common run takes: not overlong (below
// U+0800), not a surrogate (U+D800-DFFF), not U+FFFD (which the general rules
// count). Without a branch: a bit for each 2048 chars says whether its block
// is neither of the first two (a branch between a Han char's range and a
// full-width comma's, U+FF0C, went either way).
constexpr uint32_t kPlainBlocks = ~(uint32_t{1} | uint32_t{1} << (0xD800 >> 11));
bool plain_three_byte(char32_t c) { return (kPlainBlocks >> (c >> 11) & 1) & (c != 0xFFFD); }

// Chars of valid UTF-8 (bytes that are not continuation bytes).
size_t lead_bytes(std::string_view s) {
  constexpr uint64_t kHighs = 0x8080808080808080u, kLow16 = 0x00FF00FF00FF00FFu;
  size_t continuation = 0, i = 0;
  while (i + 8 <= s.size()) {
    // eight bytes at a time, 10xxxxxx marked by a 1 in its byte of `counts`:
    // a byte of counts holds up to 255 marks, then the eight are summed
    uint64_t counts = 0;
    for (size_t block_end = std::min(s.size() - 7, i + 8 * 255); i < block_end; i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      counts += ((w & ~(w << 1)) & kHighs) >> 7;
    }
    uint64_t pairs = (counts & kLow16) + ((counts >> 8) & kLow16);   // four 16-bit sums
    continuation += (pairs * 0x0001000100010001u) >> 48;
  }
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(s[i]) >> 6) == 2;
  return s.size() - continuation;
}

// One step of the common run at p[i] (four bytes or more left): two 3-byte
// chars or one char of the run, written at chars[n]; false, with nothing
// written, where the run ends. The run is printable ASCII, line feeds and
// well-formed 3-byte chars, none of them one that is counted (a NUL, another
// control, U+FFFD); an overlong form or a surrogate leaves it for the
// general rules.
[[gnu::always_inline]] inline bool common_step(const unsigned char* p, size_t& i, size_t size, char32_t* chars, size_t& n) {
  if (i + 8 <= size) {   // two 3-byte chars at once, Chinese text's common case
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    w = little_endian(w);
    if (two_three_byte_tags(w)) {
      const uint64_t both = two_three_byte_chars(w);
      const char32_t a = both & 0xFFFF, b = both >> 24 & 0xFFFF;
      if (plain_three_byte(a) & plain_three_byte(b)) {
        chars[n] = a;
        chars[n + 1] = b;
        n += 2;
        i += 6;
        return true;
      }
    }
  }
  uint32_t w;   // the next four bytes, the first in the low byte
  std::memcpy(&w, p + i, 4);
  w = little_endian(w);
  char32_t c;
  if ((w & 0xFF) - 0x20u < 0x60u || (w & 0xFF) == '\n') {
    c = w & 0xFF;
    i += 1;
  } else if (three_byte_tags(w)) {
    c = three_byte_char(w);
    if (!plain_three_byte(c)) return false;
    i += 3;
  } else {
    return false;
  }
  chars[n++] = c;
  return true;
}

// The common run from p[i] on, a step at a time; returns where it ends.
size_t common_run(const unsigned char* p, size_t i, size_t size, char32_t* chars, size_t& written) {
  size_t n = written;   // in a register: chars[] stores could alias it otherwise
  while (i + 4 <= size && common_step(p, i, size, chars, n)) {}
  written = n;
  return i;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The shapes of a step of four chars, each one byte (ASCII) or three: bit k
// of a shape says the k-th char has three. Its bytes, the places its chars
// start at, and the shuffle that puts each char's bytes in a 32-bit lane,
// last byte lowest.
struct StepShape {
  alignas(16) int8_t to_lanes[16] = {};
  uint16_t starts = 0;
  uint8_t bytes = 0;
};
struct StepShapes {
  StepShape shape[16];
  // by the 12-bit mask of the bytes that lead a 3-byte char: the shape of the
  // four chars from the first byte on, each start read where the char before ends
  uint8_t of_leads[4096];
  constexpr StepShapes() : shape(), of_leads() {
    for (unsigned k = 0; k < 16; ++k) {
      StepShape& s = shape[k];
      unsigned at = 0;
      for (unsigned c = 0; c < 4; ++c) {
        const bool three = k >> c & 1;
        s.starts = static_cast<uint16_t>(s.starts | 1u << at);
        for (unsigned b = 0; b < 4; ++b)
          s.to_lanes[4 * c + b] = static_cast<int8_t>(b < (three ? 3u : 1u) ? at + (three ? 2 - b : 0) : -1);
        at += three ? 3 : 1;
      }
      s.bytes = static_cast<uint8_t>(at);
    }
    for (unsigned leads = 0; leads < 4096; ++leads) {
      unsigned at = 0, k = 0;
      for (unsigned c = 0; c < 4; ++c) {
        const unsigned three = leads >> at & 1;
        k |= three << c;
        at += three ? 3 : 1;
      }
      of_leads[leads] = static_cast<uint8_t>(k);
    }
  }
};
constexpr StepShapes kStepShapes;

// The common run with SSSE3 (Intel CPUs since 2006, AMD since 2011;
// asked at run time, the build stays the x86-64 baseline), 16 bytes loaded
// at a time: where they are four plain 3-byte chars (a Han run), those; where
// they are all ASCII of the run, those; else four chars of the run, each of
// one byte or three, in whatever order (a number in Chinese text), by a
// shape looked up from where the 3-byte chars lead; else a step as above.
// Steps of a few fixed kinds: a step chosen char by char, at each place
// where the text turned from Han to a digit and back, went either way (the
// corpus: two thirds fewer of the run's branches mispredicted in callgrind's
// simulation, decode 0.079 ms in place of 0.100 in the bench's stages).
[[gnu::target("ssse3")]] size_t common_run_ssse3(const unsigned char* p, size_t i, size_t size, char32_t* chars, size_t& written) {
  size_t n = written;
  const __m128i tag_mask = _mm_setr_epi8(-16, -64, -64, -16, -64, -64, -16, -64, -64, -16, -64, -64, 0, 0, 0, 0);     // F0 C0 C0 …
  const __m128i tag_want = _mm_setr_epi8(-32, -128, -128, -32, -128, -128, -32, -128, -128, -32, -128, -128, 0, 0, 0, 0);   // E0 80 80 …
  const __m128i to_lanes = _mm_load_si128(reinterpret_cast<const __m128i*>(kStepShapes.shape[15].to_lanes));   // four 3-byte chars' shape
  const __m128i zero = _mm_setzero_si128();
  // 1110xxxx 10yyyyyy 10zzzzzz (or 0aaaaaaa) in a lane, last byte lowest -> the code point
  auto code_points = [](__m128i lanes) {
    return _mm_or_si128(_mm_or_si128(_mm_and_si128(lanes, _mm_set1_epi32(0x7F)), _mm_srli_epi32(_mm_and_si128(lanes, _mm_set1_epi32(0x3F00)), 2)),
                        _mm_srli_epi32(_mm_and_si128(lanes, _mm_set1_epi32(0x0F0000)), 4));
  };
  // plain: not overlong (below U+0800 in three bytes), not a surrogate, not U+FFFD
  auto plain = [](__m128i c, __m128i three_byte) {
    const __m128i odd = _mm_or_si128(_mm_or_si128(_mm_and_si128(three_byte, _mm_cmplt_epi32(c, _mm_set1_epi32(0x800))),
                                                  _mm_cmpeq_epi32(_mm_srli_epi32(c, 11), _mm_set1_epi32(0xD800 >> 11))),
                                     _mm_cmpeq_epi32(c, _mm_set1_epi32(0xFFFD)));
    return _mm_movemask_epi8(odd) == 0;
  };
  while (i + 4 <= size) {
    if (i + 16 <= size) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, tag_mask), tag_want)) == 0xFFFF) {   // four 3-byte chars
        const __m128i c = code_points(_mm_shuffle_epi8(v, to_lanes));
        if (plain(c, _mm_set1_epi32(-1))) {
          _mm_storeu_si128(reinterpret_cast<__m128i*>(chars + n), c);
          n += 4;
          i += 12;
          continue;
        }
      } else {
        // ASCII of the run: printable, line ends and tabs (what push() counts
        // is left to it); a byte from 0x80 compares as negative, below 0x20
        const __m128i kept = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
        const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
        const unsigned control = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(kept, _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))))) & ~high;
        if ((high | control) == 0) {   // sixteen ASCII chars
          const __m128i lo = _mm_unpacklo_epi8(v, zero), hi = _mm_unpackhi_epi8(v, zero);
          __m128i* out = reinterpret_cast<__m128i*>(chars + n);
          _mm_storeu_si128(out, _mm_unpacklo_epi16(lo, zero));
          _mm_storeu_si128(out + 1, _mm_unpackhi_epi16(lo, zero));
          _mm_storeu_si128(out + 2, _mm_unpacklo_epi16(hi, zero));
          _mm_storeu_si128(out + 3, _mm_unpackhi_epi16(hi, zero));
          n += 16;
          i += 16;
          continue;
        }
        // four chars of one byte or three
        const unsigned leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(-16)), _mm_set1_epi8(-32))));
        const unsigned tails = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(-64)), _mm_set1_epi8(-128))));
        const StepShape& shape = kStepShapes.shape[kStepShapes.of_leads[leads & 0xFFF]];
        const unsigned in_step = (1u << shape.bytes) - 1;
        // each char starts with a lead of its kind (an ASCII char of the run or a 3-byte lead), the rest are tails
        const bool formed = (shape.starts & ~(leads | (~high & ~control))) == 0 && (tails & in_step) == (in_step & ~shape.starts);
        const __m128i lanes = _mm_shuffle_epi8(v, _mm_load_si128(reinterpret_cast<const __m128i*>(shape.to_lanes)));
        const __m128i c = code_points(lanes);
        if (formed & plain(c, _mm_cmpgt_epi32(lanes, _mm_set1_epi32(0xFFFF)))) {
          _mm_storeu_si128(reinterpret_cast<__m128i*>(chars + n), c);
          n += 4;
          i += shape.bytes;
          continue;
        }
      }
    }
    if (!common_step(p, i, size, chars, n)) break;
  }
  written = n;
  return i;
}
#endif

// The common run by the best path the CPU has (asked once).
size_t common_run_best(const unsigned char* p, size_t i, size_t size, char32_t* chars, size_t& written) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  static const bool ssse3 = [] {
    __builtin_cpu_init();   // a first call from a static initializer may come before libgcc's own
    return __builtin_cpu_supports("ssse3") != 0;
  }();
  if (ssse3) return common_run_ssse3(p, i, size, chars, written);
#endif
  return common_run(p, i, size, chars, written);
}

// WHATWG UTF-8 decoder: each maximal invalid subpart becomes one U+FFFD.
size_t decode_utf8(std::string_view s, Out& d) {
  size_t first_bad = std::string::npos;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t size = s.size();
  size_t i = 0;
  while (i < size) {
    i = common_run_best(p, i, size, d.chars, d.n);
    if (i >= size) break;
    unsigned char b = p[i];   // one char by the general rules
    if (b < 0x80) { d.push(b); ++i; continue; }
    int need = 0;
    char32_t c = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) { need = 1; c = b & 0x1F; }
    else if (b >= 0xE0 && b <= 0xEF) { need = 2; c = b & 0x0F; if (b == 0xE0) lo = 0xA0; if (b == 0xED) hi = 0x9F; }
    else if (b >= 0xF0 && b <= 0xF4) { need = 3; c = b & 0x07; if (b == 0xF0) lo = 0x90; if (b == 0xF4) hi = 0x8F; }
    else { if (first_bad == std::string::npos) first_bad = i; d.room(); d.push(0xFFFD); ++i; continue; }
    size_t j = i + 1;
    int got = 0;
    while (got < need && j < s.size()) {
      unsigned char t = static_cast<unsigned char>(s[j]);
      if (t < lo || t > hi) break;
      lo = 0x80; hi = 0xBF;
      c = (c << 6) | (t & 0x3F);
      ++j; ++got;
    }
    if (got == need) { d.push(c); i = j; }
    else { if (first_bad == std::string::npos) first_bad = i; d.push(0xFFFD); i = j; }
  }
  return first_bad == std::string::npos ? 0 : first_bad + 1;   // 1-based so 0 means none
}

void decode_utf16(std::string_view s, bool big_endian, Out& d) {
  auto unit = [&](size_t i) -> char32_t {
    unsigned char a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    char32_t c = unit(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < s.size()) {
      char32_t c2 = unit(i + 2);
      if (c2 >= 0xDC00 && c2 <= 0xDFFF) { d.push(0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00)); i += 2; continue; }
    }
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    d.push(c);
  }
}

}  // namespace

// not inlined into analyze() (see analyze.cpp)
[[gnu::noinline]] Decoded decode(std::string_view bytes, size_t max_bytes, std::vector<Diagnostic>& diags) {
  Decoded d;
  if (bytes.empty()) {
    diags.push_back({"empty_input", Severity::error, "输入为空：没有可分析的文本。", std::nullopt});
    d.usable = false;
    return d;
  }
  if (bytes.size() > max_bytes) {
    diags.push_back({"input_too_large", Severity::error,
                     "输入超过 " + std::to_string(max_bytes >> 20) + " MB 上限，只分析了前 " +
                         std::to_string(max_bytes >> 20) + " MB（共 " + std::to_string(bytes.size()) + " 字节）。",
                     std::nullopt});
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 chars
    bytes = bytes.substr(0, cut);
  }
  bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  Out out(d, utf16 ? bytes.size() / 2 : lead_bytes(bytes));
  if (utf16) {
    decode_utf16(bytes.substr(2), bytes[0] == '\xFE', out);
    diags.push_back({"utf16_input", Severity::info, "按 UTF-16 解码（带 BOM）。", std::nullopt});
  } else {
    size_t first_bad = decode_utf8(bytes, out);
    if (first_bad) {
      diags.push_back({"invalid_utf8", Severity::warning,
                       "输入含无效的 UTF-8 字节（首处在第 " + std::to_string(first_bad - 1) + " 字节），已替换为 U+FFFD，共 " +
                           std::to_string(out.bad) + " 处。",
                       std::nullopt});
    }
  }
  out.finish();
  // Binary data: NUL bytes or mostly control characters / replacement chars.
  const size_t nul = out.nul, ctrl = out.ctrl, bad = out.bad;
  size_t n = d.chars.size();
  if (n == 0 || nul * 100 > n || (ctrl + bad) * 10 > n * 3) {
    diags.push_back({"binary_input", Severity::error,
                     "输入看来是二进制数据而不是文本（" + std::to_string(nul) + " 个 NUL，" + std::to_string(ctrl + bad) +
                         " 个控制或无效字符，共 " + std::to_string(n) + " 个字符）。请粘贴报告正文或打开 .txt/.docx/.html 文件。",
                     std::nullopt});
    d.usable = false;
  }
  return d;
}

}  // namespace reportlens
