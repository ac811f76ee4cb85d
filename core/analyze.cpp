// Calls the stages in order (design.md "Data flow"), nothing else. The first
// stages have this as their only caller and are marked not to be inlined
// here: V8 compiles one huge wasm function worse than the separate stages
// (analyze() 0.965x the time with them apart).
#include <nlohmann/json.hpp>

#include "checks.h"
#include "decode.h"
#include "headings.h"
#include "indicators.h"
#include "json.h"
#include "meta.h"
#include "normalize.h"
#include "offsets.h"
#include "parts.h"
#include "report.h"
#include "segment.h"
#include "tape.h"
#include "zero_claims.h"

namespace reportlens {

const char* version() { return "0.1.0"; }

Options options_from_json(std::string_view json, std::vector<Diagnostic>* diagnostics) {
  Options o;
  if (json.empty()) return o;
  auto j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    if (diagnostics) diagnostics->push_back({"bad_options", Severity::warning, "选项不是有效的 JSON 对象，已使用默认值。", std::nullopt});
    return o;
  }
  if (auto it = j.find("max_input_bytes"); it != j.end() && it->is_number_unsigned()) o.max_input_bytes = it->get<size_t>();
  if (auto it = j.find("pretty"); it != j.end() && it->is_boolean()) o.pretty = it->get<bool>();
  return o;
}

Result analyze(std::string_view input, const Options& options) {
  Result r;
  Decoded decoded = decode(input, options.max_input_bytes, r.diagnostics);
  r.stats.input_chars = static_cast<uint32_t>(decoded.chars.size());
  if (decoded.usable) {
    Segmented seg = segment(normalize(decoded, r.diagnostics), r.diagnostics);
    r.stats.text_chars = static_cast<uint32_t>(seg.text.size());
    r.stats.blocks = static_cast<uint32_t>(seg.blocks.size());
    r.sections = find_headings(seg, decoded.chars, r.diagnostics);
    assign_parts(r.sections);
    r.missing_parts = missing_parts(r.sections);
    r.meta = find_meta(seg, r.sections, decoded.chars);
    IndicatorScan scan = find_indicators(seg, r.sections, decoded.chars);
    r.indicators = std::move(scan.indicators);
    r.zero_claims = find_zero_claims(seg, r.sections, decoded.chars);
    r.diagnostics.insert(r.diagnostics.end(), scan.diagnostics.begin(), scan.diagnostics.end());
    run_checks(r, seg);   // (and r.stats.han_chars)
    if (seg.blocks.empty())
      r.diagnostics.push_back({"no_text", Severity::error, "清理后没有剩下可读的正文。", std::nullopt});
  }
  spans_to_utf16(r, decoded);
  return r;
}

namespace {

// analyze() with options given as JSON; a problem with them is a diagnostic
// at the front of the result.
Result analyze_with(std::string_view input, std::string_view options_json, Options& o) {
  std::vector<Diagnostic> option_diags;
  o = options_from_json(options_json, &option_diags);
  Result r = analyze(input, o);
  r.diagnostics.insert(r.diagnostics.begin(), option_diags.begin(), option_diags.end());
  return r;
}

}  // namespace

std::string analyze_to_json(std::string_view input, std::string_view options_json) {
  Options o;
  Result r = analyze_with(input, options_json, o);
  return to_json(r, o.pretty);
}

std::u16string analyze_to_json_utf16(std::string_view input, std::string_view options_json) {
  Options o;
  Result r = analyze_with(input, options_json, o);
  return to_json_utf16(r, o.pretty);
}

void analyze_to_tape(std::string_view input, std::string_view options_json, Tape& out) {
  Options o;
  to_tape(analyze_with(input, options_json, o), out);
}

}  // namespace reportlens
