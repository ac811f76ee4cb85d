// Markdown and CSV output of the CLI (see cli_format.h).
#include "cli_format.h"

#include <cstdio>
#include <sstream>

#include "csv.h"
#include "parts.h"

namespace reportlens::cli {
namespace {


std::string section_name(const Result& r, int i) {
  if (i < 0) return "";
  return r.sections[i].marker + r.sections[i].title;
}

}  // namespace

std::string markdown(const Result& r) {
  std::ostringstream o;
  const Meta& m = r.meta;
  o << "# " << (m.title ? *m.title : "（未识别标题）") << "\n\n";
  o << "| 项目 | 内容 |\n|---|---|\n";
  o << "| 单位 | " << m.agency.value_or("—") << " |\n";
  o << "| 地区 | " << m.region.value_or("—") << " |\n";
  o << "| 报告年度 | " << (m.report_year ? std::to_string(*m.report_year) : "—") << " |\n";
  o << "| 发布日期 | " << m.published.value_or("—") << " |\n";
  o << "| 发文字号 | " << m.doc_number.value_or("—") << " |\n\n";
  o << "## 结构\n\n";
  for (const Section& s : r.sections) {
    o << std::string(2 * (s.level - 1), ' ') << "- " << s.marker << s.title;
    if (s.part) o << " 〔" << part_name(*s.part) << "〕";
    o << "\n";
  }
  o << "\n法定五部分：";
  for (Part p : {Part::measures, Part::shortcomings, Part::leadership, Part::plans}) {
    bool missing = false;
    for (Part q : r.missing_parts) missing |= q == p;
    o << (missing ? "✗" : "✓") << part_name(p) << "  ";
  }
  o << "\n\n## 指标（" << r.indicators.size() << " 项）\n\n| 原文 | 数值 | 单位 | 约数 | 类型 | 指标 | 类别 | 所在章节 |\n|---|---|---|---|---|---|---|---|\n";
  for (const Indicator& x : r.indicators)
    o << "| " << x.text << " | " << csv_number(x.value) << " | " << x.unit << " | " << x.approx << " | " << x.kind << " | "
      << x.label << " | " << x.category << " | " << section_name(r, x.section) << " |\n";
  if (!r.findings.empty()) {
    o << "\n## 发现\n\n";
    for (const Finding& f : r.findings) o << "- [" << f.id << "] " << f.message << "\n";
  }
  if (!r.diagnostics.empty()) {
    o << "\n## 读取说明\n\n";
    for (const Diagnostic& d : r.diagnostics) o << "- " << d.code << "：" << d.message << "\n";
  }
  return o.str();
}

std::string csv(const Result& r) { return indicators_csv(r); }

}  // namespace reportlens::cli
