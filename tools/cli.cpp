// The reportlens CLI: analyze one report (JSON, Markdown or CSV), print an
// intermediate stage for debugging, or compare several reports.
// Exit status: 0 success, 1 the result has error diagnostics, 2 usage error.
#include <cstring>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli_decode.h"
#include "cli_format.h"
#include "compare.h"
#include "decode.h"
#include "headings.h"
#include "json.h"
#include "normalize.h"
#include "report.h"
#include "segment.h"

namespace {

const char* kUsage =
    "usage: reportlens analyze FILE|- [--format json|md|csv] [--pretty]\n"
    "                          [--stage decode|clean|blocks|headings]\n"
    "       reportlens compare FILE... [--format json|csv|md] [--pretty]\n"
    "       reportlens --version | --help\n"
    "Analyzes a 法治政府建设年度报告 (UTF-8, UTF-16 with BOM or GB18030 text)\n"
    "and prints the result of ../shared/spec/output.md. Exit 0 on success,\n"
    "1 when the result has error diagnostics, 2 on usage errors.\n";

int usage_error(const std::string& why) {
  std::cerr << "reportlens: " << why << "\n" << kUsage;
  return 2;
}

int print_stage(const std::string& stage, const std::string& bytes) {
  using namespace reportlens;
  std::vector<Diagnostic> diags;
  Decoded d = decode(bytes, Options{}.max_input_bytes, diags);
  if (stage == "decode") {
    std::cout << "code points: " << d.chars.size() << "\nutf16 units: " << d.utf16_offset(d.chars.size()) << "\n";
  } else {
    NormText n = normalize(d, diags);
    if (stage == "clean") {
      std::cout << to_utf8(n.chars) << "\n";
    } else {
      Segmented seg = segment(std::move(n), diags);
      if (stage == "blocks") {
        for (size_t i = 0; i < seg.blocks.size(); ++i)
          std::cout << i << "\t" << to_utf8(seg.text.chars.substr(seg.blocks[i].begin, seg.blocks[i].end - seg.blocks[i].begin)) << "\n";
      } else if (stage == "headings") {
        for (const Section& s : find_headings(seg, d.chars, diags))
          std::cout << std::string(2 * (s.level - 1), ' ') << s.level << ":" << s.marker << s.title << "\n";
      } else {
        return usage_error("unknown stage: " + stage);
      }
    }
  }
  for (const Diagnostic& x : diags) std::cerr << x.code << ": " << x.message << "\n";
  return 0;
}

// reportlens compare FILE...: the reports side by side (docs/compare.md).
int compare_command(const std::vector<std::string>& args) {
  std::string format = "json";
  bool pretty = false;
  std::vector<std::string> files;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--format" && i + 1 < args.size()) format = args[++i];
    else if (args[i] == "--pretty") pretty = true;
    else if (!args[i].empty() && args[i][0] == '-') return usage_error("unknown option: " + args[i]);
    else files.push_back(args[i]);
  }
  if (files.size() < 2) return usage_error("compare needs two or more files");
  if (format != "json" && format != "md" && format != "csv") return usage_error("unknown format: " + format);
  std::vector<reportlens::NamedResult> reports;
  for (const std::string& f : files) {
    auto bytes = reportlens::cli::read_input(f);
    if (!bytes) {
      std::cerr << "reportlens: cannot read " << f << ": " << std::strerror(errno) << "\n";
      return 2;
    }
    reportlens::cli::convert_gb18030(*bytes);
    reports.push_back({f.substr(f.find_last_of('/') + 1), reportlens::analyze(*bytes)});
  }
  if (format == "json") std::cout << reportlens::compare_to_json(reports, pretty) << "\n";
  else if (format == "csv") std::cout << reportlens::compare_to_csv(reports);
  else std::cout << reportlens::compare_to_markdown(reports);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command");
  if (args[0] == "--help" || args[0] == "-h") { std::cout << kUsage; return 0; }
  if (args[0] == "--version") { std::cout << reportlens::version() << "\n"; return 0; }
  if (args[0] == "compare") return compare_command(args);
  if (args[0] != "analyze") return usage_error("unknown command: " + args[0]);
  std::string file, format = "json", stage;
  bool pretty = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format" && i + 1 < args.size()) format = args[++i];
    else if (a == "--stage" && i + 1 < args.size()) stage = args[++i];
    else if (a == "--pretty") pretty = true;
    else if (a == "--help") { std::cout << kUsage; return 0; }
    else if (!a.empty() && a[0] == '-' && a != "-") return usage_error("unknown option: " + a);
    else if (file.empty()) file = a;
    else return usage_error("one FILE only");
  }
  if (file.empty()) return usage_error("no FILE");
  if (format != "json" && format != "md" && format != "csv") return usage_error("unknown format: " + format);
  auto bytes = reportlens::cli::read_input(file);
  if (!bytes) {
    std::cerr << "reportlens: cannot read " << file << ": " << std::strerror(errno) << "\n";
    return 2;
  }
  bool gb = reportlens::cli::convert_gb18030(*bytes);
  if (!stage.empty()) return print_stage(stage, *bytes);
  reportlens::Result r = reportlens::analyze(*bytes);
  if (gb)
    r.diagnostics.insert(r.diagnostics.begin(), {"gb18030_input", reportlens::Severity::info, "按 GB18030/GBK 解码。", std::nullopt});
  if (format == "json") std::cout << reportlens::to_json(r, pretty) << "\n";
  else if (format == "md") std::cout << reportlens::cli::markdown(r);
  else std::cout << reportlens::cli::csv(r);
  for (const auto& d : r.diagnostics)
    if (d.severity == reportlens::Severity::error) return 1;
  return 0;
}
