// The schema description against the loaders: for every object kind, the
// loader's known keys, required keys and enum values are the schema's.
#include "input/report_schema.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "input/messages.hpp"
#include "input/report_loader.hpp"
#include "support/test_support.hpp"

namespace {

using namespace baocao;
namespace schema = input::schema;

using Entries = std::vector<std::pair<std::string, std::string>>;

/// Where a mapping of one kind sits in a valid report, and a valid mapping there.
struct Place {
  std::string kind;
  std::string wrap; ///< a flow-style report with "@" where the mapping goes
  Entries base;     ///< a valid mapping: every required key and what else it needs
};

const std::string kDoc = "{kind: BÁO CÁO, place: P, date: 2015-08-11, title: T, issuer: I}";
const std::string kTerm = "{from: 2010, to: 2015}";
const std::string kFig = "figures: [{id: f, label: L, value: 1, unit: '%', target: 2}]";

const std::string kS2Head = "{schema: 2, document: " + kDoc + ", term: " + kTerm + ", ";

std::string report(const std::string& body, const std::string& extra = "") {
  return "{schema: 1, document: " + kDoc + ", term: " + kTerm + ", " + kFig +
         ", sections: [{title: S, body: [" + body + "]}]" + extra + "}";
}

const std::vector<Place>& places() {
  static const std::vector<Place> p = {
      {"report",
       "@",
       {{"schema", "1"},
        {"document", kDoc},
        {"term", kTerm},
        {"sections", "[{title: S, body: [P]}]"}}},
      {"document",
       "{schema: 1, document: @, term: " + kTerm + ", sections: [{title: S, body: [P]}]}",
       {{"kind", "K"}, {"place", "P"}, {"date", "2015-08-11"}, {"title", "T"}, {"issuer", "I"}}},
      {"metadata",
       "{schema: 1, document: {kind: K, place: P, date: 2015-08-11, title: T, issuer: I, "
       "metadata: @}, term: " +
           kTerm + ", sections: [{title: S, body: [P]}]}",
       {}},
      {"term",
       "{schema: 1, document: " + kDoc + ", term: @, sections: [{title: S, body: [P]}]}",
       {{"from", "2010"}, {"to", "2015"}}},
      {"figure",
       "{schema: 1, document: " + kDoc + ", term: " + kTerm +
           ", figures: [@], sections: [{title: S, body: [P]}]}",
       {{"label", "L"}, {"value", "1"}}},
      {"goals", report("goals: {}", ", goals: @"), {{"tasks", "[T]"}}},
      {"signature", report("P", ", signature: @"), {{"on_behalf_of", "O"}, {"role", "R"}}},
      {"draft", report("P", ", draft: @"), {}},
      {"section",
       "{schema: 1, document: " + kDoc + ", term: " + kTerm + ", sections: [@]}",
       {{"title", "S"}, {"body", "[P]"}}},
      {"block", report("@"), {{"paragraph", "P"}}},
      {"list", report("{list: @}"), {{"items", "[I]"}}},
      {"figures_block", report("{figures: @}"), {{"ids", "[f]"}}},
      {"awards_block",
       report("{awards: @}", ", awards: [{recipient: R, award: A, conferred_by: C}]"),
       {}},
      {"award",
       report("{awards: {}}", ", awards: [@]"),
       {{"recipient", "R"}, {"award", "A"}, {"conferred_by", "C"}}},
      {"table", report("{table: @}"), {{"columns", "[A]"}, {"rows", "[[x]]"}}},
      {"column", report("{table: {columns: [@], rows: [[x]]}}"), {{"title", "A"}}},
      {"cell", report("{table: {columns: [A], rows: [[@]]}}"), {{"text", "x"}}},
      {"rows_from",
       report("{table: {columns: [A, B, C], rows_from: @}}"),
       {{"file", "data/good.csv"}}},
      {"total", report("{table: {columns: [A, B], rows: [[x, 1]], total: @}}"), {}},
      {"chart", report("{chart: @}"), {{"kind", "bars"}, {"figures", "[f]"}}},
      {"series",
       report("{chart: {kind: bars, categories: [a], series: [@]}}"),
       {{"values", "[1]"}}},
      {"part", report("{chart: {kind: shares, parts: [@]}}"), {{"label", "a"}, {"value", "1"}}},
      {"indicator",
       kS2Head + "indicators: [@], sections: [{title: S, body: [{indicators: {}}]}]}",
       {{"label", "L"}, {"result", "1"}}},
      {"indicator_group",
       kS2Head + "indicators: [@], sections: [{title: S, body: [{indicators: {}}]}]}",
       {{"group", "G"}, {"indicators", "[{label: L, result: 1}]"}}},
      {"baseline",
       kS2Head + "indicators: [{label: L, result: 2, baseline: @}], sections: [{title: S, "
                 "body: [{indicators: {}}]}]}",
       {{"value", "1"}}},
      {"indicators_block",
       kS2Head + "indicators: [{group: G, indicators: [{label: L, result: 1}]}], sections: "
                 "[{title: S, body: [{indicators: @}]}]}",
       {}},
      {"contents", report("P", ", contents: @"), {}},
      {"appendix", report("P", ", appendices: [@]"), {{"title", "T"}, {"body", "[P]"}}},
      {"chart_item",
       report("{chart: {kind: target, items: [@]}}"),
       {{"label", "a"}, {"value", "1"}, {"target", "2"}}},
      {"image_block", report("{image: @}"), {{"file", "images/diagram.svg"}}},
  };
  return p;
}

std::string flow(const Entries& entries) {
  std::string out = "{";
  for (const auto& [k, v] : entries) out += (out.size() > 1 ? ", " : "") + k + ": " + v;
  return out + "}";
}

std::string document(const Place& place, const Entries& entries) {
  std::string text = place.wrap;
  std::string mapping = flow(entries);
  if (place.kind == "report") return mapping;
  return text.replace(text.find('@'), 1, mapping);
}

std::string error_of(const std::string& yaml) {
  try {
    // In tests/data/, where the data file a table's rows_from names (data/) and
    // the pictures image blocks name (images/) lie.
    input::parse_report(yaml, (test::data_dir() / "r.yaml").string());
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

Entries with(Entries base, const std::string& key, const std::string& value) {
  for (auto& [k, v] : base) {
    if (k == key) {
      v = value;
      return base;
    }
  }
  base.emplace_back(key, value);
  return base;
}

TEST_CASE("Every object kind of the schema has a place in the drift tests", "[schema]") {
  for (const auto& kind : schema::object_kinds()) {
    bool found = false;
    for (const auto& p : places()) found = found || p.kind == kind.name;
    INFO(kind.name);
    CHECK(found);
  }
}

TEST_CASE("Each loader knows exactly the keys the schema lists", "[schema]") {
  for (const auto& place : places()) {
    INFO(place.kind);
    REQUIRE(error_of(document(place, place.base)) == "no error");
    // The loader's "unknown key" message lists the keys it knows.
    std::string e = error_of(document(place, with(place.base, "zz_unknown", "{a: 1}")));
    CHECK_THAT(e, Catch::Contains("unknown key \"zz_unknown\""));
    // The top level knows the keys of its schema version (figures in 1, indicators in 2).
    auto keys =
        place.kind == "report" ? schema::variant_keys("report", "1") : schema::keys_of(place.kind);
    CHECK_THAT(e, Catch::Contains("expected one of: " + input::join(keys)));
  }
}

TEST_CASE("A key is required by the loader exactly when the schema says so", "[schema]") {
  for (const auto& place : places()) {
    for (const auto& key : schema::object(place.kind).keys) {
      INFO(place.kind << "." << key.name);
      Entries without;
      bool in_base = false;
      for (const auto& entry : place.base) {
        if (entry.first == key.name) {
          in_base = true;
        } else {
          without.push_back(entry);
        }
      }
      CHECK((in_base || !key.required)); // the base holds every required key
      if (!in_base) continue;
      std::string e = error_of(document(place, without));
      if (key.required) {
        CHECK_THAT(e, Catch::Contains("missing required key \"" + key.name + "\""));
      } else {
        CHECK_THAT(e, !Catch::Contains("missing required key"));
      }
    }
  }
}

TEST_CASE("Each choice key accepts the schema's values and no other", "[schema]") {
  int checked = 0;
  for (const auto& place : places()) {
    for (const auto& key : schema::object(place.kind).keys) {
      if (key.shape.type != schema::Type::choice) continue;
      INFO(place.kind << "." << key.name);
      std::string e = error_of(document(place, with(place.base, key.name, "zz_bad")));
      CHECK_THAT(e, Catch::Contains("unknown value \"zz_bad\""));
      CHECK_THAT(e, Catch::Contains("expected one of: " + input::join(key.shape.values)));
      ++checked;
    }
  }
  CHECK(checked >= 9);
}

TEST_CASE("A chart of each kind takes exactly the keys its variant lists", "[schema]") {
  const auto& chart = schema::object("chart");
  const Place* place = nullptr;
  for (const auto& p : places()) {
    if (p.kind == "chart") place = &p;
  }
  REQUIRE(place);
  for (const auto& [kind, keys] : chart.variants) {
    for (const auto& key : chart.keys) {
      if (std::find(keys.begin(), keys.end(), key.name) != keys.end()) continue;
      INFO(kind << " chart with " << key.name);
      Entries entries = with(with(place->base, "kind", kind), key.name, "[x]");
      std::string e = error_of(document(*place, entries));
      CHECK_THAT(e, Catch::Contains("is not used by a " + kind + " chart"));
      CHECK_THAT(e, Catch::Contains("expected one of: " + input::join(keys)));
    }
  }
}

} // namespace
