// Stage 7c, statements of zero (see zero_claims.h).
#include "zero_claims.h"

#include "data.h"
#include "headings.h"
#include "phrase_index.h"
#include "text.h"

namespace reportlens {
namespace {

struct ZeroWords {
  PhraseIndex<> markers;
  std::vector<std::u32string> nouns;
};

const ZeroWords& zero_words() {
  static const ZeroWords w = [] {
    ZeroWords out;
    auto non = data_sections("non_indicators.txt");
    for (const auto& m : non["zero_markers"]) out.markers.add(m);
    out.nouns = non["zero_nouns"];
    return out;
  }();
  return w;
}

}  // namespace

std::vector<ZeroClaim> find_zero_claims(const Segmented& seg, const std::vector<Section>& sections,
                                        const std::u32string& input) {
  const ZeroWords& words = zero_words();
  const NormText& t = seg.text;
  const std::u32string& s = t.chars;
  std::vector<ZeroClaim> zeros;
  for (const Block& blk : seg.blocks) {
    for (size_t i = blk.begin; i < blk.end; ++i) {
      auto* list = words.markers.starting_with(s[i]);
      if (!list) continue;
      for (const auto& marker : *list) {
        const std::u32string& m = marker.first;
        if (!starts_with_at(s, i, m)) continue;
        size_t ce = i + m.size();   // the clause after the marker, 40 chars at most
        while (ce < blk.end && !is_clause_break(s[ce]) && ce - i < 40) ++ce;
        std::u32string rest = s.substr(i + m.size(), ce - i - m.size());
        bool noun = false;
        for (const auto& z : words.nouns) noun |= contains(rest, z);
        if (!noun) break;
        ZeroClaim zc;
        zc.text = printed(t, input, i, ce);
        zc.subject = t.as_written(rest);
        zc.span = t.input_span(i, ce);
        zc.section = innermost_section(sections, zc.span.begin);
        zeros.push_back(std::move(zc));
        i = ce;
        break;
      }
    }
  }
  return zeros;
}

}  // namespace reportlens
