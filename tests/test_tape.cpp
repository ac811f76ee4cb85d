// The tape (core/tape.h) reads back, by the rules of fromTape in
// wasm/api.js.in, to exactly what the JSON text parses to: the same keys in the
// same order and the same values, for every corpus report and for the values
// the JSON writes in a special way (non-finite numbers, -0, integers past 32
// bits, escaped and astral strings, keys the result names at run time). The
// JSON as UTF-16 (the WebAssembly API's analyzeJson) is the same text.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "json.h"
#include "report.h"
#include "tape.h"
#include "text.h"

namespace {

using Json = nlohmann::ordered_json;

template <class Text>
std::string utf8(const Text& s, size_t at, size_t n) {
  std::u32string cps;
  for (size_t i = at; i < at + n; ++i) {
    char32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < at + n) c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
    cps += c;
  }
  return reportlens::to_utf8(cps);
}

// fromTape, in C++.
class Reader {
 public:
  explicit Reader(const reportlens::Tape& t) : t_(t) {}
  Json value() {
    switch (t_.ops.at(p_++)) {
      case reportlens::kTapeObject: {
        Json o = Json::object();
        while (t_.ops.at(p_) != reportlens::kTapeEnd) {
          uint32_t k = t_.ops[p_++];
          o[name(k)] = value();
        }
        ++p_;
        return o;
      }
      case reportlens::kTapeArray: {
        Json a = Json::array();
        while (t_.ops.at(p_) != reportlens::kTapeEnd) a.push_back(value());
        ++p_;
        return a;
      }
      case reportlens::kTapeString: {
        uint32_t at = t_.ops.at(p_++), n = t_.ops.at(p_++);
        return utf8(t_.text, at, n);
      }
      case reportlens::kTapeTerm: return name(t_.ops.at(p_++));
      case reportlens::kTapeInt: return static_cast<int32_t>(t_.ops.at(p_++));
      case reportlens::kTapeNumber: return t_.numbers.at(t_.ops.at(p_++));
      case reportlens::kTapeNull: return nullptr;
      case reportlens::kTapeSpan: {
        uint32_t b = t_.ops.at(p_++), e = t_.ops.at(p_++);
        return Json::array({b, e});
      }
    }
    FAIL("unknown op");
    return nullptr;
  }
  bool at_end() const { return p_ == t_.ops.size(); }

 private:
  const reportlens::Tape& t_;
  size_t p_ = 0;
  std::string name(uint32_t k) const {
    return utf8(t_.names.text(), t_.names.spans().at(2 * k), t_.names.spans().at(2 * k + 1));
  }
};

// Equal as JavaScript sees both: numbers by value, whatever their C++ type;
// object keys in the same order.
bool same(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number())   // -0 is not 0 to Object.is, which deepStrictEqual uses
    return a.get<double>() == b.get<double>() && std::signbit(a.get<double>()) == std::signbit(b.get<double>());
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_object()) {
    for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y)
      if (x.key() != y.key() || !same(*x, *y)) return false;
    return true;
  }
  if (a.is_array()) {
    for (size_t i = 0; i < a.size(); ++i) if (!same(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

// One tape for all the checks, as the WebAssembly module keeps one: each
// result is written over the last.
reportlens::Tape g_tape;

void check_same(const reportlens::Result& r) {
  reportlens::to_tape(r, g_tape);
  const reportlens::Tape& tape = g_tape;
  Reader reader(tape);
  Json from_tape = reader.value();
  CHECK(reader.at_end());
  const std::string text = reportlens::to_json(r, false);
  Json from_text = Json::parse(text);
  CHECK(same(from_tape, from_text));
  const std::u16string text16 = reportlens::to_json_utf16(r, false);
  CHECK(utf8(text16, 0, text16.size()) == text);
  const std::u16string pretty16 = reportlens::to_json_utf16(r, true);
  CHECK(utf8(pretty16, 0, pretty16.size()) == reportlens::to_json(r, true));
}

std::vector<std::filesystem::path> reports() {
  std::vector<std::filesystem::path> out;
  for (const char* dir : {REPORTLENS_SOURCE_DIR "/../shared/corpus/seeds", REPORTLENS_SOURCE_DIR "/tests/corpus/extra/seeds"}) {
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".txt") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("tape: every corpus report reads back as its JSON") {
  auto files = reports();
  REQUIRE(!files.empty());
  for (const auto& f : files) {
    CAPTURE(f.string());
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    check_same(reportlens::analyze(bytes));
  }
}

TEST_CASE("tape: values the JSON text writes in its own way") {
  reportlens::Result r = reportlens::analyze("一、主要举措和成效\n办理案件20件，“引号”\\反斜杠\t制表，𠀀字。");
  reportlens::Finding f;
  f.id = "test";
  f.message = "含 \"引号\" 与控制字符\x01，及 𠀀";
  for (double v : {std::numeric_limits<double>::infinity(), std::nan(""), -0.0, 0.1, 1e-7, 123456789012.0, 3e20, -2.5,
                   static_cast<double>(INT32_MAX) + 1, static_cast<double>(INT32_MIN) - 1})
    f.data.push_back({"k" + std::to_string(f.data.size()), v, std::nullopt});
  f.data.push_back({"text", std::nullopt, std::string("值")});
  for (size_t n = 1; n <= 20; ++n)   // an escape at every place of strings around the writer's 8-byte steps
    for (size_t at = 0; at < n; ++at) {
      std::string v = std::string(n, 'a') + "值";
      v[at] = at % 2 ? '"' : '\n';
      f.data.push_back({"e" + std::to_string(n) + "_" + std::to_string(at), std::nullopt, v});
    }
  f.data.push_back({"none", std::nullopt, std::nullopt});
  r.findings.push_back(f);
  check_same(r);
}

TEST_CASE("tape: a name keeps its index in later results written into the same tape, which add names after the earlier ones") {
  reportlens::Tape tape;
  reportlens::to_tape(reportlens::analyze("一、主要举措和成效\n办理案件20件。"), tape);
  const std::vector<uint32_t> first_spans = tape.names.spans();
  const std::u16string first_text = tape.names.text();
  reportlens::Result r = reportlens::analyze("一、主要举措和成效\n办理案件20件。");
  reportlens::Finding f;
  f.id = "an_id_no_earlier_result_named";   // a term
  f.data.push_back({"a_key_no_earlier_result_named", 1.0, std::nullopt});
  r.findings.push_back(f);
  reportlens::to_tape(r, tape);
  const auto& spans = tape.names.spans();
  REQUIRE(spans.size() == first_spans.size() + 4);
  CHECK(std::equal(first_spans.begin(), first_spans.end(), spans.begin()));
  CHECK(tape.names.text().compare(0, first_text.size(), first_text) == 0);
  CHECK(utf8(tape.names.text(), spans[spans.size() - 4], spans[spans.size() - 3]) == "an_id_no_earlier_result_named");
  CHECK(utf8(tape.names.text(), spans[spans.size() - 2], spans.back()) == "a_key_no_earlier_result_named");
}

TEST_CASE("tape: terms stop being kept as names past a bound, and are written as strings from then on") {
  reportlens::Tape tape;
  reportlens::Result r = reportlens::analyze("一、主要举措和成效\n办理案件20件。");
  REQUIRE(!r.sections.empty());
  for (int i = 0; i < 6000; ++i) r.sections[0].points.push_back({"第" + std::to_string(i) + "项", "标题", {0, 1}});
  reportlens::to_tape(r, tape);
  Reader reader(tape);
  CHECK(same(reader.value(), Json::parse(reportlens::to_json(r, false))));
  const size_t names = tape.names.spans().size() / 2;
  CHECK(names > 1000);    // the first markers became names,
  CHECK(names < 4200);    // not all 6000 (keys named after the bound are still added)
  reportlens::to_tape(r, tape);   // and a result written after the bound reads back the same
  Reader again(tape);
  CHECK(same(again.value(), Json::parse(reportlens::to_json(r, false))));
}
