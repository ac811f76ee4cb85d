// Reading input: decoding (UTF-8, BOM, UTF-16, invalid bytes), the targeted
// fold, noise removal and page-break joins, and input the analyzer cannot use.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "decode.h"
#include "normalize.h"
#include "report.h"
#include "segment.h"
#include "text.h"

namespace {

bool has_diag(const reportlens::Result& r, const std::string& code) {
  for (const auto& d : r.diagnostics) if (d.code == code) return true;
  return false;
}

std::string cleaned(const std::string& in) {
  std::vector<reportlens::Diagnostic> d;
  auto dec = reportlens::decode(in, 1 << 20, d);
  auto n = reportlens::normalize(dec, d);
  auto s = reportlens::segment(n, d);
  return reportlens::to_utf8(s.text.chars);
}

}  // namespace

TEST_CASE("fold: exactly the characters meant, no blanket NFKC") {
  using reportlens::fold_char;
  CHECK(fold_char(U'１') == U'1');
  CHECK(fold_char(U'Ａ') == U'A');
  CHECK(fold_char(U'％') == U'%');
  CHECK(fold_char(U'（') == U'(');
  CHECK(fold_char(U'　') == U' ');
  CHECK(fold_char(0x00A0) == U' ');
  CHECK(fold_char(U'①') == U'①');   // NFKC would make it 1
  CHECK(fold_char(U'⑴') == U'⑴');
  CHECK(fold_char(U'㈠') == U'㈠');
  CHECK(fold_char(U'，') == U'，');   // not a thousands separator
  CHECK(fold_char(U'舉') == U'举');   // traditional -> simplified, for matching
  CHECK(cleaned("１２．５％") == "12.5%");
  CHECK(cleaned("时间１４：２６") == "时间14:26");
  CHECK(cleaned("甲：乙") == "甲：乙");
}

TEST_CASE("formatting and furniture are dropped, offsets kept") {
  CHECK(cleaned("### **一、主要举措**") == "一、主要举措");
  CHECK(cleaned("<p>第一段</p><p>第二&nbsp;段 &amp; 完</p><script>alert(1)</script>") == "第一段\n第二 段 & 完");
  CHECK(cleaned("⠂ ⠼/span>二、推进法治建设") == "二、推进法治建设");
  CHECK(cleaned("您现在的位置: 首页 > 信息公开\n正文。") == "正文。");
  CHECK(cleaned("【字体：大 中 小】\n正文。\n打印本页 关闭窗口") == "正文。");
  CHECK(cleaned("正文第一段。\n- 3 -\n正文第二段。") == "正文第一段。\n正文第二段。");
  CHECK(cleaned("| 指标 | 2023年 |\n|---|---|\n| 案件 | 12件 |") == "指标   2023年\n案件   12件");
  // a paragraph split by a page break is joined; a heading is never joined onto
  CHECK(cleaned("打造一支人人都是科技法律法规政策宣传员的科技普法队伍，加强科室\n\n之间业务互通。") ==
        "打造一支人人都是科技法律法规政策宣传员的科技普法队伍，加强科室之间业务互通。");
  // a line that ends on ， or 、 (title_ends.txt's [open_ends]) runs on; one that ends on ； does not
  CHECK(cleaned("全年共办理行政复议案件二十件，行政诉讼案件十五件，\n\n其中败诉案件一件。") ==
        "全年共办理行政复议案件二十件，行政诉讼案件十五件，其中败诉案件一件。");
  CHECK(cleaned("全年共办理行政复议案件二十件，行政诉讼案件十五件、\n\n行政赔偿案件一件。") ==
        "全年共办理行政复议案件二十件，行政诉讼案件十五件、行政赔偿案件一件。");
  CHECK(cleaned("全年共办理行政复议案件二十件，行政诉讼案件十五件；\n\n其中败诉案件一件。") ==
        "全年共办理行政复议案件二十件，行政诉讼案件十五件；\n其中败诉案件一件。");
  CHECK(cleaned("(二)强化责任落\n履行推进法治建设第一责任人职责。") == "(二)强化责任落\n履行推进法治建设第一责任人职责。");
  CHECK(cleaned("二、2024年党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况\n市科技局主要负责人认真履行职责。") ==
        "二、2024年党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况\n市科技局主要负责人认真履行职责。");
}

TEST_CASE("short lines seen three times or more are running headers, dropped") {
  CHECK(cleaned("某市司法局\n正文一。\n某市司法局\n正文二。\n某市司法局\n正文三。\n内部资料\n正文四。\n内部资料\n正文五。") ==
        "正文一。\n正文二。\n正文三。\n内部资料\n正文四。\n内部资料\n正文五。");
  // lines of a few texts in random order and numbers, among body lines: each
  // text's lines go when it has three or more (segment groups them by a hash)
  const std::string pool[] = {"某市司法局", "内部资料注意保存", "草稿", "某某区人民政府办公室", "机密", "页眉文字"};
  std::mt19937 rng(11);
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> lines;
    int counts[6] = {};
    for (int k = 0; k < 6; ++k) {
      counts[k] = static_cast<int>(rng() % (round % 2 ? 5 : 400));
      for (int c = 0; c < counts[k]; ++c) lines.push_back(pool[k]);
    }
    for (int b = 0; b < 30; ++b) lines.push_back("正文第" + std::to_string(b) + "段。");
    std::shuffle(lines.begin(), lines.end(), rng);
    std::string in, expected;
    for (const std::string& l : lines) {
      in += l + "\n";
      size_t k = std::find(std::begin(pool), std::end(pool), l) - std::begin(pool);
      if (k < 6 && counts[k] >= 3) continue;
      expected += (expected.empty() ? "" : "\n") + l;
    }
    CHECK(cleaned(in) == expected);
  }
  // a thousand texts (past the first sizes of segment's table of texts), each
  // on 1 to 4 lines in random order
  std::vector<std::pair<std::string, int>> texts;
  for (int k = 0; k < 1000; ++k) texts.emplace_back("栏目" + std::to_string(k), 1 + static_cast<int>(rng() % 4));
  std::vector<size_t> order;
  for (size_t k = 0; k < texts.size(); ++k) order.insert(order.end(), texts[k].second, k);
  std::shuffle(order.begin(), order.end(), rng);
  std::string in, expected;
  for (size_t k : order) {
    in += texts[k].first + "\n正文。\n";
    expected += (texts[k].second >= 3 ? "" : texts[k].first + "\n") + "正文。\n";
  }
  expected.pop_back();
  CHECK(cleaned(in) == expected);
}

TEST_CASE("decoding") {
  SUBCASE("a U+FEFF in the text keeps its offset (JavaScript's string has it at index 0)") {
    auto r = reportlens::analyze("\xEF\xBB\xBF" "开展审查20次。");
    REQUIRE(r.indicators.size() == 1);
    CHECK(r.indicators[0].span.begin == 5);
    CHECK(r.indicators[0].span.end == 8);
  }
  SUBCASE("UTF-16 LE with BOM") {
    std::u16string s = u"开展审查20次。";
    std::string bytes = "\xFF\xFE";
    for (char16_t c : s) { bytes += static_cast<char>(c & 0xFF); bytes += static_cast<char>(c >> 8); }
    auto r = reportlens::analyze(bytes);
    REQUIRE(r.indicators.size() == 1);
    CHECK(r.indicators[0].text == "20次");
    CHECK(has_diag(r, "utf16_input"));
  }
  SUBCASE("UTF-16 BE with BOM") {
    std::u16string s = u"开展审查20次。";
    std::string bytes = "\xFE\xFF";
    for (char16_t c : s) { bytes += static_cast<char>(c >> 8); bytes += static_cast<char>(c & 0xFF); }
    auto r = reportlens::analyze(bytes);
    REQUIRE(r.indicators.size() == 1);
  }
  SUBCASE("invalid UTF-8 mid-text: U+FFFD, a warning with the offset, the rest read") {
    auto r = reportlens::analyze("开展审查20次。\xC3\x28\xFF 办理许可447件。");
    CHECK(has_diag(r, "invalid_utf8"));
    CHECK(r.indicators.size() == 2);
    for (const auto& d : r.diagnostics)
      if (d.code == "invalid_utf8") CHECK(d.message.find("第 20 字节") != std::string::npos);
  }
  SUBCASE("3-byte forms at the edges of the common run, at every alignment") {
    // the run takes U+0800-D7FF and U+E000-FFFF but U+FFFD, two at a time or
    // one; an overlong form or a surrogate is invalid (a U+FFFD a byte, the
    // WHATWG rule), and a U+FFFD as written is counted as one
    const std::pair<std::string, std::u32string> cases[] = {
        {"\xE0\xA0\x80", U"\u0800"},           {"\xED\x9F\xBF", U"\uD7FF"},
        {"\xEE\x80\x80", U"\uE000"},           {"\xEF\xBF\xBF", U"\uFFFF"},
        {"\xEF\xBC\x8C", U"，"},                {"\xEF\xBF\xBD", U"\uFFFD"},
        {"\xE0\x80\x80", U"\uFFFD\uFFFD\uFFFD"}, {"\xED\xA0\x80", U"\uFFFD\uFFFD\uFFFD"},
    };
    for (const auto& [bytes, chars] : cases) {
      for (const std::string before : {"", "a", "甲", "甲乙", "a甲"}) {
        for (const std::string after : {"", "乙", "乙丙丁", "b"}) {
          CAPTURE(before);
          CAPTURE(after);
          std::vector<reportlens::Diagnostic> d;
          const auto dec = reportlens::decode(before + bytes + after, 1 << 20, d);
          CHECK(dec.chars == reportlens::from_utf8(before) + chars + reportlens::from_utf8(after));
          const bool invalid = chars.size() == 3;
          CHECK(std::any_of(d.begin(), d.end(), [](const auto& x) { return x.code == "invalid_utf8"; }) == invalid);
        }
      }
    }
  }
  SUBCASE("astral characters count two UTF-16 units") {
    auto r = reportlens::analyze("𠀀𠀁开展审查20次。");
    REQUIRE(r.indicators.size() == 1);
    CHECK(r.indicators[0].span.begin == 8);
  }
}

// The WHATWG UTF-8 decoder as the standard writes it, a byte at a time: the
// reference decode() is held to, whichever path its common run takes.
std::u32string whatwg_utf8(const std::string& bytes) {
  std::u32string out;
  char32_t c = 0;
  int needed = 0, seen = 0;
  unsigned lower = 0x80, upper = 0xBF;
  for (size_t i = 0; i <= bytes.size();) {
    if (i == bytes.size()) {
      if (needed) out += U'\uFFFD';
      break;
    }
    const unsigned b = static_cast<unsigned char>(bytes[i]);
    if (needed == 0) {
      ++i;
      if (b < 0x80) out += static_cast<char32_t>(b);
      else if (b >= 0xC2 && b <= 0xDF) needed = 1, c = b & 0x1F;
      else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2, c = b & 0xF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3, c = b & 0x7;
      } else out += U'\uFFFD';
      continue;
    }
    if (b < lower || b > upper) {   // the byte is read again
      c = 0, needed = seen = 0, lower = 0x80, upper = 0xBF;
      out += U'\uFFFD';
      continue;
    }
    ++i;
    lower = 0x80, upper = 0xBF;
    c = c << 6 | (b & 0x3F);
    if (++seen == needed) out += c, c = 0, needed = seen = 0;
  }
  return out;
}

TEST_CASE("decoding long mixed texts: what the standard's decoder gives, at every alignment of every form") {
  // runs long enough for the 16-byte steps, with every form the common run
  // takes or leaves at its edges: ASCII and line feeds, controls, 2- and
  // 4-byte chars, the 3-byte bounds, U+FFFD as written, overlong forms,
  // surrogates, stray and truncated bytes
  const std::string tokens[] = {"a", "7", " ", "\n", "\r", "\t", std::string(1, '\0'), "\x01", "\x1B", "\x7F", "\xC3\xA9", "\xE0\xA0\x80",
                                "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF", "\xEF\xBF\xBD", "\xEF\xBC\x8C", "\xE0\x80\x80",
                                "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF0\x9F\x98\x80", "\xFF", "\x80", "\xE4\xB8", "\xF0\x9F\x98",
                                "中", "华", "人民共和国", "审查20次，", "abcdefghijklmnop"};
  const size_t kTokens = sizeof tokens / sizeof tokens[0];
  const std::string han = "法治政府建设";
  std::mt19937 rng(2026);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes;
    const size_t pieces = 1 + rng() % 40;
    for (size_t k = 0; k < pieces; ++k) {
      // mostly Han text, as reports are: runs of it between the others
      if (rng() % 3) {
        for (size_t h = rng() % 12; h-- > 0;) bytes += han.substr(3 * (rng() % 6), 3);
      } else {
        bytes += tokens[rng() % kTokens];
      }
    }
    CAPTURE(bytes);
    std::vector<reportlens::Diagnostic> d;
    const auto dec = reportlens::decode(bytes, 1 << 20, d);
    const std::u32string want = whatwg_utf8(bytes);
    CHECK(dec.chars == want);
    std::vector<uint32_t> astral;
    size_t nul = 0, controls = 0, replaced = 0;   // what marks binary data, as decode() counts it
    for (size_t i = 0; i < want.size(); ++i) {
      if (want[i] > 0xFFFF) astral.push_back(static_cast<uint32_t>(i));
      nul += want[i] == 0;
      controls += want[i] < 0x20 && want[i] != 0 && want[i] != U'\n' && want[i] != U'\r' && want[i] != U'\t' && want[i] != U'\f';
      replaced += want[i] == 0xFFFD;
    }
    CHECK(dec.astral == astral);
    const bool binary = nul * 100 > want.size() || (controls + replaced) * 10 > want.size() * 3;
    CHECK(std::any_of(d.begin(), d.end(), [](const auto& x) { return x.code == "binary_input"; }) == binary);
    for (const auto& x : d)
      if (x.code == "binary_input")
        CHECK(x.message.find(std::to_string(nul) + " 个 NUL，" + std::to_string(controls + replaced) + " 个控制或无效字符") != std::string::npos);
    for (const auto& x : d)   // the replacements counted, those of invalid bytes and those written as U+FFFD
      if (x.code == "invalid_utf8") CHECK(x.message.find("共 " + std::to_string(replaced) + " 处") != std::string::npos);
  }
}

TEST_CASE("normalize's runs: every char of plain text kept, folded and placed as one at a time, at every alignment") {
  // text with no markup: Han chars (simplified, and traditional ones whose
  // simplified forms it lacks), plain punctuation, ASCII, full-width forms,
  // chars beyond the BMP (U+E4E00, unassigned, becomes U+FFFD: its low 16
  // bits are 一's, a char a run copies) and line ends, in runs of every length, so that the
  // run copy's steps of four meet each kind at each of their four places
  const std::u32string pool[] = {U"法", U"治", U"政府", U"建设年度", U"國", U"會", U"體", U"審", U"規", U"，", U"。", U"、",
                                 U"“", U"”", U"《", U"》", U"a", U"Z", U"7", U"0", U" ", U"（", U"）", U"％", U"１",
                                 U"𠀀", U"𪚥", U"\U000E4E00", U"\n", U"行政复议案件办理"};
  const size_t kPool = sizeof pool / sizeof pool[0];
  std::mt19937 rng(4);
  for (int round = 0; round < 2000; ++round) {
    std::u32string in = U"开";   // a Han char first: no line starts with a markdown mark
    for (size_t pieces = 1 + rng() % 30; pieces-- > 0;) {
      in += pool[rng() % kPool];
      if (in.back() == U'\n') in += U"开";
    }
    CAPTURE(reportlens::to_utf8(in));
    reportlens::Decoded dec;
    dec.chars = in;
    std::vector<reportlens::Diagnostic> d;
    const reportlens::NormText t = reportlens::normalize(dec, d);
    REQUIRE(t.size() == in.size());
    std::u32string want, written;   // written: Han chars as written (the folds noted), the others as folded
    std::vector<uint32_t> from, to;
    for (size_t i = 0; i < in.size(); ++i) {
      want += in[i] == 0xE4E00 ? char32_t{0xFFFD} : reportlens::fold_char(in[i]);
      written += reportlens::is_han(in[i]) ? in[i] : want.back();
      from.push_back(static_cast<uint32_t>(i));
      to.push_back(static_cast<uint32_t>(i + 1));
    }
    CHECK(reportlens::to_utf8(t.chars) == reportlens::to_utf8(want));
    CHECK(std::vector<uint32_t>(t.from.begin(), t.from.end()) == from);
    CHECK(std::vector<uint32_t>(t.to.begin(), t.to.end()) == to);
    CHECK(std::count(t.flags.begin(), t.flags.end(), 0) == static_cast<long>(in.size()));
    CHECK(t.as_written(t.chars) == reportlens::to_utf8(written));   // each traditional char noted where it was folded
  }
}

TEST_CASE("written forms: every pair added is found, through the table's growth; other chars map to themselves") {
  reportlens::WrittenForms forms;
  CHECK(forms.empty());
  CHECK(forms.of(U'发') == U'发');
  std::mt19937 rng(11);
  std::vector<std::pair<char32_t, char32_t>> added;
  for (char32_t c = 0x4E00; added.size() < 3000; c += 1 + rng() % 3) added.emplace_back(c, c + 0x20000);   // BMP and astral forms
  added.emplace_back(0x20001, U'𠀀');   // an astral folded char
  for (const auto& [folded, input] : added) forms.add(folded, input);
  forms.add(0, U'x');   // 0 marks a free slot: never a folded char
  CHECK(forms.size() == added.size());
  for (const auto& [folded, input] : added) CHECK(forms.of(folded) == input);
  for (char32_t c : {U'a', U'。', char32_t{0x4DFF}, char32_t{0x20002}, char32_t{0}}) CHECK(forms.of(c) == c);
}

TEST_CASE("traditional input: labels as written, through many distinct folded chars") {
  // 長/长 … each folded char keeps the first traditional form met, and a
  // label built from the cleaned text is shown in it
  auto r = reportlens::analyze("一、主要舉措和成效\n全年辦理行政複議案件20件，審查規範性文件15件。\n");
  REQUIRE(r.indicators.size() == 2);
  CHECK(r.indicators[0].label.find("複議") != std::string::npos);
  CHECK(r.indicators[1].label.find("規範性文件") != std::string::npos);
}

TEST_CASE("partition_point_masked finds what std::partition_point finds") {
  // the search behind SectionFinder and the checks' cleaned ranges
  std::mt19937 rng(7);
  for (size_t n = 0; n <= 40; ++n) {
    std::vector<int> v(n);
    for (int& x : v) x = static_cast<int>(rng() % 16);
    std::sort(v.begin(), v.end());
    for (int key = -1; key <= 17; ++key) {
      const auto below = [key](int x) { return x < key; };
      CHECK(reportlens::partition_point_masked(v.data(), n, below) - v.data() ==
            std::partition_point(v.begin(), v.end(), below) - v.begin());
    }
  }
}

TEST_CASE("input the analyzer cannot use: an error diagnostic, never a crash") {
  SUBCASE("empty") {
    auto r = reportlens::analyze("");
    CHECK(has_diag(r, "empty_input"));
  }
  SUBCASE("1 MB of random bytes") {
    std::mt19937 rng(42);
    std::string bytes(1 << 20, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    auto r = reportlens::analyze(bytes);
    CHECK(has_diag(r, "binary_input"));
    CHECK(r.indicators.empty());
  }
  SUBCASE("NUL bytes") {
    auto r = reportlens::analyze(std::string("abc\0\0\0\0def", 10));
    CHECK(has_diag(r, "binary_input"));
  }
  SUBCASE("over the size limit: cut, analyzed, error diagnostic") {
    reportlens::Options o;
    o.max_input_bytes = 1000;
    std::string big;
    while (big.size() < 5000) big += "开展审查20次。";
    auto r = reportlens::analyze(big, o);
    CHECK(has_diag(r, "input_too_large"));
    CHECK(!r.indicators.empty());
    CHECK(r.indicators.size() < 100);
  }
  SUBCASE("bad options JSON keeps defaults with a warning") {
    std::string j = reportlens::analyze_to_json("开展审查20次。", "{not json");
    CHECK(j.find("bad_options") != std::string::npos);
    CHECK(j.find("\"20次\"") != std::string::npos);
  }
}
