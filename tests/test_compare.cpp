// Comparison: alignment by category and unit, by label where no category fits,
// nothing to align, same-body detection, and the golden comparison of the
// shared corpus (tests/golden/compare.json).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "compare.h"
#include "json.h"
#include "report.h"

namespace {

reportlens::NamedResult report(const std::string& name, const std::string& text) { return {name, reportlens::analyze(text)}; }

nlohmann::json compare(const std::vector<reportlens::NamedResult>& rs) {
  return nlohmann::json::parse(reportlens::compare_to_json(rs, false));
}

const nlohmann::json* row(const nlohmann::json& j, const std::string& key) {
  for (const auto& r : j["rows"]) if (r["key"] == key) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("compare: same category and unit line up across reports") {
  auto j = compare({report("a", "长春市科学技术局2024年度法治政府建设报告\n一、主要举措和成效\n全年开展合法性审查20次。"),
                    report("b", "苏州市科技局2024年度法治政府建设报告\n一、主要举措和成效\n完成合法性审核35次。")});
  const auto* r = row(j, "legality_review|次");
  REQUIRE(r);
  CHECK((*r)["reports"] == 2);
  CHECK((*r)["cells"][0]["total"] == 20);
  CHECK((*r)["cells"][1]["total"] == 35);
}

TEST_CASE("compare: by label where no category fits, gaps stay visible") {
  auto j = compare({report("a", "一、主要举措和成效\n新建口袋公园12个。"), report("b", "一、主要举措和成效\n新建口袋公园8个。"),
                    report("c", "一、主要举措和成效\n开展合法性审查3次。")});
  const auto* r = row(j, "label:新建口袋公园|个");
  REQUIRE(r);
  CHECK((*r)["reports"] == 2);
  CHECK((*r)["cells"][2].is_null());
}

TEST_CASE("compare: nothing to align") {
  auto j = compare({report("a", "一、主要举措和成效\n正文没有数字。"), report("b", "一、主要举措和成效\n同样没有。")});
  CHECK(j["rows"].empty());
  CHECK(j["bodies"].empty());
  CHECK(j["parts"].size() == 5);
}

TEST_CASE("compare: the same body under two names, year over year") {
  auto a = report("2021", "2021年,市科技局认真按照法治政府建设的要求，围绕市委市政府的中心工作，落实《长春市科技创新条例》。\n一、主要举措和成效\n全年听取法律顾问意见14次。");
  auto b = report("2025", "长春市科学技术局2025年度法治政府建设报告\n一、主要举措和成效\n听取法律顾问意见25次。");
  CHECK(reportlens::body_key(a.result.meta) == "长春市科学技术局");
  CHECK(reportlens::body_key(b.result.meta) == "长春市科学技术局");
  auto j = compare({b, a});
  REQUIRE(j["bodies"].size() == 1);
  const auto& body = j["bodies"][0];
  CHECK(body["reports"][0] == 1);   // ordered by year: 2021 first
  REQUIRE(body["changes"].size() == 1);
  CHECK(body["changes"][0]["from"] == 14);
  CHECK(body["changes"][0]["to"] == 25);
  CHECK(body["changes"][0]["from_year"] == 2021);
}

TEST_CASE("compare: from result JSON (the WebAssembly call) equals from results") {
  auto a = report("a", "长春市科学技术局2025年度法治政府建设报告\n一、主要举措和成效\n听取法律顾问意见25次。");
  auto b = report("b", "2021年,市科技局认真落实。\n一、主要举措和成效\n听取法律顾问意见14次。");
  std::string arr = "[{\"name\":\"a\",\"result\":" + reportlens::to_json(a.result, false) + "},{\"name\":\"b\",\"result\":" +
                    reportlens::to_json(b.result, false) + "}]";
  auto from_json = nlohmann::json::parse(reportlens::compare_json_to_json(arr, false));
  auto direct = compare({a, b});
  CHECK(from_json["rows"] == direct["rows"]);
  CHECK(from_json["parts"] == direct["parts"]);
  CHECK(reportlens::compare_json_to_json("not json", false).find("error") != std::string::npos);
}

TEST_CASE("compare: golden comparison of the shared corpus") {
  namespace fs = std::filesystem;
  fs::path dir = REPORTLENS_SOURCE_DIR "/../shared/corpus/seeds";
  if (!fs::exists(dir)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<reportlens::NamedResult> rs;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    rs.push_back({f.filename().string(), reportlens::analyze(std::string(std::istreambuf_iterator<char>(in), {}))});
  }
  std::ifstream g(REPORTLENS_SOURCE_DIR "/tests/golden/compare.json", std::ios::binary);
  REQUIRE(g);
  std::string golden((std::istreambuf_iterator<char>(g)), {});
  CHECK(reportlens::compare_to_json(rs, true) + "\n" == golden);
}
