// The walk of a Result in the contract's key order (../shared/spec/output.md),
// written once for both of its sinks: the JSON text (json.cpp) and the tape
// from which the WebAssembly API builds the same objects without JSON text
// (tape.cpp). A sink W has begin_object() end_object() begin_array()
// end_array(), key(const char (&)[N]) and key(std::string_view), value() of
// std::string, int, uint32_t, int64_t and double, null(),
// span(Span), and term(std::string_view): a string value from a closed
// vocabulary (a unit, a kind, a category id, a marker, a severity …), which
// results repeat, so that a sink may keep each once.
#pragma once
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parts.h"
#include "report.h"
#include "types.h"

namespace reportlens {

// How a double is written, which every sink follows: not finite, null; an
// integral value below 9e15, an integer (so -0 is 0); anything else a number
// in its shortest round-trip form.
enum class NumberForm { null, integer, decimal };
inline NumberForm number_form(double v) {
  if (!std::isfinite(v)) return NumberForm::null;
  if (std::fabs(v) < 9e15 && v == std::floor(v)) return NumberForm::integer;
  return NumberForm::decimal;
}

namespace walk {

// key + value
template <class W, size_t N>
void field(W& w, const char (&k)[N], const std::string& v) { w.key(k); w.value(v); }
template <class W, size_t N>
void field_or_null(W& w, const char (&k)[N], const std::optional<std::string>& v) { w.key(k); v ? w.value(*v) : w.null(); }
template <class W, size_t N>
void field_or_null(W& w, const char (&k)[N], const std::string& v) { w.key(k); v.empty() ? w.null() : w.value(v); }
// key + term
template <class W, size_t N>
void term_field(W& w, const char (&k)[N], std::string_view v) { w.key(k); w.term(v); }
template <class W, size_t N>
void term_field_or_null(W& w, const char (&k)[N], std::string_view v) { w.key(k); v.empty() ? w.null() : w.term(v); }

inline const char* severity(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "info";
}

// The section tree from Result::sections' parent links, by a counting sort on
// the parent: the children of section i (or the level-1 sections, for i = -1)
// are of(i), in document order, and rank(i) is i's place among its parent's
// children. Three allocations, whatever the number of sections.
class SectionTree {
 public:
  explicit SectionTree(const std::vector<Section>& sections)
      : begin_(sections.size() + 3, 0), order_(sections.size()), rank_(sections.size()) {
    // counting a parent's children in document order gives each its rank
    for (size_t i = 0; i < sections.size(); ++i) rank_[i] = static_cast<int>(begin_[slot(sections[i].parent) + 2]++);
    for (size_t k = 2; k < begin_.size(); ++k) begin_[k] += begin_[k - 1];
    // begin_[slot + 1] is now where that parent's children start; filling moves
    // it to where they end, which is where the next parent's start.
    for (size_t i = 0; i < sections.size(); ++i) order_[begin_[slot(sections[i].parent) + 1]++] = i;
  }
  struct Indices {
    const size_t* first;
    const size_t* last;
    const size_t* begin() const { return first; }
    const size_t* end() const { return last; }
  };
  Indices of(int parent) const {
    size_t k = slot(parent);
    return {order_.data() + begin_[k], order_.data() + begin_[k + 1]};
  }
  int rank(size_t i) const { return rank_[i]; }

 private:
  std::vector<size_t> begin_, order_;
  std::vector<int> rank_;
  static size_t slot(int parent) { return static_cast<size_t>(parent + 1); }
};

template <class W>
void write_section(W& w, const Result& r, const SectionTree& tree, size_t i) {
  const Section& s = r.sections[i];
  w.begin_object();
  w.key("level"); w.value(s.level);
  term_field(w, "marker", s.marker);
  field(w, "title", s.title);
  w.key("part"); s.part ? w.term(part_id(*s.part)) : w.null();
  w.key("span"); w.span(s.span);
  w.key("title_span"); w.span(s.title_span);
  w.key("marker_span"); w.span(s.marker_span);
  if (s.part) term_field(w, "part_reason", s.part_reason);
  w.key("points");
  w.begin_array();
  for (const Point& p : s.points) {
    w.begin_object();
    term_field(w, "marker", p.marker);
    field(w, "title", p.title);
    w.key("span"); w.span(p.span);
    w.end_object();
  }
  w.end_array();
  w.key("children");
  w.begin_array();
  for (size_t c : tree.of(static_cast<int>(i))) write_section(w, r, tree, c);
  w.end_array();
  w.end_object();
}

// The path of section i (none for -1, the preamble): its rank and its
// parents' ranks, the root's first, as an indicator's "section" gives it.
template <class W>
void write_path(W& w, const Result& r, const SectionTree& tree, int i) {
  if (i < 0) return;
  write_path(w, r, tree, r.sections[static_cast<size_t>(i)].parent);   // a parent comes before its children
  w.value(tree.rank(static_cast<size_t>(i)));
}

}  // namespace walk

// Writes r into the sink w.
template <class W>
void write_result(W& w, const Result& r) {
  w.begin_object();
  walk::term_field(w, "schema", "reportlens/1");
  walk::term_field(w, "version", version());
  const Meta& m = r.meta;
  w.key("meta");
  w.begin_object();
  walk::field_or_null(w, "title", m.title);
  walk::field_or_null(w, "agency", m.agency);
  walk::field_or_null(w, "region", m.region);
  w.key("report_year"); m.report_year ? w.value(*m.report_year) : w.null();
  walk::field_or_null(w, "published", m.published);
  walk::field_or_null(w, "doc_number", m.doc_number);
  walk::field_or_null(w, "signer", m.signer);
  walk::field_or_null(w, "agency_canonical", m.agency_canonical);
  walk::field_or_null(w, "published_source", m.published_source);
  w.key("title_span"); m.title_span ? w.span(*m.title_span) : w.null();
  w.key("published_span"); m.published_span ? w.span(*m.published_span) : w.null();
  w.end_object();

  w.key("sections");
  w.begin_array();
  const walk::SectionTree tree(r.sections);
  for (size_t i : tree.of(-1)) walk::write_section(w, r, tree, i);
  w.end_array();

  w.key("indicators");
  w.begin_array();
  for (const Indicator& x : r.indicators) {
    w.begin_object();
    walk::field(w, "text", x.text);
    w.key("span"); w.span(x.span);
    w.key("value"); w.value(x.value);
    walk::term_field(w, "unit", x.unit);
    walk::term_field_or_null(w, "approx", x.approx);
    walk::term_field_or_null(w, "bound", x.bound);
    walk::term_field(w, "kind", x.kind);
    walk::field(w, "label", x.label);
    walk::term_field_or_null(w, "category", x.category);
    w.key("section");
    w.begin_array();
    walk::write_path(w, r, tree, x.section);
    w.end_array();
    if (!x.role.empty()) walk::term_field(w, "role", x.role);
    w.end_object();
  }
  w.end_array();

  w.key("zero_claims");
  w.begin_array();
  for (const ZeroClaim& z : r.zero_claims) {
    w.begin_object();
    walk::field(w, "text", z.text);
    walk::field(w, "subject", z.subject);
    w.key("span"); w.span(z.span);
    w.end_object();
  }
  w.end_array();

  w.key("missing_parts");
  w.begin_array();
  for (Part p : r.missing_parts) w.term(part_id(p));
  w.end_array();

  w.key("findings");
  w.begin_array();
  for (const Finding& f : r.findings) {
    w.begin_object();
    walk::term_field(w, "id", f.id);
    walk::term_field(w, "severity", walk::severity(f.severity));
    walk::field(w, "message", f.message);
    w.key("spans");
    w.begin_array();
    for (const Span& s : f.spans) w.span(s);
    w.end_array();
    w.key("data");
    w.begin_object();
    for (const FindingValue& v : f.data) {
      w.key(std::string_view(v.key));
      if (v.number) w.value(*v.number);
      else if (v.text) w.value(*v.text);
      else w.null();
    }
    w.end_object();
    w.end_object();
  }
  w.end_array();

  w.key("stats");
  w.begin_object();
  w.key("input_chars"); w.value(r.stats.input_chars);
  w.key("text_chars"); w.value(r.stats.text_chars);
  w.key("han_chars"); w.value(r.stats.han_chars);
  w.key("blocks"); w.value(r.stats.blocks);
  w.end_object();

  w.key("diagnostics");
  w.begin_array();
  for (const Diagnostic& d : r.diagnostics) {
    w.begin_object();
    walk::term_field(w, "code", d.code);
    walk::term_field(w, "severity", walk::severity(d.severity));
    walk::field(w, "message", d.message);
    w.key("span"); d.span ? w.span(*d.span) : w.null();
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace reportlens
