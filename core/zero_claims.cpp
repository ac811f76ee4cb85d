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
  PhraseIndex<> nouns;
};

const ZeroWords& zero_words() {
  static const ZeroWords w = [] {
    ZeroWords out;
    auto non = data_sections("non_indicators.txt");
    for (const auto& m : non["zero_markers"]) out.markers.add(m);
    for (const auto& n : non["zero_nouns"]) out.nouns.add(n);
    return out;
  }();
  return w;
}

// Whether a noun of the work is written in s[b, e).
bool names_work(const ZeroWords& words, const std::u32string& s, size_t b, size_t e) {
  for (size_t k = words.nouns.next_opening(s, b, e); k < e; k = words.nouns.next_opening(s, k + 1, e))
    for (const auto& noun : *words.nouns.starting_with(s[k]))
      if (matches_at(s, k, e, noun.first)) return true;
  return false;
}

}  // namespace

std::vector<ZeroClaim> find_zero_claims(const Segmented& seg, const std::vector<Section>& sections,
                                        const std::u32string& input) {
  const ZeroWords& words = zero_words();
  const NormText& t = seg.text;
  const std::u32string& s = t.chars;
  std::vector<ZeroClaim> zeros;
  for (const Block& blk : seg.blocks) {
    for (size_t i = words.markers.next_opening(s, blk.begin, blk.end); i < blk.end;
         i = words.markers.next_opening(s, i + 1, blk.end)) {
      for (const auto& marker : *words.markers.starting_with(s[i])) {
        const std::u32string& m = marker.first;
        if (!starts_with_at(s, i, m)) continue;
        size_t ce = i + m.size();   // the clause after the marker, 40 chars at most
        while (ce < blk.end && !is_clause_break(s[ce]) && ce - i < 40) ++ce;
        if (!names_work(words, s, i + m.size(), ce)) break;
        ZeroClaim zc;
        zc.text = printed(t, input, i, ce);
        zc.subject = t.as_written(std::u32string_view(s).substr(i + m.size(), ce - i - m.size()));
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
