// The template table: each row complete and its default valid, the docs
// listing exactly its values, the JSON Schema accepting every built-in
// template, and a template that gives nothing laying out as dang does.
#include "input/template_schema.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "input/json_schema.hpp"
#include "input/template_types.hpp"
#include "input/yaml_reader.hpp"
#include "support/schema_check.hpp"
#include "support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace ts = baocao::input::template_schema;
using namespace baocao;

/// The first cell of each table row ("| `key` | ...") between two headings
/// of docs/templates.md, without its backquotes.
std::set<std::string> doc_keys(const std::string& from_heading, const std::string& to_heading) {
  std::ifstream in(test::repo_dir() / "docs" / "templates.md");
  std::set<std::string> keys;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(from_heading, 0) == 0) inside = true;
    if (line.rfind(to_heading, 0) == 0) inside = false;
    if (!inside || line.rfind("| `", 0) != 0) continue;
    auto end = line.find('`', 3);
    if (end != std::string::npos) keys.insert(line.substr(3, end - 3));
  }
  return keys;
}

/// A YAML value written so that equal values read the same: numbers by
/// value, mapping keys sorted.
std::string canonical(const input::Tree& t) {
  switch (t.kind) {
  case input::Tree::Kind::null:
    return "~";
  case input::Tree::Kind::scalar:
    if (!t.quoted && input::is_plain_number(t)) {
      return "n" + std::to_string(std::strtod(t.scalar.c_str(), nullptr));
    }
    return "s" + t.scalar;
  case input::Tree::Kind::sequence: {
    std::string out = "[";
    for (const auto& i : t.items) out += canonical(i) + ",";
    return out + "]";
  }
  case input::Tree::Kind::mapping: {
    std::set<std::string> entries;
    for (const auto& e : t.entries) entries.insert(e.key + ":" + canonical(e.value));
    std::string out = "{";
    for (const auto& e : entries) out += e + ",";
    return out + "}";
  }
  }
  return "";
}

/// The node at a key path such as "headings[1].text", or nullptr.
const input::Tree* at_path(const input::Tree& root, const std::string& path) {
  const input::Tree* t = &root;
  std::stringstream in(path);
  for (std::string key; t && std::getline(in, key, '.');) {
    std::optional<std::size_t> index;
    if (auto open = key.find('['); open != std::string::npos) {
      index = std::stoul(key.substr(open + 1));
      key = key.substr(0, open);
    }
    const input::Tree* next = nullptr;
    for (const auto& e : t->entries) {
      if (e.key == key) next = &e.value;
    }
    if (next && index) next = *index < next->items.size() ? &next->items[*index] : nullptr;
    t = next;
  }
  return t;
}

std::string joined(const std::set<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += w + " ";
  return out;
}

} // namespace

TEST_CASE("every template value is declared once, described and with a default that reads",
          "[input][template][schema]") {
  std::set<std::string> paths;
  style::Style s;
  for (const ts::Value& v : ts::values()) {
    INFO(v.path);
    CHECK(paths.insert(v.path).second);
    CHECK_FALSE(v.vi.empty());
    CHECK_FALSE(v.en.empty());
    if (v.path == "extends") continue; // consumed by the merge of files
    REQUIRE(v.read);
    CHECK_NOTHROW(v.read(input::parse_yaml(v.default_yaml, "default"), s));
    // Each value sits in a declared section.
    std::string parent = ts::parent_of(v.path);
    auto bracket = parent.find('[');
    if (bracket != std::string::npos) parent = parent.substr(0, bracket);
    bool found = false;
    for (const ts::Section& sec : ts::sections()) found = found || sec.path == parent;
    CHECK(found);
  }
  CHECK(paths.size() > 100);
  CHECK(s.page.margin_left == Approx(core::mm(30)));
  CHECK(s.headings[2].numbering == style::Numbering::alpha_vi);
  CHECK(s.labels.month_names.size() == 12);
}

TEST_CASE("templates/dang.yaml gives every value, each equal to its default",
          "[input][template][schema]") {
  // The defaults are dang's values; dang.yaml writes them out in full, with
  // comments, as the reference a user copies. This keeps the two from drifting.
  input::Tree dang =
      input::parse_yaml(test::read_file(test::repo_dir() / "templates" / "dang.yaml"), "dang.yaml");
  for (const ts::Value& v : ts::values()) {
    if (!v.read || v.path == "name" || v.path == "description") continue;
    INFO(v.path);
    const input::Tree* given = at_path(dang, v.path);
    REQUIRE(given);
    CHECK(canonical(*given) == canonical(input::parse_yaml(v.default_yaml, "default")));
  }
}

TEST_CASE("docs/templates.md lists exactly the declared template values",
          "[input][template][schema][docs]") {
  std::set<std::string> declared;
  for (const ts::Value& v : ts::values()) declared.insert(v.path);
  std::set<std::string> documented = doc_keys("## 5. Every key", "## 6.");
  std::set<std::string> missing, extra;
  for (const auto& k : declared) {
    if (!documented.count(k)) missing.insert(k);
  }
  for (const auto& k : documented) {
    if (!declared.count(k)) extra.insert(k);
  }
  INFO("declared, not in section 5 of docs/templates.md: " << joined(missing));
  INFO("in section 5 of docs/templates.md, not declared: " << joined(extra));
  CHECK(missing.empty());
  CHECK(extra.empty());

  // Section 4's table is the keys of a text style.
  std::set<std::string> style_keys;
  for (const auto& k : input::template_types::text_style_object().keys) style_keys.insert(k.name);
  CHECK(doc_keys("## 4. Text styles", "## 5.") == style_keys);
}

TEST_CASE("the template JSON Schema accepts the built-in templates and refuses mistakes",
          "[input][template][schema]") {
  test::TempDir dir;
  fs::path schema_file = dir / "template.schema.json";
  test::write_file(schema_file, input::template_json_schema());
  std::string valid;
  for (const auto& e : fs::directory_iterator(test::repo_dir() / "templates")) {
    valid += " " + test::q(e.path());
  }
  for (const char* name : {"template_extends_dang.yaml", "template_partial.yaml"}) {
    valid += " " + test::q(test::data_dir() / "input" / "good" / name);
  }
  valid += " " + test::q(test::data_dir() / "templates" / "english.yaml");
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"unknown_key", "body: {font: A, size: 12, colour: \"#000000\"}\n"},
      {"unknown_section", "bodyy: {font: A, size: 12}\n"},
      {"quoted_number", "body: {font: A, size: \"14\"}\n"},
      {"too_big", "body: {font: A, size: 1400}\n"},
      {"bad_color", "table: {header_fill: \"#12345\"}\n"},
      {"two_headings", "headings: [{numbering: none}, {numbering: none}]\n"},
      {"bad_numbering", "headings: [{numbering: greek}, {}, {}]\n"},
      {"bad_paper", "page: {size: A3}\n"},
      {"share", "masthead: {left_share: 1.5}\n"},
      {"columns", "key_figures: {columns: 7}\n"},
  };
  std::string invalid;
  for (const auto& [name, yaml] : bad) {
    fs::path p = dir / (name + ".yaml");
    test::write_file(p, yaml);
    invalid += " " + test::q(p);
  }
  test::check_schema_verdicts(schema_file, valid, invalid);

  std::string s = input::template_json_schema();
  CHECK_THAT(s, Catch::Contains("\"title\": \"baocao template\""));
  CHECK_THAT(s, Catch::Contains("\"$ref\": \"#/$defs/text_style\""));
  CHECK_THAT(s, Catch::Contains("\"default\": \"ĐẢNG CỘNG SẢN VIỆT NAM\""));
  CHECK_THAT(s, Catch::Contains("\"default\": [\"#3a3a3a\", \"#9a9a9a\""));
  CHECK_THAT(s, Catch::Contains("\"enum\": [\"official\", \"cover\"]"));
}

TEST_CASE("a template that gives nothing lays out exactly as dang", "[input][template][schema]") {
  // The defaults are dang's values: every example in a template that gives
  // only a name is dang's layout, byte for byte.
  test::TempDir dir;
  test::write_file(dir / "empty.yaml", "name: trong\n");
  for (const auto& e : fs::directory_iterator(test::repo_dir() / "examples")) {
    if (e.path().extension() != ".yaml") continue;
    INFO(e.path());
    auto build = test::q(e.path()) + " --dump-layout";
    auto ours = test::run_baocao("build " + build + " --template " + test::q(dir / "empty.yaml"));
    auto dang = test::run_baocao("build " + build + " --template dang");
    REQUIRE(ours.status == 0);
    REQUIRE(dang.status == 0);
    CHECK(ours.output == dang.output);
  }
}

TEST_CASE("indicators.tally_line is empty or carries the tally", "[input][template][schema]") {
  const ts::Value* line = nullptr;
  for (const ts::Value& v : ts::values()) {
    if (v.path == "indicators.tally_line") line = &v;
  }
  REQUIRE(line);
  style::Style s;
  line->read(input::parse_yaml("\"\"", "t"), s);
  CHECK(s.indicator_table.tally_line.empty());
  line->read(input::parse_yaml("\"Tổng hợp: {tally}.\"", "t"), s);
  CHECK(s.indicator_table.tally_line == "Tổng hợp: {tally}.");
  // Without {tally} the line would hide the count it exists for.
  CHECK_THROWS(line->read(input::parse_yaml("Kết quả tốt.", "t"), s));
  CHECK_THROWS(line->read(input::parse_yaml("\"{count} đạt\"", "t"), s));
}
