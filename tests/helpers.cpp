// Test helpers (see helpers.h).
#include "helpers.h"

#include "csv.h"
#include "parts.h"

namespace reportlens::test {
std::string indicators(const std::string& text) {
  Result r = analyze(text);
  std::string out;
  for (const Indicator& x : r.indicators) {
    if (!out.empty()) out += "; ";
    out += x.text + "=" + csv_number(x.value) + x.unit;
    if (!x.approx.empty()) out += "~" + x.approx;
  }
  return out;
}

std::string labels(const std::string& text) {
  Result r = analyze(text);
  std::string out;
  for (const Indicator& x : r.indicators) {
    if (!out.empty()) out += "; ";
    out += x.text + "=>" + x.label;
  }
  return out;
}

std::string headings(const std::string& text) {
  Result r = analyze(text);
  std::string out;
  for (const Section& s : r.sections) {
    if (!out.empty()) out += " > ";
    out += std::to_string(s.level) + ":" + s.marker + s.title;
  }
  return out;
}

std::string parts(const std::string& text) {
  Result r = analyze(text);
  std::string out;
  for (const Section& s : r.sections) {
    if (s.level != 1) continue;
    if (!out.empty()) out += " ";
    out += s.part ? part_id(*s.part) : "null";
  }
  return out;
}

}  // namespace reportlens::test
