// Stage 7c, statements of zero (see zero_claims.h).
#include "zero_claims.h"

#include <algorithm>
#include <cassert>

#include "data.h"
#include "headings.h"
#include "phrase_index.h"
#include "text.h"

namespace reportlens {
namespace {

struct ZeroWords {
  PhraseIndex<> markers;
  PhraseIndex<> nouns;
  // The first chars of the markers and the text breaks ('\n' between blocks,
  // U+0000 after the text): the chars the marker scan stops at.
  BmpBytes stops;
};

const ZeroWords& zero_words() {
  static const ZeroWords w = [] {
    ZeroWords out;
    auto non = data_sections("non_indicators.txt");
    for (const auto& m : non["zero_markers"]) {
      out.markers.add(m);
      if (!m.empty()) out.stops.add(m[0]);
    }
    out.stops.add(U'\n');
    out.stops.add(0);
    for (const auto& n : non["zero_nouns"]) out.nouns.add(n);
    return out;
  }();
  return w;
}

// Whether a noun of the work is written in s[b, e).
bool names_work(const ZeroWords& words, const std::u32string& s, size_t b, size_t e) {
  for (size_t k = words.nouns.next_opening(s, b, e); k < e; k = words.nouns.next_opening(s, k + 1, e))
    if (words.nouns.match_at(s, k, e)) return true;
  return false;
}

// The first index from i on whose char may open a marker: a stop, or a char
// outside the BMP (the index tells). The text break after a block ends the
// search there; a loop that stores nothing.
size_t next_candidate(const ZeroWords& words, const char32_t* chars, size_t i) {
  const uint8_t* stops = words.stops.bytes();
  for (;; ++i) {
    const size_t c = chars[i];
    if (c >= 0x10000 || stops[c]) return i;
  }
}

}  // namespace

std::vector<ZeroClaim> find_zero_claims(const Segmented& seg, const std::vector<Section>& sections,
                                        const std::u32string& input) {
  const ZeroWords& words = zero_words();
  const NormText& t = seg.text;
  const std::u32string& s = t.chars;
  std::vector<ZeroClaim> zeros;
  const SectionFinder owners(sections);
  // each block is followed by a text break (segment writes the text so)
  for (const Block& blk : seg.blocks) {
    assert(blk.end == s.size() || s[blk.end] == U'\n');
    for (size_t i = next_candidate(words, s.data(), blk.begin); i < blk.end; i = next_candidate(words, s.data(), i + 1)) {
      const auto* marker = words.markers.match_at(s, i, s.size());
      if (!marker) continue;
      const size_t after = i + marker->first.size();
      size_t ce = after;   // the clause after the marker, 40 chars at most
      while (ce < blk.end && !is_clause_break(s[ce]) && ce - i < 40) ++ce;
      if (!names_work(words, s, after, ce)) continue;
      ZeroClaim zc;
      zc.text = printed(t, input, i, ce);
      zc.subject = t.as_written(std::u32string_view(s).substr(after, ce - after));
      zc.span = t.input_span(i, ce);
      zc.section = owners.at(zc.span.begin);
      zeros.push_back(std::move(zc));
      i = std::min(ce, blk.end - 1);   // on from ce + 1, which is at most blk.end (its text break)
    }
  }
  return zeros;
}

}  // namespace reportlens
