#pragma once
// The template format as data: every value a template may give, once, with
// its kind (type and bounds), its default, a description in Vietnamese and
// English, and where it goes in style::Style. template_loader reads a
// template by walking this table, json_schema writes the editors' schema for
// template files from it, and a test holds docs/templates.md to it. Adding a
// template value is one row here (plus its member in style.hpp and its row
// in the docs).
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "input/report_schema.hpp"
#include "input/yaml_reader.hpp"
#include "style/style.hpp"

namespace baocao::input::template_schema {

/// One value a template may give.
struct Value {
  std::string path;         ///< "masthead.date_text", "headings[1].numbering"
  schema::Shape shape;      ///< type and bounds, for the JSON Schema
  std::string default_yaml; ///< taken when no template in the chain gives it (dang's value)
  std::string vi, en;       ///< what it controls
  /// Checks the value and stores it in the Style; empty for `extends`, which
  /// the merge of template files consumes before reading.
  std::function<void(const Tree&, style::Style&)> read;
};

/// A mapping that holds values ("" is the top level), or, with `items` > 0,
/// a list of exactly that many mappings ("headings": its items' values are
/// "headings[0].text" ...).
struct Section {
  std::string path;
  std::string vi, en;
  std::string expected; ///< what the message says it should be
  std::size_t items = 0;
  std::string item_expected; ///< for each item of a list section
};

/// Every value, in the order templates/dang.yaml gives them.
const std::vector<Value>& values();
/// Every section, parents before their children.
const std::vector<Section>& sections();

/// The key path's parent section ("page.margins.top" -> "page.margins",
/// "headings[1].text" -> "headings[1]", "body" -> "").
std::string parent_of(const std::string& path);
/// The key path's last key ("page.margins.top" -> "top").
std::string key_of(const std::string& path);

} // namespace baocao::input::template_schema
