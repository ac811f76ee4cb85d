// Stage 8b, checks (see checks.h).
#include "checks.h"

#include <cassert>
#include <cmath>
#include <cstdio>
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

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

// What the sentence scan asks of every char, answered by one table lookup.
enum CharKind : uint8_t {
  kHanChar = 1,
  kOpensLong = 2,     // the first char of a phrase of three chars or more
  kOpensPair = 4,     // the first char of a phrase of two chars
  kSentenceEnd = 8,
  kPhraseChar = 16,   // a phrase of one char
  kTextBreak = 32,    // '\n' between blocks, U+0000 after the text
  kStops = kSentenceEnd | kPhraseChar | kTextBreak,   // the chars the scan always stops at
};

// A stock phrase with the Han chars of each of its tails: a match that
// earlier matches partly covered counts only the chars past them.
struct StockPhrase {
  std::u32string text;
  std::vector<uint8_t> han_from;   // han_from[j]: Han chars in text[j..]
};

// The phrases (of both vocabularies) that start with the same chars: their
// first three, or all of a phrase of one or two (`known` chars, the rest of
// the key 0). The stock phrases longest first (a match stops the search), the
// headings of a 政府信息公开 report with their row.
struct PhraseList {
  char32_t key[3] = {0, 0, 0};
  size_t known = 0;
  std::vector<StockPhrase> stock;
  std::vector<std::pair<std::u32string, size_t>> wrong_type;

  void add_stock(const std::u32string& phrase) {
    StockPhrase p{phrase, std::vector<uint8_t>(phrase.size() + 1, 0)};
    for (size_t j = phrase.size(); j-- > 0;) p.han_from[j] = static_cast<uint8_t>(p.han_from[j + 1] + is_han(phrase[j]));
    auto longer = [](const StockPhrase& a, const StockPhrase& b) { return a.text.size() > b.text.size(); };
    stock.insert(std::upper_bound(stock.begin(), stock.end(), p, longer), std::move(p));
  }
  // Whether phrase, one of the list, is written at text[i, e) (its first
  // `known` chars are, where the list was found).
  bool matches(std::u32string_view text, size_t i, size_t e, std::u32string_view phrase) const {
    return matches_at(text, i + known, e, phrase.substr(known));
  }
};

// The phrase lists by their key, in a table of slots by a hash of the key
// (open addressing: a key whose slot is taken takes the next free one), kept
// at most half full so that every search meets a free slot.
class ScanPhrases {
 public:
  // The list a phrase belongs in.
  PhraseList& of(const std::u32string& phrase) {
    PhraseList key;
    key.known = std::min<size_t>(phrase.size(), 3);
    std::copy_n(phrase.begin(), key.known, key.key);
    uint32_t s = slot(key.key[0], key.key[1], key.key[2]);
    for (; slots_[s]; s = next(s)) {
      PhraseList& list = lists_[slots_[s] - 1];
      if (std::equal(list.key, list.key + 3, key.key)) return list;
    }
    if (key.known >= 2) pairs_.add(key.key[0], key.key[1]);
    lists_.push_back(key);
    if (2 * lists_.size() > slots_.size()) {
      rehash(2 * slots_.size());
    } else {
      slots_[s] = static_cast<uint32_t>(lists_.size());   // 1-based: 0 is "none"
    }
    return lists_.back();
  }

  // Whether a phrase of two chars or more may start with a, b: false for
  // most pairs, in one lookup.
  bool may_open(char32_t a, char32_t b) const { return pairs_.may_open(a, b); }
  // Whether a list may have the key a, b, c: false for most keys, in one lookup.
  bool may_start(char32_t a, char32_t b, char32_t c) const { return slots_[slot(a, b, c)] != 0; }
  // The list with the key a, b, c; null if none.
  const PhraseList* starting_with(char32_t a, char32_t b, char32_t c) const {
    for (uint32_t s = slot(a, b, c); slots_[s]; s = next(s)) {
      const PhraseList& list = lists_[slots_[s] - 1];
      if (list.key[0] == a && list.key[1] == b && list.key[2] == c) return &list;
    }
    return nullptr;
  }

 private:
  unsigned bits_ = 12;
  std::vector<uint32_t> slots_ = std::vector<uint32_t>(size_t{1} << bits_, 0);   // list + 1
  std::vector<PhraseList> lists_;
  PairFilter pairs_;   // the first two chars of the phrases of two chars or more

  uint32_t slot(char32_t a, char32_t b, char32_t c) const {   // code points fit in 21 bits
    return static_cast<uint32_t>((uint64_t{a} << 42 ^ uint64_t{b} << 21 ^ c) * 0x9E3779B97F4A7C15u >> (64 - bits_));
  }
  uint32_t next(uint32_t s) const { return (s + 1) & static_cast<uint32_t>(slots_.size() - 1); }
  void rehash(size_t slots) {
    bits_ = static_cast<unsigned>(__builtin_ctzll(slots));
    slots_.assign(slots, 0);
    for (size_t k = 0; k < lists_.size(); ++k) {
      uint32_t s = slot(lists_[k].key[0], lists_[k].key[1], lists_[k].key[2]);
      while (slots_[s]) s = next(s);
      slots_[s] = static_cast<uint32_t>(k + 1);
    }
  }
};

// The vocabularies of the checks, indexed once.
struct CheckWords {
  std::vector<std::u32string> cause_markers;   // checks.txt [cause_markers]
  PhraseIndex<> cause_index;                   // the same, by first char
  ScanPhrases phrases;                         // boilerplate.txt and checks.txt [wrong_type]
  size_t wrong_type_rows = 0;
  std::vector<uint8_t> bmp_kinds;   // by BMP char

  // Outside the BMP: a Han char or not, and any char may open a phrase (the
  // phrase lists tell).
  uint8_t kind(char32_t c) const {
    return c < 0x10000 ? bmp_kinds[c] : static_cast<uint8_t>((is_han(c) ? kHanChar : 0) | kOpensLong | kOpensPair | kPhraseChar);
  }
};

const CheckWords& check_words() {
  static const CheckWords w = [] {
    CheckWords out;
    auto sections = data_sections("checks.txt");
    out.cause_markers = sections.at("cause_markers");
    for (const auto& w : out.cause_markers) out.cause_index.add(w);
    std::vector<std::u32string> phrases;   // of both vocabularies
    const auto& wrong = sections.at("wrong_type");
    for (size_t k = 0; k < wrong.size(); ++k)
      if (!wrong[k].empty()) out.phrases.of(wrong[k]).wrong_type.emplace_back(wrong[k], k), phrases.push_back(wrong[k]);
    out.wrong_type_rows = wrong.size();
    BmpSet ends;
    for (const auto& row : sections.at("sentence_ends")) for (char32_t c : row) ends.add(c);
    auto is_sentence_end = [&ends](char32_t c) { return ends.has(c); };
    // a phrase with a sentence end in it never lies inside a sentence
    for (const auto& row : data_rows("boilerplate.txt"))
      if (std::none_of(row[0].begin(), row[0].end(), is_sentence_end)) out.phrases.of(row[0]).add_stock(row[0]), phrases.push_back(row[0]);
    out.bmp_kinds = bmp_classes([&](char32_t c) { return (is_han(c) ? kHanChar : 0) | (is_sentence_end(c) ? kSentenceEnd : 0); });
    out.bmp_kinds[U'\n'] = out.bmp_kinds[0] = kTextBreak;
    for (const auto& p : phrases)
      if (p[0] < 0x10000) out.bmp_kinds[p[0]] |= p.size() == 1 ? kPhraseChar : p.size() == 2 ? kOpensPair : kOpensLong;
    return out;
  }();
  return w;
}

// Cleaned-text index range of an input code-point span (t.from is sorted).
std::pair<size_t, size_t> cleaned_range(const NormText& t, Span span) {
  const uint32_t* const from = t.from.data();
  size_t b = static_cast<size_t>(partition_point_masked(from, t.size(), [&](uint32_t f) { return f < span.begin; }) - from);
  size_t e = static_cast<size_t>(partition_point_masked(from, t.size(), [&](uint32_t f) { return f < span.end; }) - from);
  return {b, std::max(b, e)};
}

// Occurrences of the cause markers in the section body, less those its heading states.
size_t count_causes(std::u32string_view body, const std::string& title) {
  const CheckWords& words = check_words();
  size_t causes = 0;
  for (size_t k = words.cause_index.next_opening(body, 0, body.size()); k < body.size();
       k = words.cause_index.next_opening(body, k + 1, body.size()))
    for (const auto& w : *words.cause_index.starting_with(body[k])) causes += starts_with_at(body, k, w.first);
  std::u32string heading = from_utf8(title);
  for (const auto& w : words.cause_markers)
    if (contains(heading, w) && causes) --causes;   // the heading's own 原因 is not a stated cause
  return causes;
}

// What one pass over the blocks finds: the sentences (of 8 Han chars or more)
// made almost only of stock phrases, the headings of a 政府信息公开 report, and
// the Han chars before each block (outside blocks there are only '\n's).
struct SentenceScan {
  size_t sentences = 0, stock = 0;
  std::vector<Span> stock_spans;   // the first 50
  size_t wrong_type_headings = 0;
  std::vector<size_t> han_before_block;
  size_t han_total = 0;   // of all the blocks, which is all the text's (outside them are only '\n's)
};

// A run of BMP chars the sentence scan passes over, acting on none: where it
// ends (at the first char from i on that stops the scan: one of kStops, a char
// outside the BMP, or one that opens a phrase with the chars after it, as far
// as may_start tells) and its Han chars. The text break after a block ends the
// run there. A loop that stores nothing, so its values stay in registers.
struct PlainRun {
  size_t end, han;
};
PlainRun plain_run(const CheckWords& words, const char32_t* chars, size_t i) {
  const uint8_t* kinds = words.bmp_kinds.data();
  const char32_t* p = chars + i;
  size_t han = 0;
  for (;; ++p) {
    const size_t c = *p;
    if (c >= 0x10000) break;
    const size_t kind = kinds[c];
    if (kind & kStops) break;
    // c is no text break, so p[1] is in the text or its final U+0000, and
    // p[2] is readable unless p[1] is that U+0000 (no phrase holds one).
    // The pair of chars is asked first, in one lookup: the chars that open
    // a phrase are common ones, and a branch on them alone went either way
    // so often that the scan mispredicted twice as many branches.
    if (words.phrases.may_open(*p, p[1])) {
      if ((kind & kOpensPair) && words.phrases.may_start(*p, p[1], 0)) break;
      if ((kind & kOpensLong) && p[1] && words.phrases.may_start(*p, p[1], p[2])) break;
    }
    han += kind & kHanChar;
  }
  return {static_cast<size_t>(p - chars), han};
}

// The longest stock phrase of list written at text[i, e) that reaches past
// reach (where the earlier matches end); null if none.
const StockPhrase* longest_stock(const PhraseList& list, std::u32string_view text, size_t i, size_t e, size_t reach) {
  for (const StockPhrase& p : list.stock) {
    if (i + p.text.size() <= reach) break;   // nor will a shorter one reach further
    if (list.matches(text, i, e, p.text)) return &p;
  }
  return nullptr;
}

// Stock phrases are matched as the scan meets their first char, the longest
// one there; the Han chars of a match that no earlier match covered are
// counted then. Stock phrases hold no sentence end, so none reaches past its
// sentence; blocks hold no '\n' and no phrase does, so a phrase found in a
// block is one found in the text. The text is the blocks with a '\n' between
// two (segment writes it so), so each block is followed by a text break.
SentenceScan scan_sentences(const Segmented& seg) {
  const CheckWords& words = check_words();
  const std::u32string& text = seg.text.chars;
  const char32_t* chars = text.data();
  SentenceScan out;
  std::vector<bool> wrong_seen(words.wrong_type_rows, false);
  out.han_before_block.reserve(seg.blocks.size());
  size_t& han_total = out.han_total;
  for (const Block& b : seg.blocks) {
    assert(b.end == text.size() || text[b.end] == U'\n');
    out.han_before_block.push_back(han_total);
    size_t start = b.begin, han = 0, hit = 0, reach = b.begin;   // the sentence so far
    auto end_sentence = [&](size_t i) {
      if (han >= 8) {
        ++out.sentences;
        if (hit * 10 >= han * 6) {
          ++out.stock;
          if (out.stock_spans.size() < 50) out.stock_spans.push_back(seg.text.input_span(start, i));
        }
      }
      han_total += han;
      start = i + 1;
      han = hit = 0;
    };
    auto count_wrong_type = [&](const PhraseList& list, size_t i, size_t e) {
      for (const auto& [phrase, row] : list.wrong_type)
        if (!wrong_seen[row] && list.matches(text, i, e, phrase)) {
          wrong_seen[row] = true;
          ++out.wrong_type_headings;
        }
    };
    for (size_t i = b.begin, e = b.end; i < e; ++i) {
      const PlainRun run = plain_run(words, chars, i);
      han += run.han;
      i = run.end;
      if (i >= e) break;
      const char32_t c = chars[i];
      const uint8_t kind = words.kind(c);
      han += kind & kHanChar;
      if (kind & (kOpensLong | kOpensPair | kPhraseChar)) {
        const PhraseList* lists[] = {   // longest phrases first
            (kind & kOpensLong) && i + 2 < e ? words.phrases.starting_with(c, chars[i + 1], chars[i + 2]) : nullptr,
            (kind & kOpensPair) && i + 1 < e ? words.phrases.starting_with(c, chars[i + 1], 0) : nullptr,
            (kind & kPhraseChar) ? words.phrases.starting_with(c, 0, 0) : nullptr};
        const StockPhrase* match = nullptr;
        for (const PhraseList* list : lists)
          if (list) {
            if (!match) match = longest_stock(*list, text, i, e, reach);
            count_wrong_type(*list, i, e);
          }
        if (match) {
          hit += match->han_from[std::max(reach, i) - i];
          reach = i + match->text.size();
        }
      }
      if (kind & kSentenceEnd) end_sentence(i);
    }
    end_sentence(b.end);   // the block's last sentence, with or without its 。
  }
  return out;
}

// Han chars before the cleaned position pos: the blocks before its block, as
// the scan counted them, and its block's chars up to pos.
size_t han_before(const Segmented& seg, const SentenceScan& scan, size_t pos) {
  const Block* const blocks = seg.blocks.data();
  const Block* after = partition_point_masked(blocks, seg.blocks.size(), [pos](const Block& b) { return b.begin <= pos; });
  if (after == blocks) return 0;
  size_t k = static_cast<size_t>(after - blocks) - 1;
  size_t n = scan.han_before_block[k];
  for (size_t i = seg.blocks[k].begin; i < std::min(pos, seg.blocks[k].end); ++i) n += is_han(seg.text.chars[i]);
  return n;
}

// Counted once and shared by the checks: Han chars of each level-1 section and
// the indicators under each top-level section.
struct SectionCounts {
  std::vector<size_t> han;          // by section index; 0 below level 1
  std::vector<size_t> indicators;   // by the index of the indicator's root section
};

SectionCounts count_sections(const Result& r, const Segmented& seg, const SentenceScan& scan) {
  SectionCounts c{std::vector<size_t>(r.sections.size(), 0), std::vector<size_t>(r.sections.size(), 0)};
  for (size_t i = 0; i < r.sections.size(); ++i)
    if (r.sections[i].level == 1) {
      auto [b, e] = cleaned_range(seg.text, r.sections[i].span);
      c.han[i] = han_before(seg, scan, e) - han_before(seg, scan, b);
    }
  for (const Indicator& x : r.indicators) {
    int root = x.section;
    while (root >= 0 && r.sections[root].parent >= 0) root = r.sections[root].parent;
    if (root >= 0) ++c.indicators[root];
  }
  return c;
}

Finding boilerplate(const SentenceScan& scan) {
  double share = scan.sentences ? 100.0 * scan.stock / scan.sentences : 0;
  Finding f{"boilerplate", Severity::info,
            "套话句占 " + fixed(share, 1) + "%（" + std::to_string(scan.stock) + "/" + std::to_string(scan.sentences) + " 句几乎只由常见套话组成）。",
            scan.stock_spans,
            {num("sentences", static_cast<double>(scan.sentences)), num("boilerplate_sentences", static_cast<double>(scan.stock)),
             num("share_percent", std::round(share * 10) / 10)}};
  if (share >= 30) f.severity = Severity::warning;
  return f;
}

}  // namespace

void run_checks(Result& r, const Segmented& seg) {
  std::vector<Finding>& out = r.findings;
  out.clear();
  // room for them all (a shortcomings part gives up to three), so none is moved
  size_t shortcoming_parts = 0;
  for (const Section& s : r.sections) shortcoming_parts += s.level == 1 && s.part == Part::shortcomings;
  out.reserve(r.missing_parts.size() + 3 * shortcoming_parts + r.zero_claims.size() + 5);
  const NormText& t = seg.text;
  const SentenceScan scan = scan_sentences(seg);
  r.stats.han_chars = static_cast<uint32_t>(scan.han_total);
  const SectionCounts counts = count_sections(r, seg, scan);

  // 1. Statutory parts
  for (Part p : r.missing_parts)
    out.push_back({"part_missing", Severity::warning, std::string("缺少法定部分：") + part_name(p) + "。",
                   {}, {txt("part", part_id(p))}});
  if (r.missing_parts.empty() && !r.sections.empty()) {
    Finding f{"parts_complete", Severity::info, "法定的四个必备部分（举措成效、不足原因、第一责任人履职、下一年度安排）齐全。", {}, {}};
    for (const Section& s : r.sections)
      if (s.level == 1 && s.part && *s.part != Part::other) f.spans.push_back(s.title_span);
    out.push_back(std::move(f));
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
    out.push_back(std::move(f));
  } else {
    out.push_back({"timeliness_unknown", Severity::info,
                   m.published ? "无法判断是否按时公开：未识别出报告年度。" : "无法判断是否按时公开：文中没有发布或落款日期。", {}, {}});
  }

  // 3. Indicator density per part (per 1,000 Han characters)
  {
    double han_total = static_cast<double>(r.stats.han_chars);
    Finding f{"indicator_density", Severity::info, "", {}, {}};
    f.data.reserve(3 + 5 * 3);
    f.data.push_back(num("indicators", static_cast<double>(r.indicators.size())));
    f.data.push_back(num("han_chars", han_total));
    double density = han_total > 0 ? 1000.0 * static_cast<double>(r.indicators.size()) / han_total : 0;
    f.data.push_back(num("per_1000", std::round(density * 10) / 10));
    for (Part p : {Part::measures, Part::shortcomings, Part::leadership, Part::plans, Part::other}) {
      size_t chars = 0, count = 0;
      for (size_t i = 0; i < r.sections.size(); ++i)
        if (r.sections[i].part == p) chars += counts.han[i], count += counts.indicators[i];
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
    out.push_back(std::move(f));
  }

  // 4. Shortcomings: share, points, causes, figures
  for (size_t i = 0; i < r.sections.size(); ++i) {
    const Section& s = r.sections[i];
    if (s.level != 1 || s.part != Part::shortcomings) continue;
    auto [bb, be] = cleaned_range(t, s.span);
    size_t causes = count_causes(std::u32string_view(t.chars).substr(bb, be - bb), s.title);
    size_t figures = counts.indicators[i];
    size_t points = s.points.size();
    for (const Section& c : r.sections) if (c.parent == static_cast<int>(i)) ++points;
    double share = r.stats.han_chars ? 100.0 * counts.han[i] / r.stats.han_chars : 0;
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

  // 6. Boilerplate share
  out.push_back(boilerplate(scan));

  // 7. A different report pasted by mistake
  if (scan.wrong_type_headings >= 2)
    out.push_back({"wrong_report_type", Severity::warning,
                   "这看起来是《政府信息公开工作年度报告》，不是法治政府建设年度报告；结构与指标检查可能不适用。", {}, {}});
}

}  // namespace reportlens
