#include "input/template_loader.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/geometry.hpp"
#include "input/template_files.hpp"
#include "input/template_schema.hpp"
#include "input/yaml_reader.hpp"

namespace baocao::input {
namespace fs = std::filesystem;
namespace {

using template_schema::Section;
using template_schema::Value;

/// The least text area, in mm, that margins must leave either way.
constexpr double kMinTextMm = 50;

std::string format_mm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

/// Reads the values a template gives over the defaults, section by section,
/// so an unknown key is refused in the mapping that holds it.
class Reader {
public:
  Reader(style::Style& s, std::vector<bool>& given) : s_(s), given_(given) {}

  void mapping(const std::string& prefix, const Tree& node, const std::string& expected) {
    // The keys under `prefix`, in the order of their first value in the
    // table (dang.yaml's order), so messages list them as a template reads.
    struct Child {
      std::size_t order;
      std::string name;
      const Value* value;
      const Section* section;
    };
    const auto& all = template_schema::values();
    auto first_value_under = [&](const std::string& path) {
      for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string& p = all[i].path;
        if (p.rfind(path, 0) == 0 && (p[path.size()] == '.' || p[path.size()] == '[')) return i;
      }
      return all.size();
    };
    std::vector<Child> children;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (template_schema::parent_of(all[i].path) != prefix) continue;
      children.push_back({i, template_schema::key_of(all[i].path), &all[i], nullptr});
    }
    for (const Section& sec : template_schema::sections()) {
      if (sec.path.empty() || template_schema::parent_of(sec.path) != prefix) continue;
      children.push_back(
          {first_value_under(sec.path), template_schema::key_of(sec.path), nullptr, &sec});
    }
    std::stable_sort(children.begin(), children.end(),
                     [](const Child& a, const Child& b) { return a.order < b.order; });
    std::vector<std::string> names;
    for (const Child& c : children) names.push_back(c.name);
    Mapping m(node, names, expected);
    for (const Child& c : children) {
      const Tree* t = m.find(c.name);
      if (!t) continue; // left out: the default stays
      if (c.value && c.value->read) {
        c.value->read(*t, s_);
        given_[c.order] = true;
      }
      if (c.section) section(*c.section, *t);
    }
  }

  void section(const Section& sec, const Tree& node) {
    if (sec.items == 0) return mapping(sec.path, node, sec.expected);
    if (list(node, 0, sec.expected).size() != sec.items) {
      fail(node,
           "the list has " + std::to_string(node.items.size()) + " " +
               template_schema::key_of(sec.path),
           sec.expected);
    }
    for (std::size_t i = 0; i < sec.items; ++i) {
      mapping(sec.path + "[" + std::to_string(i) + "]", node.items[i], sec.item_expected);
    }
  }

private:
  style::Style& s_;
  std::vector<bool>& given_; ///< by index in template_schema::values()
};

/// The node at a dotted key path, or nullptr.
const Tree* find_path(const Tree& root, const std::string& path) {
  const Tree* t = &root;
  std::size_t from = 0;
  while (t && from <= path.size()) {
    std::size_t dot = path.find('.', from);
    std::string key = path.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
    const Tree* next = nullptr;
    if (t->kind == Tree::Kind::mapping) {
      for (const auto& e : t->entries) {
        if (e.key == key) next = &e.value;
      }
    }
    t = next;
    if (dot == std::string::npos) break;
    from = dot + 1;
  }
  return t;
}

/// Margins are checked against the paper together, after both are known
/// (either may come from the defaults).
void check_margins(const style::PageStyle& p, const Tree& root) {
  const Tree* at = find_path(root, "page.margins");
  if (!at) at = find_path(root, "page.size");
  if (!at) at = &root;
  const double min_text = core::mm(kMinTextMm);
  const double w_mm = p.size.width / core::mm(1), h_mm = p.size.height / core::mm(1);
  if (p.size.width - p.margin_left - p.margin_right < min_text) {
    fail(*at,
         "the left and right margins leave less than " + format_mm(kMinTextMm) +
             " mm for text on a page " + format_mm(w_mm) + " mm wide",
         "margins that leave room for the text");
  }
  if (p.size.height - p.margin_top - p.margin_bottom < min_text) {
    fail(*at,
         "the top and bottom margins leave less than " + format_mm(kMinTextMm) +
             " mm for text on a page " + format_mm(h_mm) + " mm high",
         "margins that leave room for the text");
  }
}

style::Style read_style(const Tree& root) {
  style::Style s;
  const auto& values = template_schema::values();
  std::vector<bool> given(values.size(), false);
  Reader(s, given).section(template_schema::sections().front(), root);
  // What no template of the chain gives takes its default, each read by the
  // value's own reader (a test checks every one). Only what is missing is
  // parsed: a chain that ends in a built-in template gives everything, and
  // parsing all 121 defaults cost as much as reading dang.yaml again.
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!given[i] && values[i].read)
      values[i].read(parse_yaml(values[i].default_yaml, "default of " + values[i].path), s);
  check_margins(s.page, root);
  style::share_justify(s);
  return s;
}

} // namespace

style::Style load_template(const std::string& name_or_path, const fs::path& builtin_dir,
                           const fs::path& base_dir, const core::SourceSpan* requested_at) {
  TemplateFile file;
  Tree merged;
  std::vector<fs::path> read;
  try {
    file = resolve(name_or_path, builtin_dir, base_dir, nullptr);
    merged = load_template_tree(file, builtin_dir, &read);
  } catch (const core::InputError& e) {
    // A template that cannot be found or read is reported at the report's
    // `template` key when that is where its name came from.
    bool unreadable =
        e.where().line == 0 && (e.where().file == file.display || file.display.empty());
    if (!requested_at || !unreadable) throw;
    std::string problem = e.problem();
    if (e.where().file != name_or_path) problem = e.where().file + ": " + problem;
    throw core::InputError(*requested_at, "template", problem, e.expected());
  }
  style::Style style = read_style(merged);
  style.files = std::move(read);
  return style;
}

} // namespace baocao::input
