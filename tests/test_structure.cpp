// Structure: markers, levels inferred from nesting, titles, points, parts and
// metadata, as tables of small documents -> compact dumps.
#include <doctest/doctest.h>

#include <string>

#include "helpers.h"
#include "meta.h"
#include "parts.h"

using reportlens::test::check_table;
using reportlens::test::Case;
using reportlens::test::headings;
using reportlens::test::parts;

namespace {

const Case kHeadings[] = {
    // markers and full-width forms
    {"一、主要举措\n正文。\n二、存在不足\n正文。", "1:一、主要举措 > 1:二、存在不足"},
    {"（一）加强领导。正文\n（二）完善制度。正文", "1:(一)加强领导 > 1:(二)完善制度"},
    {"一、甲\n1.子一。正文\n2、子二。正文\n３．子三。正文", "1:一、甲 > 2:1.子一 > 2:2.子二 > 2:3.子三"},
    {"一、甲\n(1)子一。\n(2)子二。", "1:一、甲 > 2:(1)子一 > 2:(2)子二"},
    {"一、甲\n①子一。\n②子二。", "1:一、甲 > 2:①子一 > 2:②子二"},
    {"一、甲\n⑴子一。\n⑵子二。", "1:一、甲 > 2:⑴子一 > 2:⑵子二"},
    {"第一部分 总体情况\n正文。\n第二部分 存在问题\n正文。", "1:第一部分总体情况 > 1:第二部分存在问题"},
    // levels from this document's nesting: 1. under (一), and 1. directly under 一、
    {"一、甲\n(一)乙。\n1.丙。\n2.丁。\n(二)戊。\n1.己。\n二、庚\n1.辛。",
     "1:一、甲 > 2:(一)乙 > 3:1.丙 > 3:2.丁 > 2:(二)戊 > 3:1.己 > 1:二、庚 > 2:1.辛"},
    // markdown marks are formatting, not levels
    {"### **一、主要举措**\n正文。\n## **(一)加强领导**\n正文。", "1:一、主要举措 > 2:(一)加强领导"},
    {"**1. 强化组织领导。**积极履行职责。", "1:1.强化组织领导"},
    // titles: up to 。, a bold close, the line end, or where the body begins
    {"一、甲\n(一)以法治实践破题,激活动能。一是筑牢根基。", "1:一、甲 > 2:(一)以法治实践破题,激活动能"},
    {"一、甲\n1.加强法治教育培训一是督促学习。", "1:一、甲 > 2:1.加强法治教育培训"},
    {"一、甲\n1.研究起草加快推进科技自立自强的政策措施为全面贯彻落实重要讲话精神成立专班牵头起草政策文件",
     "1:一、甲 > 2:1.研究起草加快推进科技自立自强的政策措施"},
    // a heading after 。 mid-line, when it continues an open style
    {"一、甲\n正文。二、乙。正文。", "1:一、甲 > 1:二、乙"},
    // not headings: numbers that merely start a line, broken sequences
    {"2025年,市科技局认真落实。\n1.5万元用于培训。\n12345热线畅通。", ""},
    {"一、甲\n四、乙", "1:一、甲"},
    {"一、甲\n三、乙", "1:一、甲 > 1:三、乙"},
    {"二、甲\n正文。", ""},
    // a contents block (dot leaders and page numbers) is not headings
    {"目 录\n一、主要举措……………………1\n二、存在不足……………………5\n一、主要举措\n正文。",
     "1:一、主要举措"},
    // the same style restarts under a new parent
    {"一、甲\n1.子。\n2.子。\n二、乙\n1.子。\n2.子。", "1:一、甲 > 2:1.子 > 2:2.子 > 1:二、乙 > 2:1.子 > 2:2.子"},
};

const Case kParts[] = {
    {"一、2025年度推进法治政府建设的主要举措和成效\n二、存在的不足和原因\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n四、2026年度工作安排\n五、其他需要报告的情况",
     "measures shortcomings leadership plans other"},
    {"一、主要负责人履行推进法治政府建设工作第一责任人职责情况\n二、推进法治建设工作的举措成效\n三、问题和不足\n四、2025年工作打算",
     "leadership measures shortcomings plans"},
    // organised by topic: unnamed sections before the shortcomings are measures
    {"一、依法全面履行政府职能\n二、完善依法行政制度体系\n三、存在问题短板及原因\n四、下一步工作计划\n五、履行法院生效裁判情况",
     "measures measures shortcomings plans other"},
    {"一、工作开展情况\n二、存在的问题\n三、下一年度主要安排\n四、对全市加强法治政府建设的意见、建议",
     "measures shortcomings plans other"},
    {"一、2024年党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况",
     "leadership"},
    {"一、2023年法治政府建设工作开展情况\n二、存在的问题及原因\n三、主要负责人履职情况\n四、2024年工作思路\n五、其他需要说明的情况",
     "measures shortcomings leadership plans other"},
    // traditional characters are matched on their simplified form
    {"一、主要舉措和成效\n二、存在的不足和原因\n三、第一責任人職責情況\n四、下一年度工作安排",
     "measures shortcomings leadership plans"},
};

}  // namespace

TEST_CASE("headings: markers, levels, titles") {
  check_table(kHeadings, headings);
}

TEST_CASE("parts: titles and context") {
  check_table(kParts, parts);
}

TEST_CASE("points: 一是 二是 inside their section") {
  auto r = reportlens::analyze("一、举措\n(一)加强领导。一是健全机制，细化分工；二是强化学习，提升能力。三是推动落实。");
  REQUIRE(r.sections.size() == 2);
  const auto& pts = r.sections[1].points;
  REQUIRE(pts.size() == 3);
  CHECK(pts[0].marker == "一是");
  CHECK(pts[0].title == "健全机制");
  CHECK(pts[1].title == "强化学习");
  CHECK(pts[2].marker == "三是");
  CHECK(r.sections[0].points.empty());
}

TEST_CASE("metadata") {
  SUBCASE("web page: title, agency, region, year, labelled date") {
    auto r = reportlens::analyze(
        "您现在的位置: 首页 > 信息公开\n\n长春市科学技术局2025年度法治政府建设报告\n\n时间:2026-01-28 14:26 来源:政策法规处\n"
        "2025年,市科技局认真落实。\n一、主要举措和成效\n正文。");
    CHECK(r.meta.title == "长春市科学技术局2025年度法治政府建设报告");
    CHECK(r.meta.agency == "长春市科学技术局");
    CHECK(r.meta.region == "长春市");
    CHECK(r.meta.report_year == 2025);
    CHECK(r.meta.published == "2026-01-28");
    CHECK(r.meta.published_source == "label");
  }
  SUBCASE("official document: 文号, 签发人, signature date") {
    auto r = reportlens::analyze(
        "晋城市科学技术局文件\n晋市科字〔2024〕1号\n签发人：郑 泽\n晋城市科学技术局 2023年法治政府建设工作情况的报告\n市委、市政府：\n"
        "一、主要举措和成效\n正文。\n晋城市科学技术局\n2024年1月5日\n晋城市科学技术局办公室 2024年1月5日印发");
    CHECK(r.meta.doc_number == "晋市科字〔2024〕1号");
    CHECK(r.meta.signer == "郑泽");
    CHECK(r.meta.report_year == 2023);
    CHECK(r.meta.published == "2024-01-05");
    CHECK(r.meta.published_source == "signature");
  }
  SUBCASE("title printed over two lines is joined") {
    auto r = reportlens::analyze("长春市科学技术局\n2025年度法治政府建设报告\n一、主要举措和成效\n正文。");
    CHECK(r.meta.title == "长春市科学技术局2025年度法治政府建设报告");
  }
  SUBCASE("no title: agency from the opening, year from it, region from the text") {
    auto r = reportlens::analyze("2021年,市科技局认真按照法治政府建设的要求开展工作，推进《长春市科技创新条例》。\n一、主要举措和成效\n正文。");
    CHECK(r.meta.title == std::nullopt);
    CHECK(r.meta.agency == "市科技局");
    CHECK(r.meta.report_year == 2021);
    CHECK(r.meta.region == "长春市");
  }
  SUBCASE("no agency place: the prefecture the text names most, a tie to the first in code-point order") {
    auto most = reportlens::analyze(
        "2021年,市科技局认真开展工作。\n一、主要举措和成效\n与长春市、苏州市合作，苏州市工业园区和长春市长春市新区。\n");
    CHECK(most.meta.region == "长春市");
    auto tie = reportlens::analyze("2021年,市科技局认真开展工作。\n一、主要举措和成效\n与长春市、苏州市两地合作办理。\n");
    CHECK(tie.meta.region == "苏州市");
  }
  SUBCASE("collapsed date at the end, only one reading") {
    auto r = reportlens::analyze("苏州市科技局2024年度法治政府建设情况报告\n一、主要举措和成效\n正文。\n苏州市科学技术局\n2025212");
    CHECK(r.meta.published == "2025-02-12");
    CHECK(r.meta.published_source == "collapsed");
  }
  SUBCASE("the same body under two names") {
    CHECK(reportlens::canonical_agency("市科技局") == "市科学技术局");
    CHECK(reportlens::canonical_agency("长春市科技局") == "长春市科学技术局");
    CHECK(reportlens::canonical_agency("长春市科学技术局") == "长春市科学技术局");
    CHECK(reportlens::canonical_agency("某市市场监管局") == "某市市场监督管理局");
  }
}
