// CSV output shared by the CLI and the comparison: fields quoted where needed,
// numbers in their shortest form, UTF-8 with a BOM so Excel reads Chinese.
#pragma once
#include <string>

#include "types.h"

namespace reportlens {

inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

std::string csv_field(const std::string& s);
std::string csv_number(double v);

// One row per indicator: text,value,unit,approx,kind,label,category,section,start,end
std::string indicators_csv(const Result& r);

}  // namespace reportlens
