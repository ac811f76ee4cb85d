// Result -> JSON (see json.h). A small streaming writer, a sink of
// result_walk.h: the result is written once, in the contract's key order,
// without building a DOM (the output is byte-identical to nlohmann's dump with
// indent 2 / compact). Integers and short decimals are formatted directly; any
// other double takes the shortest "%.*g" that reads back the same value. The
// writer's unit is char (UTF-8) or char16_t (UTF-16, for JavaScript): the
// result's strings are UTF-8, and go to UTF-16 as they are written.
#include "json.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <string_view>
#include <type_traits>

#include "result_walk.h"
#include "text.h"

namespace reportlens {
namespace {

// Copies the n ASCII chars at s to p, in the output's unit; returns the end.
inline char* put_ascii(char* p, const char* s, size_t n) {
  std::memcpy(p, s, n);
  return p + n;
}
inline char16_t* put_ascii(char16_t* p, const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) p[i] = static_cast<unsigned char>(s[i]);
  return p + n;
}

// The output text: a buffer of Char grown by doubling and written through a
// pointer (std::basic_string's append is an out-of-line call for every piece).
// The buffer is not zeroed first (a string's resize() would fill it, and a
// report's output is 10-20 KB): growing copies only the part written, and
// take() copies the text once into a string of its size.
template <class Char>
class Buffer {
 public:
  using String = std::basic_string<Char>;
  Buffer() { grow(1 << 14); }
  void put(char c) { room(1); *p_++ = static_cast<Char>(c); }
  void put(std::string_view ascii) { room(ascii.size()); p_ = put_ascii(p_, ascii.data(), ascii.size()); }
  // UTF-8 text, as it is or as UTF-16 (never more units than bytes)
  void put_text(std::string_view utf8) {
    room(utf8.size());
    if constexpr (std::is_same_v<Char, char>) p_ = std::copy(utf8.begin(), utf8.end(), p_);
    else p_ += utf8_to_utf16(utf8, p_);
  }
  void fill(char c, size_t n) { room(n); std::fill_n(p_, n, static_cast<Char>(c)); p_ += n; }
  // Room for n units written through the pointer returned; done(end) moves past them.
  Char* claim(size_t n) { room(n); return p_; }
  void done(Char* end) { p_ = end; }
  String take() const { return String(buf_.data(), static_cast<size_t>(p_ - buf_.data())); }

 private:
  RawVector<Char> buf_;
  Char* p_ = nullptr;
  Char* end_ = nullptr;
  void room(size_t n) { if (static_cast<size_t>(end_ - p_) < n) grow(n); }
  void grow(size_t n) {
    const size_t used = p_ ? static_cast<size_t>(p_ - buf_.data()) : 0;
    RawVector<Char> bigger;
    bigger.resize(std::max(buf_.size() * 2, used + n));
    std::copy(buf_.data(), buf_.data() + used, bigger.data());
    buf_.swap(bigger);
    p_ = buf_.data() + used;
    end_ = buf_.data() + buf_.size();
  }
};

template <class Char>
class Writer {
 public:
  explicit Writer(bool pretty) : pretty_(pretty) {}
  std::basic_string<Char> take() { return out_.take(); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // Our own ASCII names: nothing to escape.
  template <size_t N>
  void key(const char (&k)[N]) { key_chars(k, N - 1); }
  void key(std::string_view k) { key_chars(k.data(), k.size()); }
  void value(const std::string& s) { separator(); string(s); }
  void value(int64_t v) { separator(); integer(v); }
  void value(uint32_t v) { value(static_cast<int64_t>(v)); }
  void value(int v) { value(static_cast<int64_t>(v)); }
  void value(double v) {
    separator();
    NumberForm form = number_form(v);
    if (form == NumberForm::null) { out_.put("null"); return; }
    if (form == NumberForm::integer) { integer(static_cast<int64_t>(v)); return; }
    if (short_decimal(v)) return;
    char buf[40];
    for (int p = 1; p <= 17; ++p) {   // the shortest form that reads back the same double
      std::snprintf(buf, sizeof buf, "%.*g", p, v);
      if (std::strtod(buf, nullptr) == v) break;
    }
    out_.put(buf);
  }
  void term(std::string_view s) { separator(); string(s); }
  void null() { separator(); out_.put("null"); }
  void span(const Span& s) {
    separator();
    if (!pretty_) {   // the common case, written in one piece
      ascii(24, [&](char* p) {
        *p++ = '[';
        p = std::to_chars(p, p + 10, s.begin).ptr;
        *p++ = ',';
        p = std::to_chars(p, p + 10, s.end).ptr;
        *p++ = ']';
        return p;
      });
      return;
    }
    out_.put('[');
    ++depth_;
    line_break();
    integer(s.begin);
    out_.put(',');
    line_break();
    integer(s.end);
    --depth_;
    line_break();
    out_.put(']');
  }

 private:
  Buffer<Char> out_;
  bool pretty_;
  int depth_ = 0;
  bool first_ = true;      // no element written yet in the current container
  bool after_key_ = false;

  void integer(int64_t v) {
    ascii(24, [&](char* p) { return std::to_chars(p, p + 24, v).ptr; });
  }
  // At most n (<= 32) ASCII chars, which write(char* p) writes at p, returning
  // their end: straight into the output when its unit is char, else through a copy.
  template <class Write>
  void ascii(size_t n, Write&& write) {
    if constexpr (std::is_same_v<Char, char>) {
      out_.done(write(out_.claim(n)));
    } else {
      char text[32];
      char* end = write(text);
      out_.done(put_ascii(out_.claim(n), text, static_cast<size_t>(end - text)));
    }
  }
  // A non-integral v that is k / 10^d for an integer k and at most
  // kMaxDecimals decimals, written as the shortest round-trip loop would
  // write it ("%.*g" in fixed notation), without that loop. k / 10^d is
  // correctly rounded (both exact doubles), so it equals v exactly when the
  // decimal reads back as v; within the range below, ulp(v) < 10^-d, so that
  // decimal is the only one with d decimals that does, and the smallest such
  // d gives the fewest digits. Returns false (nothing written) otherwise.
  bool short_decimal(double v) {
    constexpr int kMaxDecimals = 8;
    constexpr double kPow10[kMaxDecimals + 1] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    double magnitude = std::fabs(v);
    if (magnitude < 1e-4 || magnitude >= 1e7) return false;   // "%g" turns to exponents below 1e-4
    for (int d = 1; d <= kMaxDecimals; ++d) {
      double scaled = std::nearbyint(magnitude * kPow10[d]);
      if (scaled / kPow10[d] != magnitude) continue;
      char digits[24];
      char* end = std::to_chars(digits, digits + sizeof digits, static_cast<int64_t>(scaled)).ptr;
      size_t n = static_cast<size_t>(end - digits);
      size_t whole = n > static_cast<size_t>(d) ? n - d : 0;   // digits before the point
      Char* p = out_.claim(n + kMaxDecimals + 3);
      if (v < 0) *p++ = '-';
      if (whole == 0) *p++ = '0';
      else p = put_ascii(p, digits, whole);
      *p++ = '.';
      for (size_t z = n - whole; z < static_cast<size_t>(d); ++z) *p++ = '0';   // leading zeros of the fraction
      out_.done(put_ascii(p, digits + whole, n - whole));
      return true;
    }
    return false;
  }
  void line_break() {
    out_.put('\n');
    out_.fill(' ', static_cast<size_t>(depth_) * 2);
  }
  void separator() {
    if (after_key_) { after_key_ = false; return; }
    if (depth_ == 0) return;
    if (!first_) out_.put(',');
    first_ = false;
    if (pretty_) line_break();
  }
  // A key is always inside an object and never follows a key: compact, its
  // separator is a comma after the first member, written in the same piece.
  // Always inlined, so that a literal's length is a constant and its copy
  // inlines (a call and a memcpy call were half of a key's cost).
  [[gnu::always_inline]] void key_chars(const char* k, size_t n) {
    if (pretty_) return pretty_key(k, n);
    Char* p = out_.claim(n + 4);
    if (!first_) *p++ = ',';
    first_ = false;
    out_.done(quoted_key(p, k, n));
    after_key_ = true;
  }
  void pretty_key(const char* k, size_t n) {
    separator();
    Char* p = quoted_key(out_.claim(n + 4), k, n);
    *p++ = ' ';
    out_.done(p);
    after_key_ = true;
  }
  // Writes "k": at p; returns the end.
  static Char* quoted_key(Char* p, const char* k, size_t n) {
    *p++ = '"';
    p = put_ascii(p, k, n);
    *p++ = '"';
    *p++ = ':';
    return p;
  }
  void open(char c) {
    separator();
    out_.put(c);
    ++depth_;
    first_ = true;
  }
  void close(char c) {
    --depth_;
    if (!first_ && pretty_) line_break();
    out_.put(c);
    first_ = false;
  }
  // Whether any byte of the 8 in w is below 0x20, '"' or '\\' (exact as an
  // "any" test: a borrow can only follow a byte that matched).
  template <class Word>   // uint64_t or uint32_t: eight or four bytes
  static bool needs_escape(Word w) {
    constexpr Word kOnes = static_cast<Word>(0x0101010101010101ULL), kHighs = static_cast<Word>(0x8080808080808080ULL);
    auto below = [&](Word v, Word n) { return static_cast<Word>(v - kOnes * n) & ~v & kHighs; };
    return below(w, 0x20) | below(w ^ (kOnes * '"'), 1) | below(w ^ (kOnes * '\\'), 1);
  }
  static bool needs_escape(char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == '"' || u == '\\';
  }
  void escape(unsigned char c) {
    switch (c) {
      case '"': out_.put("\\\""); break;
      case '\\': out_.put("\\\\"); break;
      case '\b': out_.put("\\b"); break;
      case '\f': out_.put("\\f"); break;
      case '\n': out_.put("\\n"); break;
      case '\r': out_.put("\\r"); break;
      case '\t': out_.put("\\t"); break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out_.put(buf);
      }
    }
  }
  void string(std::string_view s) {
    if constexpr (std::is_same_v<Char, char16_t>) string_utf16(s);
    else string_utf8(s);
  }
  // Plain bytes are copied as they are checked, eight at a time while they
  // last (most strings have nothing to escape); a string of eight bytes or
  // more ends with its last eight, one of four to seven is its first four and
  // its last four. From the first byte that needs an escape on, the rest goes
  // through escaped_rest().
  void string_utf8(std::string_view s) {
    char* p = out_.claim(s.size() + 2);
    *p++ = '"';
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8, p += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (needs_escape(w)) break;
      std::memcpy(p, &w, 8);
    }
    if (i < s.size() && i + 8 > s.size()) {
      if (s.size() >= 8) {   // the last few bytes as the last eight, some written again
        uint64_t w;
        std::memcpy(&w, s.data() + s.size() - 8, 8);
        if (!needs_escape(w)) {
          std::memcpy(p - (i - (s.size() - 8)), &w, 8);
          p += s.size() - i;
          i = s.size();
        }
      } else if (s.size() >= 4) {   // 4-7 bytes: the first four and the last four
        uint32_t head, tail;
        std::memcpy(&head, s.data(), 4);
        std::memcpy(&tail, s.data() + s.size() - 4, 4);
        if (!needs_escape(head) && !needs_escape(tail)) {
          std::memcpy(p, &head, 4);
          std::memcpy(p + s.size() - 4, &tail, 4);
          p += s.size();
          i = s.size();
        }
      }
    }
    for (; i < s.size() && !needs_escape(s[i]); ++i) *p++ = s[i];
    if (i < s.size()) {
      out_.done(p);
      escaped_rest(s.substr(i));
      p = out_.claim(1);
    }
    *p++ = '"';
    out_.done(p);
  }
  // The same into UTF-16: the bytes before the first that needs an escape (an
  // ASCII byte, so never inside a char) converted in one piece, most strings whole.
  void string_utf16(std::string_view s) {
    size_t plain = 0;
    for (; plain + 8 <= s.size(); plain += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + plain, 8);
      if (needs_escape(w)) break;
    }
    while (plain < s.size() && !needs_escape(s[plain])) ++plain;
    out_.put('"');
    out_.put_text(s.substr(0, plain));
    if (plain < s.size()) escaped_rest(s.substr(plain));
    out_.put('"');
  }
  // s from a byte that needs an escape on: escapes, and the plain runs between them.
  void escaped_rest(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      escape(static_cast<unsigned char>(s[i]));
      size_t next = i + 1;
      while (next < s.size() && !needs_escape(s[next])) ++next;
      out_.put_text(s.substr(i + 1, next - i - 1));
      i = next;
    }
  }
};

}  // namespace

std::string to_json(const Result& r, bool pretty) {
  Writer<char> w(pretty);
  write_result(w, r);
  return w.take();
}

std::u16string to_json_utf16(const Result& r, bool pretty) {
  Writer<char16_t> w(pretty);
  write_result(w, r);
  return w.take();
}

}  // namespace reportlens
