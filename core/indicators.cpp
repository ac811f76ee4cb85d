// Stage 7, indicators (see indicators.h).
#include "indicators.h"

#include <algorithm>
#include <cstring>

#include "data.h"
#include "headings.h"
#include "labels.h"
#include "numbers.h"
#include "phrase_index.h"
#include "taxonomy.h"
#include "text.h"

namespace reportlens {

using namespace std::string_view_literals;
namespace {

// Whether two words are the same: inline, as the tests of a quantity's unit
// and kind against a literal are asked of every quantity.
bool same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
}

template <class Word>
bool contains_word(const std::vector<Word>& words, std::basic_string_view<typename Word::value_type> w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

struct Unit {
  std::u32string written;
  std::string base, kind;
  int scale = 0;
  bool classifier = false;   // a measure word a noun follows (3家企业), from [classifiers]
  bool base_as_written = false;   // the base unit is the measure word itself (項 shows as 項)
  std::string base_counted = {};   // base + 次: 3场(次) counts 场次
};

struct Vocab {
  std::vector<Unit> units;                 // longest first
  PhraseIndex<size_t> units_index;   // written form -> index into units, longest first
  PhraseIndex<> names;
  size_t longest_name = 0;   // in chars: how far before a quantity a name can start and still reach it
  std::vector<std::u32string> classifiers, kind_word_tails;
  std::vector<std::string> rank_units, phase_units;   // base units, as Found::unit has them
  std::vector<std::pair<std::u32string, std::string>> approx_before, approx_middle, approx_after, kind_words;
  std::vector<std::u32string> from_to, leaders;
  // words that may end right before a number, reversed so they index by their
  // last char: approx_before (-> its index, longest first) and leaders
  PhraseIndex<size_t> approx_before_ending;
  PhraseIndex<std::u32string> leaders_ending;
  PhraseIndex<size_t> kind_words_ending;   // -> index into kind_words, longest first
  // by first char, in list order (asked after every number)
  PhraseIndex<size_t> approx_middle_index, approx_after_index;   // -> index into the list
  PhraseIndex<> followers_index;            // words after a quantity that make it a name (二次全会)
  BmpSet number_openers;   // the digits, Arabic or Chinese: the chars a number may start with
  BmpSet clause_breaks;    // is_clause_break, a bit each
  BmpSet kind_word_tail_ends;   // the last chars of kind_word_tails
};

const Vocab& vocab() {
  static const Vocab v = [] {
    Vocab out;
    std::string section;
    for (auto& row : data_rows("units.txt")) {
      const std::u32string& f = row[0];
      if (f.size() > 2 && f.front() == U'[') { section = to_utf8(f.substr(1, f.size() - 2)); continue; }
      if (section == "units" && row.size() >= 4)
        out.units.push_back({f, to_utf8(row[1]), to_utf8(row[2]), std::stoi(to_utf8(row[3]))});
      else if (section == "classifiers") out.classifiers.push_back(f);
      else if (section == "from_to") out.from_to.push_back(f);
      else if (section == "rank_units") out.rank_units.push_back(to_utf8(f));
      else if (section == "kind_word_tails") {
        out.kind_word_tails.push_back(f);
        out.kind_word_tail_ends.add(f.back());
      } else if (row.size() >= 2) {
        auto entry = std::make_pair(f, to_utf8(row[1]));
        if (section == "approx_before") out.approx_before.push_back(entry);
        else if (section == "approx_middle") out.approx_middle.push_back(entry);
        else if (section == "approx_after") out.approx_after.push_back(entry);
        else if (section == "kind_words") out.kind_words.push_back(entry);
      }
    }
    std::stable_sort(out.units.begin(), out.units.end(), [](const Unit& a, const Unit& b) { return a.written.size() > b.written.size(); });
    auto longest_first = [](auto& v) {
      std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    };
    longest_first(out.approx_before);
    longest_first(out.kind_words);
    auto non = data_sections("non_indicators.txt");
    out.leaders = non["leaders"];
    for (size_t a = 0; a < out.approx_before.size(); ++a) out.approx_before_ending.add(reversed(out.approx_before[a].first), a);
    for (const auto& l : out.leaders) out.leaders_ending.add(reversed(l), l);
    for (size_t w = 0; w < out.kind_words.size(); ++w) out.kind_words_ending.add(reversed(out.kind_words[w].first), w);
    for (size_t w = 0; w < out.approx_middle.size(); ++w) out.approx_middle_index.add(out.approx_middle[w].first, w);
    for (size_t w = 0; w < out.approx_after.size(); ++w) out.approx_after_index.add(out.approx_after[w].first, w);
    for (const auto& w : non["followers"]) out.followers_index.add(w);
    for (const auto& p : non["phase_units"]) out.phase_units.push_back(to_utf8(p));
    for (size_t k = 0; k < out.units.size(); ++k) out.units_index.add(out.units[k].written, k);
    for (Unit& u : out.units) {
      u.classifier = contains_word(out.classifiers, u.written);
      u.base_as_written = u.base == to_utf8(u.written);
      u.base_counted = u.base + "次";
    }
    for (const auto& n : non["names"]) out.names.add(n), out.longest_name = std::max(out.longest_name, n.size());
    for (char32_t c = 0; c < 0x10000; ++c) {
      if (is_digit(c) || is_cn_digit(c)) out.number_openers.add(c);
      if (is_clause_break(c)) out.clause_breaks.add(c);
    }
    return out;
  }();
  return v;
}


constexpr size_t kClauseReach = 64;   // chars a label or category looks back or ahead

// One quantity found in the cleaned text, before it becomes an Indicator.
struct Found {
  size_t text_begin = 0, text_end = 0;   // surface text, approx words included
  size_t num_begin = 0, unit_end = 0;
  size_t label_end = 0;                  // past the noun read after a classifier
  Decimal value;
  std::string_view unit, kind, bound, role;   // words of the vocabulary or literals, which outlive the scan
  std::u32string_view approx;           // as the vocabulary writes it
  std::u32string label;
  std::u32string_view clause;        // views into the cleaned text, which outlives the scan
  std::u32string_view wide_clause;   // the whole clause, earlier quantities included (for categories)
  bool classifier = false;
  bool unit_written = false;     // the base unit is the measure word as written (項 stays 項)
};

class Scanner {
 public:
  explicit Scanner(const Segmented& seg) : t_(seg.text), v_(vocab()) {}

  size_t too_long() const { return too_long_; }          // digit runs too long to read as a quantity
  Span too_long_first() const { return too_long_first_; }

  void block(size_t b, size_t e, std::vector<Found>& out) {
    block_begin_ = b;
    block_end_ = e;
    names_.clear();
    names_scanned_ = b;
    size_t first = out.size();
    const std::u32string& text = s();
    for (size_t i = b; i < e;) {
      i = next_in(v_.number_openers, text, i, e);   // most chars start no number
      if (i == e) break;
      size_t next = i + 1;
      if (starts_number(i, b)) {
        if (auto n = read_number(s(), i)) {
          Found f;   // kept only if it reads as a quantity (most numbers do not)
          if (read_quantity(*n, b, e, f)) {
            next = std::max(next, f.unit_end);
            out.push_back(std::move(f));
          } else {
            next = std::max(next, n->end);
          }
        } else if (is_digit(s()[i])) {   // a digit run too long to be a quantity (over 18 digits)
          size_t k = i;
          while (k < e && (is_digit(s()[k]) || s()[k] == U',' || s()[k] == U'.')) ++k;
          if (!too_long_) too_long_first_ = t_.input_span(i, k);
          ++too_long_;
          next = k;
        }
      }
      i = next;
    }
    label_block(b, e, out, first);
  }

 private:
  const NormText& t_;
  const Vocab& v_;
  size_t block_begin_ = 0, block_end_ = 0;   // the block being scanned
  std::vector<std::pair<size_t, size_t>> names_;   // fixed names of the block, [begin, end), in text order
  size_t names_scanned_ = 0;                       // names_ holds those starting before this
  size_t too_long_ = 0;
  Span too_long_first_;

  const std::u32string& s() const { return t_.chars; }

  // Whether [b, e) overlaps a fixed name of the block. Names are looked for
  // only where one can reach a quantity, from the longest name's length before
  // it; quantities come in text order, so each char is looked at once.
  bool in_name(size_t b, size_t e) {
    size_t from = b > block_begin_ + v_.longest_name ? b - v_.longest_name : block_begin_;
    const size_t scan_end = std::min(e, block_end_);
    for (size_t i = v_.names.next_opening(s(), std::max(names_scanned_, from), scan_end); i < scan_end;
         i = v_.names.next_opening(s(), i + 1, scan_end))
      for (const auto& name : *v_.names.starting_with(s()[i]))
        if (matches_at(s(), i, block_end_, name.first)) names_.emplace_back(i, i + name.first.size());
    names_scanned_ = std::max(names_scanned_, e);
    auto it = std::lower_bound(names_.begin(), names_.end(), std::make_pair(from, size_t{0}));
    for (; it != names_.end() && it->first < e; ++it)
      if (b < it->second) return true;
    return false;
  }

  bool starts_number(size_t i, size_t b) const {
    char32_t c = s()[i];
    bool digit = is_digit(c);
    bool cn = is_cn_digit(c) && c != U'万' && c != U'亿' && c != U'百' && c != U'千';
    if (!digit && !cn && !(c == U'百' && starts_with_at(s(), i, U"百分之"sv))) return false;
    if (i > b) {
      char32_t p = s()[i - 1];
      if (digit && (is_digit(p) || is_ascii_alpha(p) || p == U'.' || p == U'+' || p == U'-' || p == U'/')) return false;
      if (!digit && is_cn_digit(p)) return false;
    }
    return true;
  }

  const Unit* unit_at(size_t j) const {
    auto* unit = v_.units_index.match_at(s(), j, s().size());   // longest first
    return unit ? &v_.units[unit->second] : nullptr;
  }

  // The first word of list written at j, found through its index.
  template <class List>
  const typename List::value_type* word_at(const List& list, const PhraseIndex<size_t>& index, size_t j) const {
    auto* word = index.match_at(s(), j, s().size());
    return word ? &list[word->second] : nullptr;
  }

  // Whether the number n read in the block [b, e) starts a quantity, which it
  // writes in f (left half-written when not).
  bool read_quantity(const Number& n, size_t b, size_t e, Found& f) {
    if (n.end > e) return false;
    const size_t i = n.begin;
    f.num_begin = i;
    f.text_begin = i;
    f.value = n.value;
    size_t j = n.end;
    // bound before the number: 超300项, 突破 160 家
    size_t k = i;
    while (k > b && s()[k - 1] == U' ') --k;
    auto ends_at = [&](const std::u32string& w) { return k >= b + w.size() && matches_at(s(), k - w.size(), k, w); };
    if (auto* list = k > b ? v_.approx_before_ending.starting_with(s()[k - 1]) : nullptr) {
      for (const auto& [reversed, a] : *list) {   // longest first
        const auto& w = v_.approx_before[a];
        if (!ends_at(w.first)) continue;
        f.approx = w.first;
        f.bound = w.second;
        f.text_begin = k - w.first.size();
        break;
      }
    }
    // leaders: 第24位 is a rank; 第二十三条, 六届二次 are ordinals
    bool ordinal = false;
    if (auto* list = k > b ? v_.leaders_ending.starting_with(s()[k - 1]) : nullptr)
      for (const auto& [reversed, l] : *list) ordinal |= ends_at(l);
    if (n.percent_words) {
      f.unit = "%";
      f.kind = "percent";
      f.unit_end = j;
    } else {
      size_t u = j;
      while (u < e && s()[u] == U' ' && u - j < 2) ++u;
      bool half = false;
      if (auto m = word_at(v_.approx_middle, v_.approx_middle_index, u)) {          // 30余件, 50多次
        if (unit_at(u + m->first.size())) {
          f.approx = m->first;
          f.bound = m->second;
          u += m->first.size();
        }
      } else if (starts_with_at(s(), u, U"个半"sv)) {          // 一个半月
        if (starts_with_at(s(), u + 2, U"月"sv) || starts_with_at(s(), u + 2, U"小时"sv)) { half = true; u += 2; }
      }
      const Unit* unit = half ? nullptr : unit_at(u);
      if (half) {
        bool month = starts_with_at(s(), u, U"月"sv);
        f.unit = month ? "月" : "小时";
        f.kind = "duration";
        f.value = Decimal{f.value.mantissa * 10 + 5, f.value.exponent - 1};
        f.unit_end = u + (month ? 1 : 2);
      } else if (unit) {
        f.unit = unit->base;
        f.unit_written = unit->base_as_written;
        f.kind = unit->kind;
        f.value = f.value.scaled(unit->scale);
        f.unit_end = u + unit->written.size();
        // 3场(次): a bracketed variant of the unit
        if (starts_with_at(s(), f.unit_end, U"(次)"sv)) { f.unit = unit->base_counted; f.unit_end += 3; }
      } else if (u < e && s()[u] == U':' && u + 1 < e && is_digit(s()[u + 1]) &&
                 std::u32string_view(s()).substr(k > b + 6 ? k - 6 : b, k - (k > b + 6 ? k - 6 : b)).find(U'比') !=
                     std::u32string_view::npos) {   // 收结比为1.04:1 (not a time 14:26)
        auto d = read_number(s(), u + 1);
        if (!d) return false;
        f.unit = "比";
        f.kind = "ratio";
        f.unit_end = d->end;
      } else {
        return false;
      }
      f.classifier = unit && unit->classifier;
    }
    if (ordinal) {
      if (!contains_word(v_.rank_units, f.unit)) return false;
      f.kind = "rank";
      f.classifier = false;
    }
    // bound after the unit: 4次以上
    if (f.approx.empty()) {
      if (auto w = word_at(v_.approx_after, v_.approx_after_index, f.unit_end)) {
        f.approx = w->first;
        f.bound = w->second;
        f.unit_end += w->first.size();
      }
    }
    f.text_end = f.unit_end;
    // traps: years (2025年 has no unit here), fixed names, 六届二次全会, 1+8, phase names
    if (in_name(f.num_begin, f.unit_end)) return false;
    if (f.unit_end < s().size() && s()[f.unit_end] == U'+') return false;
    size_t chain = f.unit_end;   // 二次、三次、四次全会
    while (chain + 2 < e && s()[chain] == U'、' && is_cn_digit(s()[chain + 1]) && s()[chain + 2] == U'次') chain += 3;
    if (v_.followers_index.match_at(s(), chain, s().size())) return false;
    if (n.chinese) {
      if (f.value.mantissa == 0) return false;   // 零部件
      if (f.value.mantissa == 1 && f.value.exponent == 0 && n.end - n.begin == 1 && !same(f.kind, "duration")) return false;
      if (contains_word(v_.phase_units, f.unit) && f.unit_end < e && is_han(s()[f.unit_end]))
        return false;   // 三期未来种子基金: the name of a phase
      if (k > b && (s()[k - 1] == U'届' || s()[k - 1] == U'第')) return false;
    }
    if (k > b && s()[k - 1] == U'〔') return false;
    return true;
  }

  // Labels, kinds, pairs and categories for the quantities of one block.
  void label_block(size_t b, size_t e, std::vector<Found>& out, size_t first) {
    for (size_t x = first; x < out.size(); ++x) {
      Found& f = out[x];
      // the clause: back to a clause break or the previous quantity
      // bounded, so a block of quantities with no clause break stays linear
      const std::u32string_view text(s());
      size_t floor = std::max(x > first ? out[x - 1].label_end : b, f.text_begin > b + kClauseReach ? f.text_begin - kClauseReach : b);
      size_t cb = back_to(v_.clause_breaks, text, f.text_begin, floor);
      size_t ce = next_in(v_.clause_breaks, text, f.unit_end, std::min(e, f.unit_end + kClauseReach));
      f.clause = text.substr(cb, ce - cb);
      size_t wide_floor = f.text_begin > b + kClauseReach ? f.text_begin - kClauseReach : b;
      size_t wb = back_to(v_.clause_breaks, text, cb, wide_floor);
      f.wide_clause = text.substr(wb, ce - wb);
      const std::u32string_view before = text.substr(cb, f.text_begin - cb);
      // kind words right before the number: 增长50.8%, 占比51.67%, 进步6位
      std::string_view kind_word;
      std::u32string_view kind_text;
      std::u32string_view core = before;   // 下降了3.5%, 占比达到45%: the kind word before 了 / 达到
      for (bool cut = true; cut && !core.empty() && v_.kind_word_tail_ends.has(core.back());) {
        cut = false;
        for (const std::u32string& tail : v_.kind_word_tails)
          if (core.size() > tail.size() && ends_with(core, tail)) {
            core.remove_suffix(tail.size());
            cut = true;
          }
      }
      if (const auto* kinds = core.empty() ? nullptr : v_.kind_words_ending.starting_with(core.back())) {
        for (const auto& [reversed, index] : *kinds) {   // longest first
          const auto& w = v_.kind_words[index];
          if (ends_with(core, w.first)) {
            kind_word = w.second;
            kind_text = w.first;
            break;
          }
        }
      }
      if (kind_word.empty() && same(f.unit, "%")) {   // 占在编人员的86%: a share of what the clause names
        size_t at = core.rfind(U'占');
        if (at != std::u32string_view::npos && ends_with_de(core) && core.size() - at <= 12) {
          kind_word = "share";
          kind_text = core.substr(at);
        }
      }
      if (!kind_word.empty() && (same(f.unit, "%") || same(f.unit, "百分点") || same(f.unit, "位"))) f.kind = kind_word;
      f.label_end = f.text_end;
      std::u32string after;
      bool has_after = f.unit_end < e && (is_han(s()[f.unit_end]) || s()[f.unit_end] == U'“' || s()[f.unit_end] == U'《');
      if (f.classifier && has_after) {
        size_t stop = f.unit_end;
        after = clean_label(noun_after(s(), f.unit_end, e, stop));
        if (after.size() >= 2) f.label_end = stop;
        else after.clear();
      } else if (same(f.unit, "次") && has_after && !same(f.kind, "rank")) {
        after = action_after(s(), f.unit_end, e);   // 先后8次召集专题会议
        if (after.size() < 2) after.clear();
      }
      std::u32string label = clean_label(before);
      if (!after.empty()) {
        label = ends_with_de(before) && !label.empty() && label.size() <= 6 ? label + U"的" + after : std::move(after);
      } else if (ends_with_de(before) && f.classifier && x > first) {   // 目前已通过审批准入的35家: the noun is elided
        label += U"的" + out[x - 1].label;
      }
      // a bare change or share word, or a bare verb: carry the noun of the quantity before
      bool bare_kind = !kind_text.empty() && (label.size() <= kind_text.size() + 3 || clean_label(label) == clean_label(kind_text));
      if (x > first && (label.empty() || bare_kind || is_verb_only(label))) {
        std::u32string prev = out[x - 1].label;
        if (size_t vl = leading_verb_length(prev); vl && is_verb_only(label)) prev.erase(0, vl);
        label = label.empty() ? prev : (is_verb_only(label) ? label + prev : prev + U" " + label);
      }
      f.label = std::move(label);
    }
    distribute(out, first);
    // from-to pairs: 由16个减至14个, 由法定的20个工作日缩短至3个工作日
    for (size_t x = first + 1; x < out.size(); ++x) {
      Found& a = out[x - 1];
      Found& c = out[x];
      std::u32string_view between = std::u32string_view(s()).substr(a.text_end, c.text_begin - a.text_end);
      if (a.unit == c.unit && contains_word(v_.from_to, between)) {
        a.role = "from";
        c.role = "to";
        if (c.label.empty() || c.label.size() < a.label.size()) c.label = a.label;
      }
    }
    for (size_t x = first; x < out.size(); ++x)
      if (out[x].label.empty()) out[x].label = std::u32string(out[x].clause);
  }

  static bool ends_with_de(std::u32string_view s) { return !s.empty() && s.back() == U'的'; }

  // 分别: 办理市人大代表建议、市政协委员提案138件、164件 pairs nouns with numbers in order.
  void distribute(std::vector<Found>& out, size_t first) {
    for (size_t x = first; x < out.size(); ++x) {
      size_t run = 1;   // quantities in a row, one 、 apart
      while (x + run < out.size() && out[x + run - 1].text_end + 1 == out[x + run].text_begin &&
             s()[out[x + run - 1].text_end] == U'、')
        ++run;
      if (run < 2 || !contains(out[x].clause, U"分别"sv)) continue;
      std::u32string nouns = clean_label(out[x].label);
      std::vector<std::u32string> parts;
      size_t p = 0;
      while (p <= nouns.size()) {
        size_t q = nouns.find(U'、', p);
        if (q == std::u32string::npos) q = nouns.size();
        parts.push_back(nouns.substr(p, q - p));
        p = q + 1;
      }
      if (parts.size() != run) continue;
      // the verb before the first noun belongs to all: 办理市人大代表建议 / 市政协委员提案
      for (size_t k = 0; k < run; ++k) out[x + k].label = clean_label(parts[k]);
      x += run - 1;
    }
  }

};

}  // namespace

std::string base_unit(const std::string& unit) {
  const std::u32string written = from_utf8(unit);
  for (const Unit& u : vocab().units)
    if (u.written == written) return u.base;
  return unit;
}

IndicatorScan find_indicators(const Segmented& seg, const std::vector<Section>& sections, const std::u32string& input) {
  IndicatorScan scan;
  Scanner scanner(seg);
  std::vector<Found> found;
  found.reserve(seg.text.size() / 64);   // reports state about one quantity per 60 chars: most grow no further
  for (const Block& b : seg.blocks) scanner.block(b.begin, b.end, found);
  if (scanner.too_long())
    scan.diagnostics.push_back({"number_too_long", Severity::warning,
                                std::to_string(scanner.too_long()) + " 处数字超过 18 位，无法作为数量读取，已跳过（首处见所标位置）。",
                                scanner.too_long_first()});
  const NormText& t = seg.text;
  scan.indicators.reserve(found.size());
  Categorizer categorizer;
  const SectionFinder owners(sections);
  const bool traditional = !t.written_as.empty();   // words from the vocabulary are shown as the report writes them
  for (Found& f : found) {
    Indicator& x = scan.indicators.emplace_back();
    x.text = printed(t, input, f.text_begin, f.text_end);
    x.span = t.input_span(f.text_begin, f.text_end);
    x.value = f.value.to_double();
    x.label = t.as_written(f.label);
    // a label of a word or two (登记) says less than its clause (技术合同认定接件693次、完成登记1563份)
    bool thin = f.label.size() <= 3;
    const std::string* category = &categorizer.categorize(thin ? f.wide_clause : f.label, f.clause, f.unit);
    if (category->empty()) category = &categorizer.categorize(thin ? f.label : f.wide_clause, f.wide_clause, f.unit);
    x.category = *category;
    x.unit = traditional && f.unit_written ? t.as_written(from_utf8(f.unit)) : std::string(f.unit);
    if (!f.approx.empty()) x.approx = traditional ? t.as_written(f.approx) : to_utf8(f.approx);
    if (!f.bound.empty()) x.bound = f.bound;   // most have none: an empty string stays as constructed
    x.kind = f.kind;
    if (!f.role.empty()) x.role = f.role;
    x.section = owners.at(x.span.begin);
  }
  return scan;
}

}  // namespace reportlens
