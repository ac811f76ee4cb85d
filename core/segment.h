// Stage 3, segment: cleaned text -> paragraphs (blocks). Drops site chrome
// lines (noise.txt), page numbers and repeated watermark lines, and rejoins a
// paragraph that a page break split (one that stops mid-sentence, followed by
// one that does not open with a marker). Dropped lines are kept aside for
// metadata (a 发布时间 line is chrome to the reader but a date to meta).
#pragma once
#include <vector>

#include "text.h"

namespace reportlens {

struct Block {
  size_t begin = 0;   // [begin, end) in Segmented::text, spaces trimmed
  size_t end = 0;
};

// The blocks, in text order, hold no '\n', and each is followed by one '\n'
// or ends the text (std::u32string's terminating U+0000 follows): the checks'
// and zero claims' per-char scans stop there without an end test.
struct Segmented {
  NormText text;                 // cleaned: chrome lines out, page breaks joined
  std::vector<Block> blocks;
  std::vector<NormText> chrome;  // the dropped chrome lines, each as cleaned text
};

// Takes the normalized text and cleans it in place (no second copy of a
// document-sized text).
Segmented segment(NormText in, std::vector<Diagnostic>& diags);

}  // namespace reportlens
