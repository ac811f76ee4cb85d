// Test helpers: analyze a snippet and dump a stage compactly, so unit tests
// are tables of input -> expected dump.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "report.h"

namespace reportlens::test {

// One row of a table test: an input and the dump it must give.
struct Case {
  const char* input;
  const char* expected;
};

// Checks every row of a table against a dump function (indicators, labels …).
template <size_t N>
void check_table(const Case (&cases)[N], std::string (*dump)(const std::string&)) {
  for (const Case& c : cases) {
    CAPTURE(std::string(c.input));
    CHECK(dump(c.input) == c.expected);
  }
}

// "30余件=30件~余" per indicator, joined by "; " (value, unit, ~approx).
std::string indicators(const std::string& text);
// "text=>label" per indicator, joined by "; ".
std::string labels(const std::string& text);
// "1:一、title > 2:(一)title" in document order.
std::string headings(const std::string& text);
// Part ids of the level-1 sections, joined by " ".
std::string parts(const std::string& text);

}  // namespace reportlens::test
