// Code-point spans -> UTF-16 spans (see offsets.h).
#include "offsets.h"

namespace reportlens {

void spans_to_utf16(Result& r, const Decoded& decoded) {
  auto map = [&](Span& s) {
    s.begin = decoded.utf16_offset(s.begin);
    s.end = decoded.utf16_offset(s.end);
  };
  auto map_opt = [&](std::optional<Span>& s) { if (s) map(*s); };
  map_opt(r.meta.title_span);
  map_opt(r.meta.published_span);
  map_opt(r.meta.doc_number_span);
  for (Section& s : r.sections) {
    map(s.span);
    map(s.marker_span);
    map(s.title_span);
    for (Point& p : s.points) map(p.span);
  }
  for (Indicator& i : r.indicators) map(i.span);
  for (ZeroClaim& z : r.zero_claims) map(z.span);
  for (Finding& f : r.findings) for (Span& s : f.spans) map(s);
  for (Diagnostic& d : r.diagnostics) map_opt(d.span);
}

}  // namespace reportlens
