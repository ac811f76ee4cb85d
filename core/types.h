// Plain value types shared by every stage and by the JSON writer.
// Stages work in code-point offsets of the decoded input; analyze() maps every
// span of the finished Result to UTF-16 offsets of the input once, at the end.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace reportlens {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
};

enum class Severity { info, warning, error };

struct Diagnostic {
  std::string code;      // stable id: invalid_utf8, binary_input, noise_removed …
  Severity severity = Severity::info;
  std::string message;   // Chinese, for the page
  std::optional<Span> span;
};

// The five statutory parts (督察工作规定 第二十三条 [recalled]).
enum class Part { measures, shortcomings, leadership, plans, other };

struct Point {           // 一是… 二是… 第一，… inside a section
  std::string marker;
  std::string title;
  Span span;             // from the marker to the end of the point's sentence run
};

struct Section {         // a heading and everything under it, flat with parent links
  int level = 1;
  int parent = -1;       // index into Result::sections, -1 for level 1
  std::string style;     // numbering style id from heading_forms.txt
  int ordinal = 0;       // 1 for 一、 / (1) / ①
  std::string marker;    // normalised: 一、 (一) 1. (1) ① ⑴
  std::string title;
  std::optional<Part> part;   // level 1 only
  std::string part_reason;    // "title" or "context"
  Span span;             // heading to the end of the section
  Span marker_span;
  Span title_span;
  std::vector<Point> points;
};

struct Meta {
  std::optional<std::string> title, agency, agency_canonical, region, published, doc_number, signer;
  std::optional<int> report_year;
  std::string published_source;  // label | signature | issued | collapsed
  std::optional<Span> title_span, published_span, doc_number_span;
};

struct Indicator {
  std::string text;
  Span span;
  double value = 0;
  std::string unit;       // base unit: 元 % 次 件 户 人次 工作日 位 百分点 …
  std::string approx;     // as written: 余 多 超 近 约 以上 不少于 …; empty = none
  std::string bound;      // min | max | approx | empty
  std::string kind;       // count money percent rank change share ratio duration range_low range_high …
  std::string label;
  std::string category;   // taxonomy id, empty = none
  int section = -1;       // flat index of the innermost section, -1 = preamble (its path is written from the sections)
  std::string role;       // "from" / "to" in 由A减至B pairs; empty otherwise
};

struct ZeroClaim {        // 全年未发生行政诉讼案件: a finding, not an indicator
  std::string text;
  std::string subject;
  Span span;
  int section = -1;
};

struct FindingValue {
  std::string key;
  std::optional<double> number;
  std::optional<std::string> text;
};

struct Finding {
  std::string id;
  Severity severity = Severity::info;
  std::string message;
  std::vector<Span> spans;
  std::vector<FindingValue> data;
};

struct Stats {
  uint32_t input_chars = 0;       // code points after decoding
  uint32_t text_chars = 0;        // after cleaning
  uint32_t han_chars = 0;
  uint32_t blocks = 0;
};

struct Result {
  Meta meta;
  std::vector<Section> sections;   // document order, flat; tree via parent
  std::vector<Indicator> indicators;
  std::vector<ZeroClaim> zero_claims;
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;
  std::vector<Part> missing_parts;
  Stats stats;
};

}  // namespace reportlens
