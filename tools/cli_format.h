// CLI output formats besides JSON: a readable Markdown summary and CSV of the
// indicators (UTF-8 with BOM so Excel opens it).
#pragma once
#include <string>

#include "types.h"

namespace reportlens::cli {

std::string markdown(const Result& r);
std::string csv(const Result& r);

}  // namespace reportlens::cli
