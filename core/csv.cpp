// CSV helpers (see csv.h).
#include "csv.h"

#include <cstdio>

namespace reportlens {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string indicators_csv(const Result& r) {
  std::string out = std::string(kCsvBom) + "text,value,unit,approx,kind,label,category,section,start,end\r\n";
  for (const Indicator& x : r.indicators) {
    std::string section = x.section < 0 ? "" : r.sections[x.section].marker + r.sections[x.section].title;
    out += csv_field(x.text) + "," + csv_number(x.value) + "," + csv_field(x.unit) + "," + csv_field(x.approx) + "," +
           x.kind + "," + csv_field(x.label) + "," + x.category + "," + csv_field(section) + "," +
           std::to_string(x.span.begin) + "," + std::to_string(x.span.end) + "\r\n";
  }
  return out;
}

}  // namespace reportlens
