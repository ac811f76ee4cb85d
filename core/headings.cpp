// Stage 4, headings (see headings.h).
#include "headings.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "data.h"
#include "markers.h"
#include "phrase_index.h"

namespace reportlens {
namespace {

constexpr size_t kMaxTitle = 100;   // a run-on title with no end in sight is cut here

struct Open {
  std::string_view style;   // the heading_forms.txt id
  int ordinal;
  int section;   // index into sections
};

bool is_title_end(char32_t c) {
  if (c > U'。' && c < U'！') return false;   // the Han chars, most of a title, lie between the two
  return c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'：' ||
         c == U':' || c == U'\n';
}

// End of the title that starts at b in block [b, e).
size_t title_end(const NormText& t, size_t b, size_t e) {
  static const PhraseIndex<> cues = [] {
    PhraseIndex<> index;
    const auto sections = data_sections("title_ends.txt");
    for (const auto& cue : sections.at("body_cues")) index.add(cue);
    return index;
  }();
  size_t k = b;
  while (k < e && !is_title_end(t.chars[k]) && !(k > b + 1 && (t.flags[k] & kBoldEdge))) {
    if (k > b + 1 && is_cn_digit(t.chars[k])) {   // 一是…: the body's first point begins
      auto point = match_point_marker(t.chars, k);
      if (point && point->ordinal == 1) break;
    }
    ++k;
  }
  // no end before the paragraph's: the title stops where the body plainly begins
  auto body_start = [&]() -> size_t {
    for (size_t c = cues.next_opening(t.chars, b + 6, k); c < k; c = cues.next_opening(t.chars, c + 1, k))
      if (cues.match_at(t.chars, c, t.size())) return c;
    return k;
  };
  if (k == e && k - b > 30) k = body_start();
  if (k - b > kMaxTitle) k = b + kMaxTitle;
  while (k > b && (t.chars[k - 1] == U' ' || t.chars[k - 1] == U'，' || t.chars[k - 1] == U',' || t.chars[k - 1] == U'、')) --k;
  return k;
}

// A point (一是…) may start after these chars, at a block start or after a bold close.
bool is_point_lead(char32_t p) {
  if (p > U'。' && p < U'，') return false;   // the Han chars, most of the text, lie between the two
  return p == U'。' || p == U'；' || p == U';' || p == U'：' || p == U':' || p == U' ' || p == U'，' || p == U',';
}

// Where the scan of a block looks for a marker: a char that may open one
// (marker_starts) right after a point lead or at a bold edge. A byte per
// BMP char (64 KB): kMayOpen, kLead.
enum ScanClass : uint8_t { kMayOpen = 1, kLead = 2 };
const std::vector<uint8_t>& scan_classes() {
  static const std::vector<uint8_t> classes = bmp_classes([&starts = marker_starts()](char32_t c) {
    return (starts.has(c) ? kMayOpen : 0) | (is_point_lead(c) ? kLead : 0);
  });
  return classes;
}

// The first index in [i, end) (i > 0) where a marker may start: a char that
// may open one, after a point lead or at a bold edge; end if none. One test
// a char, taken only there (a scan that stopped at every char that may open
// a marker, most digits, mispredicted at each).
size_t next_marker_place(const std::vector<uint8_t>& classes, std::u32string_view chars, const uint8_t* flags,
                         size_t i, size_t end) {
  static_assert(kBoldEdge == 1 && kMayOpen == 1, "the test below ands the two bits");
  const uint8_t* cls = classes.data();
  auto class_of = [&](char32_t c) -> uint32_t { return c < 0x10000 ? cls[c] : 0; };
  uint32_t before = class_of(chars[i - 1]);
  for (; i < end; ++i) {
    const uint32_t here = class_of(chars[i]);
    if (here & ((before >> 1) | flags[i])) break;
    before = here;
  }
  return i;
}

}  // namespace

std::vector<Section> find_headings(const Segmented& seg, const std::u32string& input, std::vector<Diagnostic>& diags) {
  const NormText& t = seg.text;
  std::vector<Section> sections;
  sections.reserve(seg.blocks.size());   // reports have about one heading per two blocks
  std::vector<Open> stack;
  size_t gaps = 0;

  // Accepts a marker at pos if its number continues a sequence; returns its level or 0.
  auto accept = [&](const Marker& m, bool mid_line) -> int {
    for (size_t d = 0; d < stack.size(); ++d) {
      if (stack[d].style != m.style) continue;
      int step = m.ordinal - stack[d].ordinal;
      if (step == 1 || (!mid_line && step == 2)) {
        if (step == 2) ++gaps;
        stack.resize(d);
        return static_cast<int>(d) + 1;
      }
      return 0;
    }
    if (m.ordinal != 1 || mid_line) return 0;
    return static_cast<int>(stack.size()) + 1;
  };

  auto add = [&](const Marker& m, int level, size_t pos, size_t block_end) {
    size_t tb = pos + m.length;
    size_t te = title_end(t, tb, block_end);
    int parent = stack.empty() ? -1 : stack.back().section;
    stack.push_back({m.style, m.ordinal, static_cast<int>(sections.size())});
    Section& s = sections.emplace_back();
    s.level = level;
    s.parent = parent;
    s.style = m.style;
    s.ordinal = m.ordinal;
    s.marker = m.canonical();
    s.marker_span = t.input_span(pos, pos + m.length);
    s.title_span = t.input_span(tb, te);
    s.title = printed(t, input, tb, te);
    s.span = t.input_span(pos, block_end);
  };

  // One pass over each block: its headings, and the places a point may start
  // (kept until the section spans are known; they are also where a point's
  // successor is looked for).
  struct PointCandidate {
    size_t pos;
    const Block* block;
  };
  std::vector<PointCandidate> point_candidates;
  point_candidates.reserve(seg.blocks.size());   // reports have about one per block
  const BmpSet& openers = point_openers();
  const std::vector<uint8_t>& classes = scan_classes();
  const std::u32string_view chars = t.chars;
  const uint8_t* flags = t.flags.data();
  for (const Block& blk : seg.blocks) {
    size_t pos = blk.begin;
    if (auto m = match_heading_marker(t.chars, pos)) {
      if (int level = accept(*m, false)) add(*m, level, pos, blk.end);
    }
    if (pos < blk.end && openers.has(chars[pos])) point_candidates.push_back({pos, &blk});
    for (size_t i = next_marker_place(classes, chars, flags, blk.begin + 1, blk.end); i < blk.end;
         i = next_marker_place(classes, chars, flags, i + 1, blk.end)) {
      if (openers.has(chars[i])) point_candidates.push_back({i, &blk});
      // mid-line: after 。 or a bold close, the next number of an open style
      bool after_stop = chars[i - 1] == U'。' || (flags[i] & kBoldEdge) || chars[i - 1] == U'：';
      if (!after_stop) continue;
      auto m = match_heading_marker(t.chars, i);
      if (!m || m->style == "arabic_paren" || m->style == "circled" || m->style == "paren_num") continue;
      bool next_of_open = false;
      for (const Open& o : stack) if (o.style == m->style && m->ordinal == o.ordinal + 1) next_of_open = true;
      if (!next_of_open) continue;
      if (int level = accept(*m, true)) add(*m, level, i, blk.end);
    }
  }
  // section spans: to the start of the next heading at the same or a higher level
  uint32_t doc_end = t.size() ? t.to.back() : 0;
  std::vector<size_t> open;   // sections whose end is not yet known
  for (size_t j = 0; j <= sections.size(); ++j) {
    while (!open.empty() && (j == sections.size() || sections[j].level <= sections[open.back()].level)) {
      sections[open.back()].span.end = j == sections.size() ? doc_end : sections[j].marker_span.begin;
      open.pop_back();
    }
    if (j < sections.size()) open.push_back(j);
  }
  // points: 一是 二是 … in sequence inside their innermost section
  std::vector<int> last_point(sections.size() + 1, 0);
  const SectionFinder owners(sections);
  size_t title_done = 0;   // a point's title holds no other point: candidates resume after it
  for (size_t c = 0; c < point_candidates.size(); ++c) {
    const auto& [i, block] = point_candidates[c];
    if (i < title_done) continue;
    const Block& blk = *block;
    auto m = match_point_marker(t.chars, i);
    if (!m) continue;
    int owner = owners.at(t.from[i]);
    int& last = last_point[owner + 1];
    if (m->ordinal != last + 1 && m->ordinal != 1) continue;
    last = m->ordinal;
    if (owner < 0) continue;   // points in the preamble have no section to belong to
    size_t tb = i + m->length;
    size_t te = tb;
    while (te < blk.end && te - tb < kMaxTitle && !is_title_end(t.chars[te]) && t.chars[te] != U'，' &&
           t.chars[te] != U',' && !(te > tb && (t.flags[te] & kBoldEdge)))
      ++te;
    // the point runs to the next point of its block, past its title, or to
    // the block end
    size_t pe = blk.end;
    for (size_t n = c + 1; n < point_candidates.size() && point_candidates[n].block == block; ++n) {
      size_t at = point_candidates[n].pos;
      if (at <= te) continue;
      auto next = match_point_marker(t.chars, at);
      if (next && next->ordinal == m->ordinal + 1) { pe = at; break; }
    }
    Point p{m->canonical(), printed(t, input, tb, te), t.input_span(i, pe)};
    std::vector<Point>& points = sections[owner].points;
    if (points.empty()) points.reserve(4);   // a section lists three to five points, most often: one allocation, not three
    points.push_back(std::move(p));
    title_done = te + 1;
  }
  if (gaps) diags.push_back({"numbering_gap", Severity::warning, "标题编号有 " + std::to_string(gaps) + " 处跳号（如“一、”之后直接“三、”），已按顺序接受。", std::nullopt});
  return sections;
}

SectionFinder::SectionFinder(const std::vector<Section>& sections) : sections_(sections) {
  starts_.reserve(sections.size());
  for (const Section& s : sections) starts_.push_back(s.marker_span.begin);
}

// The last heading at or before pos (sections are in document order), then
// up its parents until one's span holds pos.
int SectionFinder::at(uint32_t pos) const {
  const uint32_t* after = partition_point_masked(starts_.data(), starts_.size(), [pos](uint32_t b) { return b <= pos; });
  int s = static_cast<int>(after - starts_.data()) - 1;
  while (s >= 0 && !(sections_[s].span.begin <= pos && pos < sections_[s].span.end)) s = sections_[s].parent;
  return s;
}

}  // namespace reportlens
