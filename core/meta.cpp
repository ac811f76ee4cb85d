// Stage 6, meta (see meta.h).
#include "meta.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "data.h"
#include "phrase_index.h"
#include "text.h"
#include "word_trie.h"

namespace reportlens {
namespace {

constexpr size_t kHeadBlocks = 14;   // where title, 文号 and 签发人 are looked for
constexpr size_t kTailBlocks = 8;    // where the signature and its date are

std::u32string_view block_text(const Segmented& seg, const Block& b) {
  return std::u32string_view(seg.text.chars).substr(b.begin, b.end - b.begin);
}

int read_int(std::u32string_view s, size_t& i, size_t max_digits) {
  int v = 0;
  size_t n = 0;
  while (i < s.size() && is_digit(s[i]) && n < max_digits) v = v * 10 + static_cast<int>(s[i] - U'0'), ++i, ++n;
  return n ? v : -1;
}

bool valid_date(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

std::string format_date(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

using Words = std::vector<std::u32string>;

// core/data/meta.txt, each section read once.
struct MetaWords {
  Words agency_suffixes, opening_agency_suffixes, report_words, topic_words, title_cuts, header_suffixes, date_labels,
      issued_words, signer_labels, place_suffixes, doc_number_ends;
  PhraseIndex<size_t> date_label_index;   // date_labels, valued by their index
  std::u32string doc_year_opens, doc_year_closes;   // doc_year_brackets, split
  char32_t doc_year_open_max = 0;
};

const MetaWords& words() {
  static const MetaWords w = [] {
    auto s = data_sections("meta.txt");
    MetaWords out{s.at("agency_suffixes"), s.at("opening_agency_suffixes"), s.at("report_words"),
                  s.at("topic_words"),     s.at("title_cuts"),              s.at("header_suffixes"),
                  s.at("date_labels"),     s.at("issued_words"),            s.at("signer_labels"),
                  s.at("place_suffixes"),  s.at("doc_number_ends"), {}, {}, {}, 0};
    for (size_t k = 0; k < out.date_labels.size(); ++k) out.date_label_index.add(out.date_labels[k], k);
    for (const auto& pair : s.at("doc_year_brackets")) {
      out.doc_year_opens += pair.at(0);
      out.doc_year_closes += pair.at(1);
      out.doc_year_open_max = std::max(out.doc_year_open_max, pair[0]);
    }
    return out;
  }();
  return w;
}

bool ends_with_any(std::u32string_view s, const Words& ends) {
  for (const auto& e : ends) if (ends_with(s, e)) return true;
  return false;
}

bool contains_any(std::u32string_view s, const Words& ws) {
  for (const auto& w : ws) if (contains(s, w)) return true;
  return false;
}

// 省 市 县 区 州 盟 旗
bool is_place_suffix(char32_t c) {
  for (const auto& w : words().place_suffixes) if (w.size() == 1 && w[0] == c) return true;
  return false;
}

constexpr size_t kMaxAgencyName = 30;   // chars

bool is_agency_name(std::u32string_view s) {
  return s.size() >= 3 && s.size() <= kMaxAgencyName && ends_with_any(s, words().agency_suffixes);
}

bool has_punct(std::u32string_view s) {
  for (char32_t c : s)
    if (c == U'，' || c == U'。' || c == U',' || c == U'；' || c == U'：' || c == U':' || c == U'、') return true;
  return false;
}

std::u32string strip_spaces(std::u32string_view s) {
  std::u32string out(s.size(), U' ');
  out.resize(static_cast<size_t>(std::remove_copy(s.begin(), s.end(), out.begin(), U' ') - out.begin()));
  return out;
}

// The size of strip_spaces(s), without the copy: most blocks are too long to
// be what a caller looks for.
size_t stripped_size(std::u32string_view s) { return s.size() - static_cast<size_t>(std::count(s.begin(), s.end(), U' ')); }

// Whether strip_spaces(s) is 6 to 8 digits, as read_collapsed wants (most
// blocks fail at their first chars).
bool collapsed_digits(std::u32string_view s) {
  size_t digits = 0;
  for (char32_t c : s) {
    if (c == U' ') continue;
    if (!is_digit(c) || ++digits > 8) return false;
  }
  return digits >= 6;
}

// The brackets of a 文号's year (meta.txt doc_year_brackets: 〔2024〕 [2024] …).
// Most chars (all Han chars) lie above the openers, and are turned away by one
// comparison.
bool opens_doc_year(char32_t c) {
  return c <= words().doc_year_open_max && words().doc_year_opens.find(c) != std::u32string::npos;
}
bool closes_doc_year(char32_t c) { return words().doc_year_closes.find(c) != std::u32string::npos; }

// Collapsed dates: 2025212 -> 2025-02-12 when only one split is a date.
std::string read_collapsed(const std::u32string& line) {
  if (line.size() < 6 || line.size() > 8) return "";
  for (char32_t c : line) if (!is_digit(c)) return "";
  int y = std::stoi(to_utf8(line.substr(0, 4)));
  std::u32string rest = line.substr(4);
  std::vector<std::string> readings;
  for (size_t ml = 1; ml <= 2 && ml < rest.size(); ++ml) {
    std::u32string ms = rest.substr(0, ml), ds = rest.substr(ml);
    if (ds.size() > 2) continue;
    int m = std::stoi(to_utf8(ms)), d = std::stoi(to_utf8(ds));
    if (valid_date(y, m, d)) readings.push_back(format_date(y, m, d));
  }
  return readings.size() == 1 ? readings[0] : "";
}

}  // namespace

std::string read_date(std::u32string_view s, size_t pos, size_t* len) {
  size_t i = pos;
  int y = read_int(s, i, 4);
  if (y < 1990 || i - pos != 4 || i >= s.size()) return "";
  char32_t sep = s[i];
  if (sep != U'年' && sep != U'-' && sep != U'/' && sep != U'.') return "";
  ++i;
  while (i < s.size() && s[i] == U' ') ++i;
  int m = read_int(s, i, 2);
  if (m < 0 || i >= s.size()) return "";
  char32_t sep2 = s[i];
  if ((sep == U'年' && sep2 != U'月') || (sep != U'年' && sep2 != sep)) return "";
  ++i;
  while (i < s.size() && s[i] == U' ') ++i;
  int d = read_int(s, i, 2);
  if (d < 0) return "";
  if (sep == U'年') {
    if (i >= s.size() || (s[i] != U'日' && s[i] != U'号')) return "";
    ++i;
  }
  if (!valid_date(y, m, d)) return "";
  if (len) *len = i - pos;
  return format_date(y, m, d);
}

std::string canonical_agency(const std::string& agency) {
  static const auto rows = data_rows("agency_aliases.txt");
  std::u32string a = strip_spaces(from_utf8(agency));
  for (const auto& row : rows) {
    if (row.size() < 2) continue;
    size_t at = a.find(row[0]);
    if (at != std::u32string::npos && a.find(row[1]) == std::u32string::npos) {
      a.replace(at, row[0].size(), row[1]);
      break;
    }
  }
  return to_utf8(a);
}

Meta find_meta(const Segmented& seg, const std::vector<Section>& sections, const std::u32string& input) {
  Meta meta;
  const NormText& t = seg.text;
  uint32_t first_heading = sections.empty() ? UINT32_MAX : sections.front().marker_span.begin;
  size_t head_blocks = std::min(seg.blocks.size(), kHeadBlocks);

  // Title: a short line naming the report, before the first heading.
  for (size_t k = 0; k < head_blocks; ++k) {
    const Block& b = seg.blocks[k];
    if (t.from[b.begin] >= first_heading) break;
    std::u32string_view s = block_text(seg, b);
    bool names_report = contains_any(s, words().report_words) && contains_any(s, words().topic_words);
    if (!names_report || s.size() > 64 || s.back() == U'：' || s.back() == U':' || s.back() == U'。' || contains(s, U"。"))
      continue;
    size_t tb = b.begin;
    // printed over two lines: "长春市科学技术局" / "2025年度法治政府建设报告"
    if (k > 0) {
      const Block& p = seg.blocks[k - 1];
      std::u32string_view ps = block_text(seg, p);
      if (is_agency_name(strip_spaces(ps)) && !has_punct(ps) && !contains_any(ps, words().header_suffixes) &&
          !contains(strip_spaces(s), strip_spaces(ps)))
        tb = p.begin;
    }
    std::string title;
    if (tb != b.begin) {
      const Block& p = seg.blocks[k - 1];
      title = printed(t, input, p.begin, p.end) + printed(t, input, b.begin, b.end);
    } else {
      title = printed(t, input, b.begin, b.end);
    }
    meta.title = title;
    meta.title_span = t.input_span(tb, b.end);
    break;
  }

  // Agency: the title's name before the year; else a "XX文件" header, a
  // signature line, or the opening sentence's 市科技局.
  auto agency_from = [](std::u32string s) -> std::optional<std::u32string> {
    s = strip_spaces(s);
    size_t cut = s.size();
    for (size_t i = 0; i + 4 < s.size(); ++i)
      if (is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3])) { cut = i; break; }
    for (const auto& w : words().title_cuts) {
      size_t at = s.find(w);
      if (at != std::u32string::npos && at < cut) cut = at;
    }
    std::u32string a = s.substr(0, cut);
    if (is_agency_name(a)) return a;
    return std::nullopt;
  };
  if (meta.title) {
    if (auto a = agency_from(from_utf8(*meta.title))) meta.agency = to_utf8(*a);
  }
  if (!meta.agency) {
    size_t longest_name = 0;   // a name and its suffix
    for (const auto& suffix : words().header_suffixes) longest_name = std::max(longest_name, kMaxAgencyName + suffix.size());
    for (size_t k = 0; k < head_blocks && !meta.agency; ++k) {
      if (stripped_size(block_text(seg, seg.blocks[k])) > longest_name) continue;
      std::u32string s = strip_spaces(block_text(seg, seg.blocks[k]));
      for (const auto& suffix : words().header_suffixes) {
        std::u32string_view name = std::u32string_view(s).substr(0, s.size() - std::min(s.size(), suffix.size()));
        if (s.size() > suffix.size() && ends_with(s, suffix) && is_agency_name(name)) meta.agency = to_utf8(name);
      }
    }
  }
  if (!meta.agency) {
    size_t from = seg.blocks.size() > kTailBlocks ? seg.blocks.size() - kTailBlocks : 0;
    for (size_t k = seg.blocks.size(); k > from && !meta.agency; --k) {
      if (stripped_size(block_text(seg, seg.blocks[k - 1])) > kMaxAgencyName) continue;
      std::u32string s = strip_spaces(block_text(seg, seg.blocks[k - 1]));
      if (is_agency_name(s) && !has_punct(s) && std::any_of(s.begin(), s.end(), is_place_suffix))
        meta.agency = to_utf8(s);
    }
  }
  if (!meta.agency) {
    // opening sentence: "2021年,市科技局认真…" — a body name after a comma or the start
    for (size_t k = 0; k < head_blocks && !meta.agency; ++k) {
      std::u32string_view s = block_text(seg, seg.blocks[k]);
      if (s.size() < 30) continue;
      for (size_t i = 0; i < std::min<size_t>(s.size(), 120) && !meta.agency; ++i) {
        if (!is_place_suffix(s[i])) continue;
        if (i > 0 && is_han(s[i - 1]) && s[i - 1] != U'年') continue;
        for (size_t e = i + 2; e < std::min(s.size(), i + 12); ++e) {
          std::u32string_view cand = s.substr(i, e - i + 1);
          if (has_punct(cand)) break;
          if (ends_with_any(cand, words().opening_agency_suffixes)) { meta.agency = to_utf8(cand); break; }
        }
      }
      break;   // only the opening paragraph
    }
  }
  if (meta.agency) meta.agency_canonical = canonical_agency(*meta.agency);

  // Region: the agency's leading place name, else the place the text names most.
  static const auto regions = data_rows("regions.txt");
  if (meta.agency) {
    std::u32string a = from_utf8(*meta.agency);
    size_t cut = 0;
    for (size_t i = 1; i < a.size() && i <= 12; ++i) {
      if (is_place_suffix(a[i])) {
        // 市科技局: a bare 市 names no place
        cut = i + 1;
        std::u32string rest = a.substr(cut);
        if (rest.size() < 2) { cut = 0; break; }
        bool more = false;
        for (size_t j = cut; j < a.size() && j < cut + 6; ++j)
          if (is_place_suffix(a[j])) { more = true; break; }
        if (!more) break;
      }
    }
    if (cut >= 2) meta.region = to_utf8(a.substr(0, cut));
  }
  if (!meta.region) {
    // one walk of a word trie finds them all (a scan by first char stopped at
    // every 长, 南, 大 … of the text and compared each name there)
    struct Prefectures {
      WordTrie words;
      std::vector<const std::u32string*> name_of;   // by trie node; null where no name ends
      size_t longest = 0;
    };
    static const Prefectures prefectures = [] {
      Prefectures out;
      std::vector<std::pair<uint32_t, const std::u32string*>> ends;
      for (const auto& row : regions)
        if (row.size() >= 2 && row[1] == U"prefecture" && !row[0].empty()) {
          ends.emplace_back(out.words.add(row[0], 1), &row[0]);
          out.longest = std::max(out.longest, row[0].size());
        }
      out.words.seal();
      out.name_of.assign(out.words.size(), nullptr);
      for (auto [node, name] : ends) out.name_of[node] = name;
      return out;
    }();
    std::map<std::u32string_view, int> counts;
    const size_t head = std::min<size_t>(t.size(), 60000);   // the report, not a pasted archive: names starting before it
    const std::u32string_view scanned = std::u32string_view(t.chars).substr(0, head + prefectures.longest);
    prefectures.words.for_each_word(scanned, 1, [&](uint32_t node, uint8_t, size_t begin, size_t) {
      if (begin < head) ++counts[*prefectures.name_of[node]];
    });
    int best = 0;
    for (auto& [name, n] : counts) if (n > best) best = n, meta.region = to_utf8(name);
  }

  // Report year: from the title, else the opening sentence, else the plans heading − 1.
  auto first_year = [](std::u32string_view s, size_t limit) -> std::optional<int> {
    for (size_t i = 0; i + 4 < s.size() && i < limit; ++i) {
      if (i > 0 && is_digit(s[i - 1])) continue;
      size_t j = i;
      int y = read_int(s, j, 4);
      if (j - i == 4 && j < s.size() && s[j] == U'年' && !(j + 1 < s.size() && is_digit(s[j + 1])) && y >= 1990 && y <= 2100)
        return y;
    }
    return std::nullopt;
  };
  if (meta.title) meta.report_year = first_year(strip_spaces(from_utf8(*meta.title)), 64);
  if (!meta.report_year) {
    for (size_t k = 0; k < head_blocks && !meta.report_year; ++k) {
      const Block& b = seg.blocks[k];
      if (t.from[b.begin] >= first_heading) break;
      std::u32string_view s = block_text(seg, b);
      if (s.size() >= 30) meta.report_year = first_year(s, 12);
    }
  }
  if (!meta.report_year) {
    for (const Section& s : sections)
      if (s.level == 1 && s.part && *s.part == Part::plans)
        if (auto y = first_year(strip_spaces(from_utf8(s.title)), 12)) meta.report_year = *y - 1;
  }

  // Published: a labelled date (发布时间: …) in the chrome or the head, else the
  // signature date at the end, else the 印发 date.
  // (the line is the chars [b, e) of `text`)
  // The labels are tried in their order, each where it is written from the
  // line's start on: found in one pass over the line, then sorted so.
  auto labelled = [&](const NormText& text, size_t b, size_t e) -> bool {
    std::u32string_view line = std::u32string_view(text.chars).substr(b, e - b);
    const auto& index = words().date_label_index;
    std::vector<std::pair<size_t, size_t>> found;   // (label, where)
    for (size_t at = index.next_opening(line, 0, line.size()); at < line.size(); at = index.next_opening(line, at + 1, line.size()))
      for (const auto& [label, k] : *index.starting_with(line[at]))
        if (starts_with_at(line, at, label)) found.emplace_back(k, at);
    std::sort(found.begin(), found.end());
    for (const auto& [k, at] : found) {
      size_t i = at + words().date_labels[k].size();
      while (i < line.size() && (line[i] == U':' || line[i] == U'：' || line[i] == U' ')) ++i;
      size_t len = 0;
      std::string d = read_date(line, i, &len);
      if (!d.empty()) {
        meta.published = d;
        meta.published_source = "label";
        meta.published_span = text.input_span(b + i, b + i + len);
        return true;
      }
    }
    return false;
  };
  for (const NormText& line : seg.chrome) if (!meta.published && labelled(line, 0, line.size())) break;
  for (size_t k = 0; k < head_blocks && !meta.published; ++k) {
    const Block& b = seg.blocks[k];
    if (b.end - b.begin > 80) continue;
    labelled(t, b.begin, b.end);
  }
  if (!meta.published) {
    size_t from = seg.blocks.size() > kTailBlocks ? seg.blocks.size() - kTailBlocks : 0;
    std::string issued;
    std::optional<Span> issued_span;
    for (size_t k = from; k < seg.blocks.size(); ++k) {
      const Block& b = seg.blocks[k];
      size_t len = 0;
      std::string d = read_date(t.chars, b.begin, &len);
      if (d.empty()) {
        if (!collapsed_digits(block_text(seg, b))) continue;
        std::string c = read_collapsed(strip_spaces(block_text(seg, b)));
        if (!c.empty() && (!meta.report_year || std::stoi(c.substr(0, 4)) >= *meta.report_year)) {
          meta.published = c;
          meta.published_source = "collapsed";
          meta.published_span = t.input_span(b.begin, b.end);
          break;
        }
        continue;
      }
      std::u32string s = strip_spaces(block_text(seg, b));
      std::u32string rest = s.substr(std::min(s.size(), len));
      if (rest.empty()) {
        meta.published = d;
        meta.published_source = "signature";
        meta.published_span = t.input_span(b.begin, b.begin + len);
        break;
      }
      const Words& issued_words = words().issued_words;
      if (issued.empty() && std::find(issued_words.begin(), issued_words.end(), rest) != issued_words.end()) {
        issued = d;
        issued_span = t.input_span(b.begin, b.begin + len);
      }
    }
    if (!meta.published && !issued.empty()) {
      meta.published = issued;
      meta.published_source = "issued";
      meta.published_span = issued_span;
    }
  }

  // 发文字号: 晋市科字〔2024〕1号; 签发人: 郑 泽
  for (size_t k = 0; k < head_blocks; ++k) {
    const Block& b = seg.blocks[k];
    if (t.from[b.begin] >= first_heading) break;
    const std::u32string& s = t.chars;
    for (size_t i = b.begin; i < b.end; ++i) {
      if (!opens_doc_year(s[i])) continue;
      size_t j = i + 1;
      int y = read_int(s, j, 4);
      if (y < 1990 || j >= b.end || !closes_doc_year(s[j])) continue;
      ++j;
      int n = read_int(s, j, 5);
      if (n < 0) continue;
      const auto end_word = std::find_if(words().doc_number_ends.begin(), words().doc_number_ends.end(),
                                         [&](const std::u32string& w) { return matches_at(s, j, b.end, w); });
      if (end_word == words().doc_number_ends.end()) continue;
      const size_t end = j + end_word->size();
      size_t st = i;
      while (st > b.begin && is_han(s[st - 1]) && i - st < 10) --st;
      if (st == i) continue;
      if (!meta.doc_number) {
        meta.doc_number = printed(t, input, st, end);
        meta.doc_number_span = t.input_span(st, end);
      }
      break;
    }
    std::u32string_view line = block_text(seg, b);
    for (const auto& label : words().signer_labels) {
      size_t at = line.find(label);
      if (at == std::u32string_view::npos || meta.signer) continue;
      size_t i = at + label.size();
      while (i < line.size() && (line[i] == U':' || line[i] == U'：' || line[i] == U' ')) ++i;
      std::u32string name = strip_spaces(line.substr(i, 12));
      if (!name.empty()) meta.signer = to_utf8(name);
    }
  }
  return meta;
}

}  // namespace reportlens
