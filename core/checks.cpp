// Stage 8b, checks (see checks.h).
#include "checks.h"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <string>
#include <unordered_map>

#include "data.h"
#include "parts.h"
#include "phrase_index.h"
#include "text.h"

namespace reportlens {
namespace {

FindingValue num(const std::string& k, double v) { return {k, v, std::nullopt}; }
FindingValue txt(const std::string& k, const std::string& v) { return {k, std::nullopt, v}; }

std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

int root_of(const std::vector<Section>& s, int i) {
  while (i >= 0 && s[i].parent >= 0) i = s[i].parent;
  return i;
}

// Cleaned-text index range of an input code-point span (t.from is sorted).
std::pair<size_t, size_t> cleaned_range(const NormText& t, Span span) {
  size_t b = static_cast<size_t>(std::lower_bound(t.from.begin(), t.from.end(), span.begin) - t.from.begin());
  size_t e = static_cast<size_t>(std::lower_bound(t.from.begin(), t.from.end(), span.end) - t.from.begin());
  return {b, std::max(b, e)};
}

// Han characters inside an input span (level-1 sections: each is counted once or twice).
size_t han_in(const NormText& t, Span span) {
  auto [b, e] = cleaned_range(t, span);
  size_t n = 0;
  for (size_t i = b; i < e; ++i) n += is_han(t.chars[i]);
  return n;
}

}  // namespace

std::vector<Finding> run_checks(const Result& r, const Segmented& seg) {
  std::vector<Finding> out;
  const NormText& t = seg.text;
  static const auto words = data_sections("checks.txt");

  // 1. Statutory parts
  for (Part p : r.missing_parts)
    out.push_back({"part_missing", Severity::warning, std::string("缺少法定部分：") + part_name(p) + "。",
                   {}, {txt("part", part_id(p))}});
  if (r.missing_parts.empty() && !r.sections.empty()) {
    Finding f{"parts_complete", Severity::info, "法定的四个必备部分（举措成效、不足原因、第一责任人履职、下一年度安排）齐全。", {}, {}};
    for (const Section& s : r.sections)
      if (s.level == 1 && s.part && *s.part != Part::other) f.spans.push_back(s.title_span);
    out.push_back(f);
  }

  // 2. Timeliness
  const Meta& m = r.meta;
  if (m.report_year && m.published) {
    std::string deadline = std::to_string(*m.report_year + 1) + "-04-01";
    bool late = *m.published >= deadline;
    std::string source = m.published_source == "label" ? "网页标注的发布时间"
                         : m.published_source == "issued" ? "印发日期（不一定是公开日期）"
                                                          : "落款日期（不一定是公开日期）";
    Finding f{late ? "late" : "on_time", late ? Severity::warning : Severity::info,
              late ? "发布日期 " + *m.published + " 晚于 " + deadline + "：按《法治政府建设与责任落实督察工作规定》，年度报告应于每年4月1日前向社会公开（依据：" + source + "）。"
                   : "发布日期 " + *m.published + " 早于 " + deadline + " 的公开期限（依据：" + source + "）。",
              {}, {txt("published", *m.published), txt("deadline", deadline), txt("source", m.published_source)}};
    if (m.published_span) f.spans.push_back(*m.published_span);
    out.push_back(f);
  } else {
    out.push_back({"timeliness_unknown", Severity::info,
                   m.published ? "无法判断是否按时公开：未识别出报告年度。" : "无法判断是否按时公开：文中没有发布或落款日期。", {}, {}});
  }

  // 3. Indicator density per part (per 1,000 Han characters)
  {
    double han_total = static_cast<double>(r.stats.han_chars);
    Finding f{"indicator_density", Severity::info, "", {}, {}};
    f.data.push_back(num("indicators", static_cast<double>(r.indicators.size())));
    f.data.push_back(num("han_chars", han_total));
    double density = han_total > 0 ? 1000.0 * static_cast<double>(r.indicators.size()) / han_total : 0;
    f.data.push_back(num("per_1000", std::round(density * 10) / 10));
    for (Part p : {Part::measures, Part::shortcomings, Part::leadership, Part::plans, Part::other}) {
      size_t chars = 0, count = 0;
      for (size_t i = 0; i < r.sections.size(); ++i)
        if (r.sections[i].level == 1 && r.sections[i].part == p) chars += han_in(t, r.sections[i].span);
      for (const Indicator& x : r.indicators) {
        int root = root_of(r.sections, x.section);
        if (root >= 0 && r.sections[root].part == p) ++count;
      }
      std::string id = part_id(p);
      f.data.push_back(num(id + "_han_chars", static_cast<double>(chars)));
      f.data.push_back(num(id + "_indicators", static_cast<double>(count)));
      f.data.push_back(num(id + "_per_1000", chars ? std::round(10000.0 * count / chars) / 10 : 0));
    }
    f.message = "共 " + std::to_string(r.indicators.size()) + " 项量化指标，每千字 " + fixed(density, 1) + " 项。";
    if (density < 3 && han_total > 500) {
      f.severity = Severity::warning;
      f.message += "数据偏少：评估者常批评报告“运用事例少”。";
    }
    out.push_back(f);
  }

  // 4. Shortcomings: share, points, causes, figures
  for (size_t i = 0; i < r.sections.size(); ++i) {
    const Section& s = r.sections[i];
    if (s.level != 1 || s.part != Part::shortcomings) continue;
    auto [bb, be] = cleaned_range(t, s.span);
    std::u32string body = t.chars.substr(bb, be - bb);
    size_t causes = 0;
    for (const auto& w : words.at("cause_markers"))
      for (size_t at = body.find(w); at != std::u32string::npos; at = body.find(w, at + 1)) ++causes;
    // the heading's own 原因 is not a stated cause
    for (const auto& w : words.at("cause_markers"))
      if (contains(from_utf8(s.title), w) && causes) --causes;
    size_t figures = 0;
    for (const Indicator& x : r.indicators) if (root_of(r.sections, x.section) == static_cast<int>(i)) ++figures;
    size_t points = s.points.size();
    for (const Section& c : r.sections) if (c.parent == static_cast<int>(i)) ++points;
    double share = r.stats.han_chars ? 100.0 * han_in(t, s.span) / r.stats.han_chars : 0;
    std::vector<FindingValue> data = {num("points", static_cast<double>(points)), num("causes", static_cast<double>(causes)),
                                      num("figures", static_cast<double>(figures)), num("share_percent", std::round(share * 10) / 10)};
    out.push_back({causes ? "causes_stated" : "no_causes", causes ? Severity::info : Severity::warning,
                   causes ? "“存在的不足和原因”部分说明了原因（" + std::to_string(causes) + " 处原因表述）。"
                          : "“存在的不足和原因”部分只列问题，没有说明原因（未见“原因、由于、导致”等表述）。",
                   {s.title_span}, data});
    if (!figures)
      out.push_back({"shortcomings_no_figures", Severity::info, "“不足”部分没有任何数据，问题描述较笼统。", {s.title_span}, data});
    if (share < 10)
      out.push_back({"shortcomings_brief", Severity::info, "“不足”部分只占全文的 " + fixed(share, 1) + "%，篇幅偏短。", {s.title_span}, data});
  }

  // 5. Statements of zero
  for (const ZeroClaim& z : r.zero_claims)
    out.push_back({"zero_claim", Severity::info, "零数据表述：" + z.text, {z.span}, {txt("subject", z.subject)}});

  // 6. Boilerplate share: sentences made almost only of stock phrases
  {
    static const auto phrases = [] {
      PhraseIndex<> index;
      for (auto& row : data_rows("boilerplate.txt")) index.add(row[0]);
      return index;
    }();
    size_t sentences = 0, stock = 0;
    Finding f{"boilerplate", Severity::info, "", {}, {}};
    const char32_t* chars = t.chars.data();
    for (const Block& b : seg.blocks) {
      size_t start = b.begin, han = 0;   // the sentence so far and its Han chars
      for (size_t i = b.begin; i <= b.end; ++i) {
        if (i < b.end && chars[i] != U'。' && chars[i] != U'；' && chars[i] != U'！') {
          han += is_han(chars[i]);
          continue;
        }
        if (han >= 8) {
          ++sentences;
          // one pass: phrases that start at or before k have been matched when
          // k is counted, so k is covered when it lies before the furthest end
          size_t reach = start, hit = 0;
          for (size_t k = start; k < i; ++k) {
            if (auto* list = phrases.starting_with(chars[k]))
              for (const auto& phrase : *list) {
                size_t end = k + phrase.first.size();
                if (end > reach && matches_at(t.chars, k, i, phrase.first)) reach = end;
              }
            hit += k < reach && is_han(chars[k]);
          }
          if (hit * 10 >= han * 6) {
            ++stock;
            if (f.spans.size() < 50) f.spans.push_back(t.input_span(start, i));
          }
        }
        start = i + 1;
        han = 0;
      }
    }
    double share = sentences ? 100.0 * stock / sentences : 0;
    f.data = {num("sentences", static_cast<double>(sentences)), num("boilerplate_sentences", static_cast<double>(stock)),
              num("share_percent", std::round(share * 10) / 10)};
    f.message = "套话句占 " + fixed(share, 1) + "%（" + std::to_string(stock) + "/" + std::to_string(sentences) + " 句几乎只由常见套话组成）。";
    if (share >= 30) f.severity = Severity::warning;
    out.push_back(f);
  }

  // 7. A different report pasted by mistake
  {
    if (count_present(t.chars, words.at("wrong_type")) >= 2)
      out.push_back({"wrong_report_type", Severity::warning,
                     "这看起来是《政府信息公开工作年度报告》，不是法治政府建设年度报告；结构与指标检查可能不适用。", {}, {}});
  }
  return out;
}

}  // namespace reportlens
