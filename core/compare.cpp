// Comparison of several results (see compare.h). Builds one model (rows of
// aligned indicators, parts, bodies) and writes it as JSON, CSV or Markdown.
#include "compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "csv.h"
#include "meta.h"
#include "parts.h"
#include "taxonomy.h"
#include "text.h"

namespace reportlens {
namespace {

using Json = nlohmann::ordered_json;

struct Cell {
  std::vector<double> values;
  std::vector<std::string> texts;
  bool summable = true;   // counts and money add up; rates and ranks do not
  std::optional<double> total() const {
    if (values.empty()) return std::nullopt;
    if (values.size() == 1) return values[0];
    if (!summable) return std::nullopt;
    double s = 0;
    for (double v : values) s += v;
    return s;
  }
};

struct Row {
  std::string key, category, name, group, unit;
  std::vector<Cell> cells;   // one per report
  size_t covered() const {
    size_t n = 0;
    for (const Cell& c : cells) n += !c.values.empty();
    return n;
  }
};

struct Model {
  std::vector<Row> rows;
  std::vector<std::pair<std::string, std::vector<size_t>>> bodies;   // body key -> reports, by year
};

std::string category_name(const std::string& id, std::string* group) {
  for (const Category& c : categories())
    if (c.id == id) {
      if (group) *group = group_name(c.group);
      return c.name;
    }
  return id;
}

Model build(const std::vector<NamedResult>& reports) {
  Model m;
  std::map<std::string, size_t> index;
  for (size_t r = 0; r < reports.size(); ++r) {
    for (const Indicator& x : reports[r].result.indicators) {
      std::string key = x.category.empty() ? "label:" + x.label + "|" + x.unit : x.category + "|" + x.unit;
      auto it = index.find(key);
      if (it == index.end()) {
        Row row;
        row.key = key;
        row.category = x.category;
        row.unit = x.unit;
        row.name = x.category.empty() ? x.label : category_name(x.category, &row.group);
        row.cells.resize(reports.size());
        it = index.emplace(key, m.rows.size()).first;
        m.rows.push_back(std::move(row));
      }
      Cell& c = m.rows[it->second].cells[r];
      c.values.push_back(x.value);
      c.texts.push_back(x.text);
      if (x.kind != "count" && x.kind != "money") c.summable = false;
    }
  }
  std::stable_sort(m.rows.begin(), m.rows.end(), [](const Row& a, const Row& b) {
    if (a.covered() != b.covered()) return a.covered() > b.covered();
    if (a.category.empty() != b.category.empty()) return !a.category.empty();
    return a.group < b.group;
  });
  std::map<std::string, std::vector<size_t>> bodies;
  for (size_t r = 0; r < reports.size(); ++r) {
    std::string k = body_key(reports[r].result.meta);
    if (!k.empty()) bodies[k].push_back(r);
  }
  for (auto& [k, list] : bodies) {
    if (list.size() < 2) continue;
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      return reports[a].result.meta.report_year.value_or(0) < reports[b].result.meta.report_year.value_or(0);
    });
    m.bodies.emplace_back(k, list);
  }
  return m;
}

const Finding* find(const Result& r, const std::string& id) {
  for (const Finding& f : r.findings) if (f.id == id) return &f;
  return nullptr;
}

double data_number(const Finding* f, const std::string& key) {
  if (!f) return 0;
  for (const FindingValue& v : f->data) if (v.key == key && v.number) return *v.number;
  return 0;
}

bool has_part(const Result& r, Part p) {
  for (Part q : r.missing_parts) if (q == p) return false;
  if (p != Part::other) return true;
  for (const Section& s : r.sections) if (s.level == 1 && s.part == Part::other) return true;
  return false;
}

Json number(double v) {
  if (std::isfinite(v) && std::fabs(v) < 9e15 && v == std::floor(v)) return Json(static_cast<int64_t>(v));
  return Json(std::round(v * 10000) / 10000);
}

Json to_model_json(const std::vector<NamedResult>& reports, const Model& m) {
  Json j;
  j["schema"] = "reportlens-compare/1";
  Json reps = Json::array();
  for (const NamedResult& nr : reports) {
    const Result& r = nr.result;
    const Finding* density = find(r, "indicator_density");
    const Finding* causes = find(r, "causes_stated");
    const Finding* no_causes = find(r, "no_causes");
    const Finding* s = causes ? causes : no_causes;
    Json o;
    o["name"] = nr.name;
    o["title"] = r.meta.title ? Json(*r.meta.title) : Json(nullptr);
    o["agency"] = r.meta.agency ? Json(*r.meta.agency) : Json(nullptr);
    o["body"] = body_key(r.meta).empty() ? Json(nullptr) : Json(body_key(r.meta));
    o["region"] = r.meta.region ? Json(*r.meta.region) : Json(nullptr);
    o["report_year"] = r.meta.report_year ? Json(*r.meta.report_year) : Json(nullptr);
    o["published"] = r.meta.published ? Json(*r.meta.published) : Json(nullptr);
    o["indicators"] = r.indicators.size();
    o["han_chars"] = r.stats.han_chars;
    o["density_per_1000"] = number(data_number(density, "per_1000"));
    o["shortcomings"] = s ? Json{{"causes", number(data_number(s, "causes"))},
                                 {"figures", number(data_number(s, "figures"))},
                                 {"points", number(data_number(s, "points"))},
                                 {"share_percent", number(data_number(s, "share_percent"))}}
                          : Json(nullptr);
    o["late"] = find(r, "late") != nullptr;
    reps.push_back(o);
  }
  j["reports"] = reps;
  Json parts = Json::array();
  for (Part p : {Part::measures, Part::shortcomings, Part::leadership, Part::plans, Part::other}) {
    Json present = Json::array();
    for (const NamedResult& nr : reports) present.push_back(has_part(nr.result, p));
    parts.push_back({{"part", part_id(p)}, {"name", part_name(p)}, {"present", present}});
  }
  j["parts"] = parts;
  Json rows = Json::array();
  for (const Row& row : m.rows) {
    Json cells = Json::array();
    for (const Cell& c : row.cells) {
      if (c.values.empty()) { cells.push_back(nullptr); continue; }
      Json values = Json::array();
      for (double v : c.values) values.push_back(number(v));
      auto total = c.total();
      cells.push_back({{"total", total ? number(*total) : Json(nullptr)}, {"values", values}, {"texts", c.texts}});
    }
    rows.push_back({{"key", row.key}, {"category", row.category.empty() ? Json(nullptr) : Json(row.category)},
                    {"name", row.name}, {"group", row.group.empty() ? Json(nullptr) : Json(row.group)},
                    {"unit", row.unit}, {"reports", row.covered()}, {"cells", cells}});
  }
  j["rows"] = rows;
  Json bodies = Json::array();
  for (const auto& [key, list] : m.bodies) {
    Json changes = Json::array();
    for (size_t k = 1; k < list.size(); ++k) {
      size_t a = list[k - 1], b = list[k];
      for (const Row& row : m.rows) {
        if (row.category.empty()) continue;
        auto from = row.cells[a].total(), to = row.cells[b].total();
        if (!from || !to) continue;
        Json ch = {{"key", row.key}, {"name", row.name}, {"unit", row.unit},
                   {"from_report", a}, {"to_report", b},
                   {"from_year", reports[a].result.meta.report_year ? Json(*reports[a].result.meta.report_year) : Json(nullptr)},
                   {"to_year", reports[b].result.meta.report_year ? Json(*reports[b].result.meta.report_year) : Json(nullptr)},
                   {"from", number(*from)}, {"to", number(*to)}, {"change", number(*to - *from)},
                   {"change_percent", *from != 0 ? number(std::round(1000.0 * (*to - *from) / *from) / 10) : Json(nullptr)}};
        changes.push_back(ch);
      }
    }
    Json idx = Json::array();
    for (size_t r : list) idx.push_back(r);
    bodies.push_back({{"body", key}, {"reports", idx}, {"changes", changes}});
  }
  j["bodies"] = bodies;
  return j;
}


// Result fields the comparison reads, from the contract's JSON.
bool result_from_json(const nlohmann::json& j, Result& r) {
  if (!j.is_object()) return false;
  auto str = [](const nlohmann::json& o, const char* k) -> std::optional<std::string> {
    auto it = o.find(k);
    if (it == o.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  if (auto it = j.find("meta"); it != j.end() && it->is_object()) {
    r.meta.title = str(*it, "title");
    r.meta.agency = str(*it, "agency");
    r.meta.region = str(*it, "region");
    r.meta.published = str(*it, "published");
    if (auto y = it->find("report_year"); y != it->end() && y->is_number_integer()) r.meta.report_year = y->get<int>();
    if (r.meta.agency) r.meta.agency_canonical = canonical_agency(*r.meta.agency);
  }
  for (const auto& x : j.value("indicators", nlohmann::json::array())) {
    if (!x.is_object()) continue;
    Indicator i;
    i.text = x.value("text", "");
    i.value = x.value("value", 0.0);
    i.unit = x.value("unit", "");
    i.kind = x.value("kind", "count");
    i.label = x.value("label", "");
    if (auto c = x.find("category"); c != x.end() && c->is_string()) i.category = c->get<std::string>();
    r.indicators.push_back(std::move(i));
  }
  for (const auto& s : j.value("sections", nlohmann::json::array())) {
    if (!s.is_object()) continue;
    Section sec;
    sec.level = 1;
    sec.title = s.value("title", "");
    if (auto p = s.find("part"); p != s.end() && p->is_string()) {
      std::string id = p->get<std::string>();
      for (Part q : {Part::measures, Part::shortcomings, Part::leadership, Part::plans, Part::other})
        if (id == part_id(q)) sec.part = q;
    }
    r.sections.push_back(std::move(sec));
  }
  for (const auto& p : j.value("missing_parts", nlohmann::json::array()))
    if (p.is_string())
      for (Part q : {Part::measures, Part::shortcomings, Part::leadership, Part::plans})
        if (p.get<std::string>() == part_id(q)) r.missing_parts.push_back(q);
  for (const auto& f : j.value("findings", nlohmann::json::array())) {
    if (!f.is_object()) continue;
    Finding fd;
    fd.id = f.value("id", "");
    if (auto d = f.find("data"); d != f.end() && d->is_object())
      for (auto it = d->begin(); it != d->end(); ++it)
        if (it->is_number()) fd.data.push_back({it.key(), it->get<double>(), std::nullopt});
    r.findings.push_back(std::move(fd));
  }
  if (auto s = j.find("stats"); s != j.end() && s->is_object()) r.stats.han_chars = s->value("han_chars", 0u);
  return true;
}

}  // namespace

std::string body_key(const Meta& meta) {
  if (!meta.agency) return "";
  std::u32string a = from_utf8(canonical_agency(*meta.agency));
  // 市科技局 with region 长春市 -> 长春市科学技术局
  if (!a.empty() && (a[0] == U'市' || a[0] == U'县' || a[0] == U'区' || a[0] == U'省') && meta.region) {
    std::u32string region = from_utf8(*meta.region);
    if (!region.empty() && region.back() == a[0]) a = region + a.substr(1);
  }
  return to_utf8(a);
}

std::string compare_to_json(const std::vector<NamedResult>& reports, bool pretty) {
  Model m = build(reports);
  return to_model_json(reports, m).dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

std::string compare_json_to_json(std::string_view reports_json, bool pretty) {
  auto j = nlohmann::json::parse(reports_json.begin(), reports_json.end(), nullptr, false);
  if (j.is_discarded() || !j.is_array())
    return R"({"schema":"reportlens-compare/1","error":"需要一个由 {name, result} 组成的 JSON 数组。"})";
  std::vector<NamedResult> reports;
  for (const auto& item : j) {
    NamedResult nr;
    if (!item.is_object()) continue;
    nr.name = item.value("name", "");
    auto it = item.find("result");
    if (it == item.end() || !result_from_json(*it, nr.result)) continue;
    reports.push_back(std::move(nr));
  }
  return compare_to_json(reports, pretty);
}

std::string compare_to_csv(const std::vector<NamedResult>& reports) {
  Model m = build(reports);
  std::string out = std::string(kCsvBom) + "指标,类别,单位";
  for (const NamedResult& r : reports) out += "," + csv_field(r.name);
  out += "\r\n";
  for (const Row& row : m.rows) {
    out += csv_field(row.name) + "," + row.category + "," + csv_field(row.unit);
    for (const Cell& c : row.cells) {
      out += ",";
      if (auto t = c.total()) out += csv_number(*t);
      else if (!c.values.empty()) {
        std::string list;
        for (double v : c.values) list += (list.empty() ? "" : "; ") + csv_number(v);
        out += csv_field(list);
      }
    }
    out += "\r\n";
  }
  return out;
}

std::string compare_to_markdown(const std::vector<NamedResult>& reports) {
  Model m = build(reports);
  std::string out = "# 报告对比\n\n| 报告 | 单位 | 年度 | 指标数 | 每千字 |\n|---|---|---|---|---|\n";
  for (const NamedResult& nr : reports) {
    const Result& r = nr.result;
    out += "| " + nr.name + " | " + r.meta.agency.value_or("—") + " | " +
           (r.meta.report_year ? std::to_string(*r.meta.report_year) : "—") + " | " + std::to_string(r.indicators.size()) +
           " | " + csv_number(data_number(find(r, "indicator_density"), "per_1000")) + " |\n";
  }
  out += "\n## 法定部分\n\n| 部分 |";
  for (size_t i = 0; i < reports.size(); ++i) out += " " + std::to_string(i + 1) + " |";
  out += "\n|---|" + std::string(reports.size() * 4, '-') + "\n";
  for (Part p : {Part::measures, Part::shortcomings, Part::leadership, Part::plans, Part::other}) {
    out += std::string("| ") + part_name(p) + " |";
    for (const NamedResult& nr : reports) out += has_part(nr.result, p) ? " ✓ |" : " ✗ |";
    out += "\n";
  }
  out += "\n## 指标对照\n\n| 指标 | 单位 |";
  for (size_t i = 0; i < reports.size(); ++i) out += " " + std::to_string(i + 1) + " |";
  out += "\n|---|---|" + std::string(reports.size() * 4, '-') + "\n";
  for (const Row& row : m.rows) {
    if (row.category.empty() && row.covered() < 2) continue;
    out += "| " + row.name + " | " + row.unit + " |";
    for (const Cell& c : row.cells) {
      auto t = c.total();
      out += " " + (t ? csv_number(*t) : c.values.empty() ? std::string("—") : std::to_string(c.values.size()) + " 项") + " |";
    }
    out += "\n";
  }
  return out;
}

}  // namespace reportlens
