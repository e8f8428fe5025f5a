#include "input/template_loader.hpp"

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "core/geometry.hpp"
#include "input/template_files.hpp"
#include "input/yaml_reader.hpp"

namespace baocao::input {
namespace fs = std::filesystem;
namespace {

// ---- Values -----------------------------------------------------------------

/// Points, as the template gives them (sizes, spacing, rule widths).
double points(const Tree& t) {
  return number_at_least(t, 0, true, "a number of points >= 0");
}
/// Millimetres in the template, points in the Style.
double mm_points(const Tree& t) {
  return core::mm(number_at_least(t, 0, true, "millimetres >= 0"));
}

/// A number above 0 and at most max. The caps keep a typo (size: 1400)
/// from producing pages that no line fits on.
double bounded(const Tree& t, double max, const std::string& expected) {
  double v = number_at_least(t, 0, false, expected);
  if (v > max) fail(t, shorten(t.scalar) + " is out of range", expected);
  return v;
}

/// The least text area, in mm, that margins must leave either way.
constexpr double kMinTextMm = 50;

core::Color color(const Tree& t) {
  const std::string expected = "a color \"#rrggbb\" in quotes";
  if (t.kind == Tree::Kind::null) fail(t, "got nothing (an unquoted # starts a comment)", expected);
  std::string s = text(t);
  auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  if (s.size() != 7 || s[0] != '#' || !std::all_of(s.begin() + 1, s.end(), hex)) {
    fail(t, "\"" + shorten(s) + "\" is not a color", expected);
  }
  auto channel = [&](std::size_t at) { return std::stoi(s.substr(at, 2), nullptr, 16) / 255.0; };
  return core::Color{channel(1), channel(3), channel(5)};
}

const std::vector<std::string> kTextStyleKeys = {
    "font",  "size",        "bold",         "italic",      "uppercase",         "underline",
    "align", "line_height", "space_before", "space_after", "first_line_indent", "color"};

style::TextStyle text_style(const Tree& node) {
  Mapping m(node, kTextStyleKeys, "a text style mapping with font and size");
  style::TextStyle s;
  s.font = text(m.need("font", "a font family name"));
  s.size =
      bounded(m.need("size", "a size in points"), 200, "a size in points, above 0 and at most 200");
  auto flag = [&](const char* key) {
    const Tree* t = m.find(key);
    return t ? boolean(*t) : false;
  };
  s.bold = flag("bold");
  s.italic = flag("italic");
  s.uppercase = flag("uppercase");
  s.underline = flag("underline");
  s.align = style::TextAlign::left;
  if (const Tree* t = m.find("align")) {
    std::string a = choice(*t, {"left", "center", "right", "justify"});
    s.align = a == "center"    ? style::TextAlign::center
              : a == "right"   ? style::TextAlign::right
              : a == "justify" ? style::TextAlign::justify
                               : style::TextAlign::left;
  }
  s.line_height = 1.2;
  if (const Tree* t = m.find("line_height")) {
    s.line_height = bounded(*t, 5, "a multiple of the size, above 0 and at most 5, such as 1.3");
  }
  s.space_before = m.find("space_before") ? points(*m.find("space_before")) : 0;
  s.space_after = m.find("space_after") ? points(*m.find("space_after")) : 0;
  s.first_line_indent = m.find("first_line_indent") ? mm_points(*m.find("first_line_indent")) : 0;
  s.color = m.find("color") ? color(*m.find("color")) : core::Color{0, 0, 0};
  return s;
}

std::string format_mm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

style::PageStyle page(const Tree& node) {
  Mapping m(node, {"size", "margins"}, "a mapping with size and margins");
  const Tree& size = m.need("size", "A4, A5, Letter or [width_mm, height_mm]");
  double w_mm = 0, h_mm = 0;
  if (size.kind == Tree::Kind::sequence) {
    const std::string expected = "[width_mm, height_mm]";
    if (size.items.size() != 2) {
      fail(size, "the list has " + std::to_string(size.items.size()) + " items", expected);
    }
    w_mm = bounded(size.items[0], 1000, "a width in mm, above 0 and at most 1000");
    h_mm = bounded(size.items[1], 1000, "a height in mm, above 0 and at most 1000");
  } else {
    std::string name = choice(size, {"A4", "A5", "Letter"});
    w_mm = name == "A4" ? 210 : name == "A5" ? 148 : 215.9;
    h_mm = name == "A4" ? 297 : name == "A5" ? 210 : 279.4;
  }
  Mapping margins(m.need("margins", "a mapping {top, bottom, left, right} in mm"),
                  {"top", "bottom", "left", "right"}, "a mapping {top, bottom, left, right} in mm");
  style::PageStyle p;
  p.size = core::Size{core::mm(w_mm), core::mm(h_mm)};
  p.margin_top = mm_points(margins.need("top", "millimetres"));
  p.margin_bottom = mm_points(margins.need("bottom", "millimetres"));
  p.margin_left = mm_points(margins.need("left", "millimetres"));
  p.margin_right = mm_points(margins.need("right", "millimetres"));
  // A page with (almost) no room for text would fail much later with a
  // puzzling layout error, or none at all.
  const double min_text = core::mm(kMinTextMm);
  if (p.size.width - p.margin_left - p.margin_right < min_text) {
    fail(margins.node(),
         "the left and right margins leave less than " + format_mm(kMinTextMm) +
             " mm for text on a page " + format_mm(w_mm) + " mm wide",
         "margins that leave room for the text");
  }
  if (p.size.height - p.margin_top - p.margin_bottom < min_text) {
    fail(margins.node(),
         "the top and bottom margins leave less than " + format_mm(kMinTextMm) +
             " mm for text on a page " + format_mm(h_mm) + " mm high",
         "margins that leave room for the text");
  }
  return p;
}

style::HeadingStyle heading(const Tree& node) {
  Mapping m(node, {"text", "numbering", "separator"},
            "a heading mapping with text, numbering and separator");
  style::HeadingStyle h;
  h.text = text_style(m.need("text", "a text style"));
  std::string n = choice(m.need("numbering", "none, roman, arabic or alpha-vi"),
                         {"none", "roman", "arabic", "alpha-vi"});
  h.numbering = n == "roman"      ? style::Numbering::roman
                : n == "arabic"   ? style::Numbering::arabic
                : n == "alpha-vi" ? style::Numbering::alpha_vi
                                  : style::Numbering::none;
  h.separator = text(m.need("separator", "text such as \". \""), true);
  return h;
}

std::vector<std::string> text_list(const Tree& t, std::size_t count) {
  const std::string expected = "a list of exactly " + std::to_string(count) + " column titles";
  const auto& items = list(t, 0, expected);
  if (items.size() != count) {
    fail(t, "the list has " + std::to_string(items.size()) + " items", expected);
  }
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(text(i));
  return out;
}

/// A label with {placeholders}: each must be one the layout fills in, and
/// `required` must be there (a target label without {percent} would hide the number).
std::string label(const Mapping& m, const char* key, const std::vector<std::string>& allowed,
                  const std::string& required) {
  const Tree& t = m.need(key, "text");
  std::string s = text(t, required.empty());
  std::vector<std::string> braced;
  for (const auto& a : allowed) braced.push_back("{" + a + "}");
  for (std::size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
    std::size_t close = s.find('}', open);
    if (close == std::string::npos) fail(t, "a \"{\" is not closed", "placeholders written {name}");
    std::string name = s.substr(open + 1, close - open - 1);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      fail(t, "unknown placeholder {" + name + "}" + did_you_mean(name, allowed),
           allowed.empty() ? "text without placeholders" : "placeholders among " + join(braced));
    }
  }
  if (!required.empty() && s.find("{" + required + "}") == std::string::npos) {
    fail(t, "the label has no {" + required + "}", "text containing {" + required + "}");
  }
  return s;
}

style::Labels labels(const Tree& node) {
  static const std::vector<std::string> keys = {"number_prefix",
                                                "date_pattern",
                                                "recipients",
                                                "addressee",
                                                "closing_mark",
                                                "target_exceeded",
                                                "target_reached",
                                                "times",
                                                "figures_columns",
                                                "awards_columns",
                                                "goals_targets",
                                                "goals_breakthroughs",
                                                "goals_tasks",
                                                "month_names",
                                                "source",
                                                "chart_caption",
                                                "awards_collective",
                                                "awards_individual",
                                                "awards_mixed",
                                                "awards_year",
                                                "awards_summary",
                                                "awards_summary_individuals",
                                                "awards_summary_collectives",
                                                "key_figures_target",
                                                "table_total",
                                                "table_caption"};
  Mapping m(node, keys, "a mapping of labels");
  style::Labels l;
  l.number_prefix = label(m, "number_prefix", {}, "");
  l.date_pattern = label(m, "date_pattern",
                         {"place", "date", "day", "month", "d", "m", "year", "month_name"}, "");
  if (l.date_pattern.find("{date}") == std::string::npos &&
      l.date_pattern.find("{year}") == std::string::npos) {
    fail(*m.find("date_pattern"), "the date has no {date} and no {year}",
         "a pattern such as \"{place}, {date}\" or \"{place}, {month_name} {d}, {year}\"");
  }
  l.recipients = label(m, "recipients", {}, "");
  l.addressee = label(m, "addressee", {}, "");
  l.closing_mark = text(m.need("closing_mark", "text (\"\" for none)"), true);
  l.target_exceeded = label(m, "target_exceeded", {"percent"}, "percent");
  l.target_reached = label(m, "target_reached", {"percent"}, "percent");
  l.times = label(m, "times", {"count"}, "count");
  l.figures_columns = text_list(m.need("figures_columns", "a list of 4 column titles"), 4);
  l.awards_columns = text_list(m.need("awards_columns", "a list of 5 column titles"), 5);
  l.goals_targets = label(m, "goals_targets", {}, "");
  l.goals_breakthroughs = label(m, "goals_breakthroughs", {}, "");
  l.goals_tasks = label(m, "goals_tasks", {}, "");
  l.month_names = text_list(m.need("month_names", "a list of 12 month names"), 12);
  l.source = label(m, "source", {"source"}, "source");
  l.chart_caption = label(m, "chart_caption", {"n", "caption"}, "caption");
  l.awards_collective = label(m, "awards_collective", {}, "");
  l.awards_individual = label(m, "awards_individual", {}, "");
  l.awards_mixed = label(m, "awards_mixed", {}, "");
  l.awards_year = label(m, "awards_year", {"year"}, "year");
  l.awards_summary = label(m, "awards_summary", {"individuals", "collectives"}, "individuals");
  if (l.awards_summary.find("{collectives}") == std::string::npos) {
    fail(*m.find("awards_summary"), "the label has no {collectives}",
         "text containing {individuals} and {collectives}");
  }
  l.awards_summary_individuals =
      label(m, "awards_summary_individuals", {"individuals"}, "individuals");
  l.awards_summary_collectives =
      label(m, "awards_summary_collectives", {"collectives"}, "collectives");
  l.key_figures_target = label(m, "key_figures_target", {"target"}, "target");
  l.table_total = label(m, "table_total", {}, "");
  l.table_caption = label(m, "table_caption", {"n", "caption"}, "caption");
  return l;
}

style::ChartStyle chart(const Tree& node) {
  Mapping m(node,
            {"colors", "rest_color", "axis_color", "grid_color", "height", "bar_height",
             "label_text", "value_text", "legend_text", "space_after"},
            "a chart style mapping");
  style::ChartStyle c;
  const std::string two = "a list of at least 2 colors \"#rrggbb\"";
  const Tree& colors = m.need("colors", two);
  for (const auto& t : list(colors, 0, two)) c.colors.push_back(color(t));
  if (c.colors.size() < 2) {
    fail(colors, "the list has " + std::to_string(c.colors.size()) + " colors", two);
  }
  c.rest_color = color(m.need("rest_color", "a color \"#rrggbb\""));
  c.axis_color = color(m.need("axis_color", "a color \"#rrggbb\""));
  c.grid_color = color(m.need("grid_color", "a color \"#rrggbb\""));
  c.height = core::mm(
      bounded(m.need("height", "millimetres"), 200, "millimetres above 0 and at most 200"));
  c.bar_height = core::mm(
      bounded(m.need("bar_height", "millimetres"), 50, "millimetres above 0 and at most 50"));
  c.label_text = text_style(m.need("label_text", "a text style"));
  c.value_text = text_style(m.need("value_text", "a text style"));
  c.legend_text = text_style(m.need("legend_text", "a text style"));
  c.space_after = points(m.need("space_after", "points"));
  return c;
}

style::AwardsStyle awards_style(const Tree& node) {
  Mapping m(node, {"as", "group_by", "sort", "summary"},
            "a mapping with as, group_by, sort and summary");
  style::AwardsStyle a;
  a.list = choice(m.need("as", "table or list"), {"table", "list"}) == "list";
  std::string g =
      choice(m.need("group_by", "none, level or authority"), {"none", "level", "authority"});
  a.group_by = g == "level"       ? style::AwardsStyle::Grouping::level
               : g == "authority" ? style::AwardsStyle::Grouping::authority
                                  : style::AwardsStyle::Grouping::none;
  a.sort_by_year = choice(m.need("sort", "input or year"), {"input", "year"}) == "year";
  a.summary = boolean(m.need("summary", "true or false"));
  return a;
}

style::KeyFiguresStyle key_figures_style(const Tree& node) {
  Mapping m(node,
            {"as", "columns", "value_text", "unit_text", "label_text", "note_text", "fill",
             "rule_width", "padding", "gap", "space_after"},
            "a key figures style mapping");
  style::KeyFiguresStyle k;
  k.grid = choice(m.need("as", "grid or table"), {"grid", "table"}) == "grid";
  k.columns = static_cast<int>(
      whole_number(m.need("columns", "a whole number 1-6"), 1, 6, "a whole number 1-6"));
  k.value_text = text_style(m.need("value_text", "a text style"));
  k.unit_text = text_style(m.need("unit_text", "a text style"));
  k.label_text = text_style(m.need("label_text", "a text style"));
  k.note_text = text_style(m.need("note_text", "a text style"));
  // "" leaves the cards unfilled.
  const Tree& fill = m.need("fill", "a color \"#rrggbb\", or \"\" for none");
  k.fill = !(fill.kind == Tree::Kind::scalar && fill.quoted && fill.scalar.empty());
  if (k.fill) k.fill_color = color(fill);
  k.rule_width = points(m.need("rule_width", "points (0 for no outline)"));
  k.padding = mm_points(m.need("padding", "millimetres"));
  k.gap = mm_points(m.need("gap", "millimetres"));
  k.space_after = points(m.need("space_after", "points"));
  return k;
}

style::Style read_style(const Tree& root) {
  Mapping top(root,
              {"name", "description", "fonts", "numbers", "page", "page_number", "footer", "body",
               "headings", "list", "table", "masthead", "signature", "labels", "chart", "awards",
               "key_figures"},
              "a template mapping (see templates/dang.yaml)");
  style::Style s;
  s.name = text(top.need("name", "text"));
  s.description = text(top.need("description", "one line of text"));

  Mapping fonts(top.need("fonts", "a mapping {fallback: [...]}"), {"fallback"},
                "a mapping {fallback: [...]}");
  for (const auto& f :
       list(fonts.need("fallback", "a list of font families"), 0, "a list of font families")) {
    s.fonts_fallback.push_back(text(f));
  }

  Mapping nums(top.need("numbers", "a mapping {thousands: \".\", decimal: \",\"}"),
               {"thousands", "decimal"}, "a mapping {thousands: \".\", decimal: \",\"}");
  s.numbers.thousands =
      text(nums.need("thousands", "the thousands separator, such as \".\""), true);
  s.numbers.decimal = text(nums.need("decimal", "the decimal separator, such as \",\""));

  s.page = page(top.need("page", "a mapping with size and margins"));

  Mapping pn(top.need("page_number", "a mapping"), {"show", "first_page", "from_top", "text"},
             "a mapping with show, first_page, from_top and text");
  s.page_number.show = boolean(pn.need("show", "true or false"));
  s.page_number.on_first_page = boolean(pn.need("first_page", "true or false"));
  s.page_number.from_top = mm_points(pn.need("from_top", "millimetres"));
  s.page_number.text = text_style(pn.need("text", "a text style"));

  Mapping ft(
      top.need("footer", "a mapping"),
      {"show", "first_page", "from_bottom", "left", "right", "text", "rule_width", "rule_color"},
      "a mapping with show, first_page, from_bottom, left, right, text, rule_width and "
      "rule_color");
  s.footer.show = boolean(ft.need("show", "true or false"));
  s.footer.on_first_page = boolean(ft.need("first_page", "true or false"));
  s.footer.from_bottom = mm_points(ft.need("from_bottom", "millimetres"));
  const std::vector<std::string> footer_fields = {"issuer", "kind", "title", "year", "page"};
  s.footer.left = label(ft, "left", footer_fields, "");
  s.footer.right = label(ft, "right", footer_fields, "");
  s.footer.text = text_style(ft.need("text", "a text style"));
  s.footer.rule_width = points(ft.need("rule_width", "points (0 for no rule)"));
  s.footer.rule_color = color(ft.need("rule_color", "a color \"#rrggbb\""));

  s.body = text_style(top.need("body", "a text style"));

  const Tree& headings = top.need("headings", "a list of 3 headings");
  const std::string three = "a list of exactly 3 headings (levels I., 1., a))";
  if (list(headings, 0, three).size() != 3) {
    fail(headings, "the list has " + std::to_string(headings.items.size()) + " headings", three);
  }
  for (std::size_t i = 0; i < 3; ++i) s.headings[i] = heading(headings.items[i]);

  Mapping l(top.need("list", "a mapping"), {"indent", "bullet", "number_suffix", "item_space"},
            "a mapping with indent, bullet, number_suffix and item_space");
  s.list.indent = mm_points(l.need("indent", "millimetres"));
  s.list.bullet = text(l.need("bullet", "text such as \"-\""));
  s.list.number_suffix = text(l.need("number_suffix", "text such as \".\""), true);
  s.list.item_space = points(l.need("item_space", "points"));

  Mapping t(top.need("table", "a mapping"),
            {"cell", "header", "caption", "rule_width", "padding_x", "padding_y", "header_fill",
             "space_after", "zebra", "stripe_fill"},
            "a table style mapping");
  s.table.cell = text_style(t.need("cell", "a text style"));
  s.table.header = text_style(t.need("header", "a text style"));
  s.table.caption = text_style(t.need("caption", "a text style"));
  s.table.rule_width = points(t.need("rule_width", "points"));
  s.table.padding_x = mm_points(t.need("padding_x", "millimetres"));
  s.table.padding_y = mm_points(t.need("padding_y", "millimetres"));
  s.table.header_fill = color(t.need("header_fill", "a color \"#rrggbb\""));
  s.table.space_after = points(t.need("space_after", "points"));
  s.table.zebra = boolean(t.need("zebra", "true or false"));
  s.table.stripe_fill = color(t.need("stripe_fill", "a color \"#rrggbb\""));

  Mapping mh(top.need("masthead", "a mapping"),
             {"style",          "accent",        "left_share",        "motto",
              "motto_sub",      "motto_text",    "motto_sub_text",    "parent_text",
              "issuer_text",    "issuer_mark",   "issuer_rule_share", "rule_under",
              "addressee_text", "number_text",   "date_text",         "kind_text",
              "title_text",     "subtitle_text", "rule_width",        "space_after"},
             "a masthead style mapping");
  const Tree& mstyle = mh.need("style", "official or cover");
  std::string mstyle_value = text(mstyle);
  if (mstyle_value != "official" && mstyle_value != "cover") {
    fail(mstyle, "\"" + shorten(mstyle_value) + "\" is not a masthead style", "official or cover");
  }
  s.masthead.cover = mstyle_value == "cover";
  s.masthead.accent = color(mh.need("accent", "a color \"#rrggbb\""));
  const Tree& share = mh.need("left_share", "a number between 0 and 1");
  s.masthead.left_share = number(share, "a number between 0 and 1");
  if (s.masthead.left_share <= 0 || s.masthead.left_share >= 1) {
    fail(share, shorten(share.scalar) + " is out of range", "a number between 0 and 1");
  }
  s.masthead.motto = text(mh.need("motto", "text (\"\" for none)"), true);
  s.masthead.motto_sub = text(mh.need("motto_sub", "text (\"\" for none)"), true);
  s.masthead.motto_text = text_style(mh.need("motto_text", "a text style"));
  s.masthead.motto_sub_text = text_style(mh.need("motto_sub_text", "a text style"));
  s.masthead.parent_text = text_style(mh.need("parent_text", "a text style"));
  s.masthead.issuer_text = text_style(mh.need("issuer_text", "a text style"));
  s.masthead.issuer_mark = text(mh.need("issuer_mark", "text (\"\" for a rule)"), true);
  const Tree& rule_share = mh.need("issuer_rule_share", "a number between 0 and 1");
  s.masthead.issuer_rule_share = number(rule_share, "a number between 0 and 1");
  if (s.masthead.issuer_rule_share <= 0 || s.masthead.issuer_rule_share > 1) {
    fail(rule_share, shorten(rule_share.scalar) + " is out of range", "a number between 0 and 1");
  }
  const Tree& under = mh.need("rule_under", "motto or motto_sub");
  std::string under_value = text(under);
  if (under_value != "motto" && under_value != "motto_sub") {
    fail(under, "\"" + shorten(under_value) + "\" is not a place for the rule",
         "motto or motto_sub");
  }
  s.masthead.rule_under_sub = under_value == "motto_sub";
  s.masthead.addressee_text = text_style(mh.need("addressee_text", "a text style"));
  s.masthead.number_text = text_style(mh.need("number_text", "a text style"));
  s.masthead.date_text = text_style(mh.need("date_text", "a text style"));
  s.masthead.kind_text = text_style(mh.need("kind_text", "a text style"));
  s.masthead.title_text = text_style(mh.need("title_text", "a text style"));
  s.masthead.subtitle_text = text_style(mh.need("subtitle_text", "a text style"));
  s.masthead.rule_width = points(mh.need("rule_width", "points"));
  s.masthead.space_after = points(mh.need("space_after", "points"));

  Mapping sg(top.need("signature", "a mapping"),
             {"space_before", "on_behalf_text", "delegation_text", "role_text", "name_text",
              "signature_space", "image_height", "seal_size", "recipients_label_text",
              "recipients_text", "source_text"},
             "a signature style mapping");
  s.signature.space_before = points(sg.need("space_before", "points"));
  s.signature.on_behalf_text = text_style(sg.need("on_behalf_text", "a text style"));
  s.signature.delegation_text = text_style(sg.need("delegation_text", "a text style"));
  s.signature.role_text = text_style(sg.need("role_text", "a text style"));
  s.signature.name_text = text_style(sg.need("name_text", "a text style"));
  s.signature.signature_space = mm_points(sg.need("signature_space", "millimetres"));
  s.signature.image_height = mm_points(sg.need("image_height", "millimetres"));
  s.signature.seal_size = mm_points(sg.need("seal_size", "millimetres"));
  s.signature.recipients_label_text = text_style(sg.need("recipients_label_text", "a text style"));
  s.signature.recipients_text = text_style(sg.need("recipients_text", "a text style"));
  s.signature.source_text = text_style(sg.need("source_text", "a text style"));

  s.labels = labels(top.need("labels", "a mapping of labels"));
  s.chart = chart(top.need("chart", "a chart style mapping"));
  s.awards = awards_style(top.need("awards", "a mapping"));
  s.key_figures = key_figures_style(top.need("key_figures", "a mapping"));
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
