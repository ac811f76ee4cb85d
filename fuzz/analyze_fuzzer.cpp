// libFuzzer entry point: the whole analysis (analyze_to_json) on arbitrary
// bytes. Beyond ASan/UBSan it checks the output contract: valid JSON, every
// span inside the decoded input, indicators in order and framed by their span.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "decode.h"
#include "report.h"
#include "text.h"

namespace {

using nlohmann::json;

std::u16string to_utf16(const std::u32string& chars) {
  std::u16string out;
  for (char32_t c : chars) {
    if (c < 0x10000) {
      out += static_cast<char16_t>(c);
    } else {
      out += static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
    }
  }
  return out;
}

// Valid UTF-8 only: the strings of a parsed JSON document.
std::u16string to_utf16(const std::string& utf8) { return to_utf16(reportlens::from_utf8(utf8)); }

[[noreturn]] void violation(const char* what, const std::string& detail) {
  std::fprintf(stderr, "contract violation: %s: %s\n", what, detail.c_str());
  std::abort();
}

// A span is [s, e] with s <= e <= the input's UTF-16 length.
void check_span(const json& span, size_t utf16_len) {
  if (span.is_null()) return;
  if (!span.is_array() || span.size() != 2 || !span[0].is_number_unsigned() || !span[1].is_number_unsigned())
    violation("span shape", span.dump());
  if (span[0].get<size_t>() > span[1].get<size_t>() || span[1].get<size_t>() > utf16_len)
    violation("span outside input", span.dump() + " of " + std::to_string(utf16_len));
}

// Every "span", "title_span" and "spans" entry anywhere in the result.
void check_all_spans(const json& j, size_t utf16_len) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& key = it.key();
      if (key == "span" || (key.size() > 5 && key.compare(key.size() - 5, 5, "_span") == 0)) check_span(*it, utf16_len);
      else if (key == "spans" && it->is_array()) for (const json& s : *it) check_span(s, utf16_len);
      else check_all_spans(*it, utf16_len);
    }
  } else if (j.is_array()) {
    for (const json& x : j) check_all_spans(x, utf16_len);
  }
}

// slice(span) is the text, or the text with dropped marks between its first
// and last characters (制定规章 **3** 件: text "3 件", slice "3** 件").
bool frames(const std::u16string& slice, const std::u16string& text) {
  if (text.empty() || slice.empty() || slice.front() != text.front() || slice.back() != text.back()) return false;
  size_t k = 0;
  for (char16_t c : slice) if (k < text.size() && c == text[k]) ++k;
  return k == text.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // The input's length picks the options, so the pretty writer, a cut at an
  // arbitrary byte (mid-sequence) and malformed options are fuzzed too.
  std::string options;
  size_t max_bytes = reportlens::Options{}.max_input_bytes;
  switch (size % 4) {
    case 0: options = "{}"; break;
    case 1: options = R"({"pretty": true})"; break;
    case 2: max_bytes = size / 2; options = R"({"max_input_bytes": )" + std::to_string(max_bytes) + "}"; break;
    default: options = "{\"pretty\": "; break;
  }
  std::string out = reportlens::analyze_to_json(input, options);

  json j = json::parse(out, nullptr, false);
  if (j.is_discarded() || !j.is_object()) violation("output is not a JSON object", out.substr(0, 200));
  if (!j.contains("diagnostics") || !j["diagnostics"].is_array()) violation("no diagnostics array", out.substr(0, 200));

  std::vector<reportlens::Diagnostic> ignored;
  reportlens::Decoded decoded = reportlens::decode(input, max_bytes, ignored);
  std::u16string text = to_utf16(decoded.chars);
  check_all_spans(j, text.size());

  size_t last = 0;
  auto indicators = j.find("indicators");
  if (indicators == j.end() || !indicators->is_array()) violation("no indicators array", out.substr(0, 200));
  for (const json& x : *indicators) {
    if (!x.contains("span") || !x["span"].is_array()) violation("indicator without span", x.dump());
    size_t b = x["span"][0].get<size_t>(), e = x["span"][1].get<size_t>();
    if (b < last) violation("indicators out of order", x.dump());
    last = b;
    if (!x["text"].is_string() || !frames(text.substr(b, e - b), to_utf16(x["text"].get<std::string>())))
      violation("indicator span does not frame its text", x.dump());
  }
  return 0;
}
