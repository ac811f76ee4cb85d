// Result -> JSON (see json.h).
#include "json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "parts.h"
#include "report.h"

namespace reportlens {
namespace {

using Json = nlohmann::ordered_json;

Json span(const Span& s) { return Json::array({s.begin, s.end}); }
Json opt_str(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
Json str_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json number(double v) {
  if (std::isfinite(v) && std::fabs(v) < 9e15 && v == std::floor(v)) return Json(static_cast<int64_t>(v));
  return Json(v);
}

const char* severity(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "info";
}

Json section_json(const Result& r, size_t i) {
  const Section& s = r.sections[i];
  Json j;
  j["level"] = s.level;
  j["marker"] = s.marker;
  j["title"] = s.title;
  j["part"] = s.part ? Json(part_id(*s.part)) : Json(nullptr);
  j["span"] = span(s.span);
  j["title_span"] = span(s.title_span);
  j["marker_span"] = span(s.marker_span);
  if (s.part) j["part_reason"] = s.part_reason;
  Json points = Json::array();
  for (const Point& p : s.points) points.push_back({{"marker", p.marker}, {"title", p.title}, {"span", span(p.span)}});
  j["points"] = points;
  Json children = Json::array();
  for (size_t k = i + 1; k < r.sections.size(); ++k)
    if (r.sections[k].parent == static_cast<int>(i)) children.push_back(section_json(r, k));
  j["children"] = children;
  return j;
}

Json path_json(const std::vector<int>& path) {
  Json j = Json::array();
  for (int p : path) j.push_back(p);
  return j;
}

}  // namespace

std::string to_json(const Result& r, bool pretty) {
  Json j;
  j["schema"] = "reportlens/1";
  j["version"] = version();
  const Meta& m = r.meta;
  j["meta"] = {{"title", opt_str(m.title)},
               {"agency", opt_str(m.agency)},
               {"region", opt_str(m.region)},
               {"report_year", m.report_year ? Json(*m.report_year) : Json(nullptr)},
               {"published", opt_str(m.published)},
               {"doc_number", opt_str(m.doc_number)},
               {"signer", opt_str(m.signer)},
               {"agency_canonical", opt_str(m.agency_canonical)},
               {"published_source", str_or_null(m.published_source)},
               {"title_span", m.title_span ? span(*m.title_span) : Json(nullptr)},
               {"published_span", m.published_span ? span(*m.published_span) : Json(nullptr)}};
  Json sections = Json::array();
  for (size_t i = 0; i < r.sections.size(); ++i)
    if (r.sections[i].parent < 0) sections.push_back(section_json(r, i));
  j["sections"] = sections;
  Json indicators = Json::array();
  for (const Indicator& x : r.indicators) {
    Json o;
    o["text"] = x.text;
    o["span"] = span(x.span);
    o["value"] = number(x.value);
    o["unit"] = x.unit;
    o["approx"] = str_or_null(x.approx);
    o["bound"] = str_or_null(x.bound);
    o["kind"] = x.kind;
    o["label"] = x.label;
    o["category"] = str_or_null(x.category);
    o["section"] = path_json(x.section_path);
    if (!x.role.empty()) o["role"] = x.role;
    indicators.push_back(o);
  }
  j["indicators"] = indicators;
  Json zeros = Json::array();
  for (const ZeroClaim& z : r.zero_claims) zeros.push_back({{"text", z.text}, {"subject", z.subject}, {"span", span(z.span)}});
  j["zero_claims"] = zeros;
  Json missing = Json::array();
  for (Part p : r.missing_parts) missing.push_back(part_id(p));
  j["missing_parts"] = missing;
  Json findings = Json::array();
  for (const Finding& f : r.findings) {
    Json spans = Json::array();
    for (const Span& s : f.spans) spans.push_back(span(s));
    Json data = Json::object();
    for (const FindingValue& v : f.data) data[v.key] = v.number ? number(*v.number) : v.text ? Json(*v.text) : Json(nullptr);
    findings.push_back({{"id", f.id}, {"severity", severity(f.severity)}, {"message", f.message}, {"spans", spans}, {"data", data}});
  }
  j["findings"] = findings;
  j["stats"] = {{"input_chars", r.stats.input_chars}, {"text_chars", r.stats.text_chars},
                {"han_chars", r.stats.han_chars}, {"blocks", r.stats.blocks}};
  Json diags = Json::array();
  for (const Diagnostic& d : r.diagnostics)
    diags.push_back({{"code", d.code}, {"severity", severity(d.severity)}, {"message", d.message},
                     {"span", d.span ? span(*d.span) : Json(nullptr)}});
  j["diagnostics"] = diags;
  return j.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace reportlens
