#include "input/template_types.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "input/messages.hpp"

namespace baocao::input::template_types {
namespace {

using schema::Shape;
using schema::Type;

Shape shape(Type type) {
  Shape s;
  s.type = type;
  return s;
}
Shape number_shape(double min, bool exclusive, std::optional<double> max = std::nullopt) {
  Shape s = shape(Type::number);
  s.minimum = min;
  s.exclusive_minimum = exclusive;
  s.maximum = max;
  return s;
}
Shape text_shape(bool may_be_empty) {
  Shape s = shape(Type::text);
  s.may_be_empty = may_be_empty;
  return s;
}
Shape color_shape() {
  Shape s = text_shape(false);
  s.pattern = "^#[0-9a-fA-F]{6}$";
  return s;
}

/// A number above 0 and at most max. The caps keep a typo (size: 1400)
/// from producing pages that no line fits on.
double bounded(const Tree& t, double max, const std::string& expected) {
  double v = number_at_least(t, 0, false, expected);
  if (v > max) fail(t, shorten(t.scalar) + " is out of range", expected);
  return v;
}

core::Color read_color(const Tree& t) {
  const std::string expected = "a color \"#rrggbb\" in quotes";
  if (t.kind == Tree::Kind::null) fail(t, "got nothing (an unquoted # starts a comment)", expected);
  std::string s = input::text(t);
  auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  if (s.size() != 7 || s[0] != '#' || !std::all_of(s.begin() + 1, s.end(), hex)) {
    fail(t, "\"" + shorten(s) + "\" is not a color", expected);
  }
  auto channel = [&](std::size_t at) { return std::stoi(s.substr(at, 2), nullptr, 16) / 255.0; };
  return core::Color{channel(1), channel(3), channel(5)};
}

schema::Key key(std::string name, Shape s, bool required, std::string vi, std::string en) {
  return schema::Key{std::move(name), std::move(s), required, std::move(vi), std::move(en)};
}

schema::ObjectKind make_text_style_object() {
  schema::ObjectKind k;
  k.name = "text_style";
  k.vi = "Kiểu chữ";
  k.en = "A text style";
  Shape align = shape(Type::choice);
  align.values = {"left", "center", "right", "justify"};
  k.keys = {
      key("font", text_shape(false), true, "Họ phông chữ, như Liberation Serif",
          "Font family, such as Liberation Serif"),
      key("size", number_shape(0, true, 200), true, "Cỡ chữ (pt)", "Font size in points"),
      key("bold", shape(Type::boolean), false, "Chữ đậm", "Bold"),
      key("italic", shape(Type::boolean), false, "Chữ nghiêng", "Italic"),
      key("uppercase", shape(Type::boolean), false, "Viết hoa toàn bộ", "Turned into capitals"),
      key("underline", shape(Type::boolean), false,
          "Gạch chân (chỉ ở khối đầu trang 1 và khối kết)",
          "Underlined (masthead and closing block only)"),
      key("align", align, false, "Căn lề", "Alignment"),
      key("line_height", number_shape(0, true, 5), false, "Khoảng cách dòng, bội số cỡ chữ",
          "Line pitch as a multiple of the size"),
      key("space_before", number_shape(0, false), false, "Khoảng trước (pt)",
          "Space before, points"),
      key("space_after", number_shape(0, false), false, "Khoảng sau (pt)", "Space after, points"),
      key("first_line_indent", number_shape(0, false), false, "Thụt đầu dòng (mm)",
          "First-line indent, millimetres"),
      key("color", color_shape(), false, "Màu chữ \"#rrggbb\"", "Text colour \"#rrggbb\""),
  };
  return k;
}

/// Points >= 0, millimetres >= 0: shared by the kinds and the text style.
double read_points(const Tree& t) {
  return number_at_least(t, 0, true, "a number of points >= 0");
}
double read_mm(const Tree& t) {
  return core::mm(number_at_least(t, 0, true, "millimetres >= 0"));
}

style::TextStyle read_text_style(const Tree& node) {
  static const std::vector<std::string> keys = schema_keys(text_style_object());
  Mapping m(node, keys, "a text style mapping with font and size");
  style::TextStyle s;
  s.font = input::text(m.need("font", "a font family name"));
  s.size =
      bounded(m.need("size", "a size in points"), 200, "a size in points, above 0 and at most 200");
  auto flag = [&](const char* key) {
    const Tree* t = m.find(key);
    return t ? input::boolean(*t) : false;
  };
  s.bold = flag("bold");
  s.italic = flag("italic");
  s.uppercase = flag("uppercase");
  s.underline = flag("underline");
  s.align = style::TextAlign::left;
  if (const Tree* t = m.find("align")) {
    s.align = choice<style::TextAlign>({{"left", style::TextAlign::left},
                                        {"center", style::TextAlign::center},
                                        {"right", style::TextAlign::right},
                                        {"justify", style::TextAlign::justify}})
                  .read(*t);
  }
  s.line_height = 1.2;
  if (const Tree* t = m.find("line_height")) {
    s.line_height = bounded(*t, 5, "a multiple of the size, above 0 and at most 5, such as 1.3");
  }
  s.space_before = m.find("space_before") ? read_points(*m.find("space_before")) : 0;
  s.space_after = m.find("space_after") ? read_points(*m.find("space_after")) : 0;
  s.first_line_indent = m.find("first_line_indent") ? read_mm(*m.find("first_line_indent")) : 0;
  s.color = m.find("color") ? read_color(*m.find("color")) : core::Color{0, 0, 0};
  return s;
}

} // namespace

std::vector<std::string> schema_keys(const schema::ObjectKind& kind) {
  std::vector<std::string> out;
  for (const auto& k : kind.keys) out.push_back(k.name);
  return out;
}

const schema::ObjectKind& text_style_object() {
  static const schema::ObjectKind k = make_text_style_object();
  return k;
}

Kind<style::TextStyle> text_style() {
  Shape s = shape(Type::object);
  s.ref = "text_style";
  return {s, read_text_style};
}

Kind<std::string> text(bool may_be_empty) {
  return {text_shape(may_be_empty),
          [may_be_empty](const Tree& t) { return input::text(t, may_be_empty); }};
}

Kind<std::string> label(std::vector<std::string> allowed, std::vector<std::string> required) {
  Kind<std::string> k{text_shape(required.empty()), nullptr};
  k.read = [allowed = std::move(allowed), required = std::move(required)](const Tree& t) {
    std::string s = input::text(t, required.empty());
    std::vector<std::string> braced;
    for (const auto& a : allowed) braced.push_back("{" + a + "}");
    for (std::size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
      std::size_t close = s.find('}', open);
      if (close == std::string::npos) {
        fail(t, "a \"{\" is not closed", "placeholders written {name}");
      }
      std::string name = s.substr(open + 1, close - open - 1);
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        fail(t, "unknown placeholder {" + name + "}" + did_you_mean(name, allowed),
             allowed.empty() ? "text without placeholders" : "placeholders among " + join(braced));
      }
    }
    std::vector<std::string> wanted;
    for (const auto& r : required) wanted.push_back("{" + r + "}");
    for (const auto& r : required) {
      if (s.find("{" + r + "}") == std::string::npos) {
        fail(t, "the label has no {" + r + "}", "text containing " + join(wanted, " and "));
      }
    }
    return s;
  };
  return k;
}

Kind<std::vector<std::string>> text_list(std::size_t count) {
  Shape s = shape(Type::list);
  s.items.push_back(text_shape(false));
  s.min_items = count;
  s.max_items = count;
  return {s, [count](const Tree& t) {
            const std::string expected =
                "a list of exactly " + std::to_string(count) + " column titles";
            const auto& items = list(t, 0, expected);
            if (items.size() != count) {
              fail(t, "the list has " + std::to_string(items.size()) + " items", expected);
            }
            std::vector<std::string> out;
            for (const auto& i : items) out.push_back(input::text(i));
            return out;
          }};
}

Kind<std::vector<std::string>> families() {
  Shape s = shape(Type::list);
  s.items.push_back(text_shape(false));
  return {s, [](const Tree& t) {
            std::vector<std::string> out;
            for (const auto& f : list(t, 0, "a list of font families")) {
              out.push_back(input::text(f));
            }
            return out;
          }};
}

Kind<bool> boolean() {
  return {shape(Type::boolean), [](const Tree& t) { return input::boolean(t); }};
}

Kind<double> points() {
  return {number_shape(0, false), read_points};
}

Kind<double> mm() {
  return {number_shape(0, false), read_mm};
}

Kind<double> mm_up_to(double max_mm) {
  return {number_shape(0, true, max_mm), [max_mm](const Tree& t) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "millimetres above 0 and at most %g", max_mm);
            return core::mm(bounded(t, max_mm, buf));
          }};
}

Kind<double> share(bool one_allowed) {
  Shape s = number_shape(0, true, 1);
  // JSON Schema's exclusiveMaximum has no place in Shape: the loader refuses 1
  // for a left_share, the editor's schema does not.
  return {s, [one_allowed](const Tree& t) {
            double v = number(t, "a number between 0 and 1");
            if (v <= 0 || v > 1 || (v == 1 && !one_allowed)) {
              fail(t, shorten(t.scalar) + " is out of range", "a number between 0 and 1");
            }
            return v;
          }};
}

Kind<double> multiple(double lo, double hi) {
  Shape s = number_shape(lo, false, hi);
  return {s, [lo, hi](const Tree& t) {
            char expected[64];
            std::snprintf(expected, sizeof expected, "a number from %g to %g", lo, hi);
            double v = number(t, expected);
            if (v < lo || v > hi) fail(t, shorten(t.scalar) + " is out of range", expected);
            return v;
          }};
}

Kind<int> whole_number(int lo, int hi) {
  Shape s = shape(Type::integer);
  s.minimum = lo;
  s.maximum = hi;
  return {s, [lo, hi](const Tree& t) {
            const std::string expected =
                "a whole number " + std::to_string(lo) + "-" + std::to_string(hi);
            return static_cast<int>(input::whole_number(t, lo, hi, expected));
          }};
}

Kind<core::Color> color() {
  return {color_shape(), read_color};
}

Kind<std::vector<core::Color>> colors(std::size_t min) {
  Shape s = shape(Type::list);
  s.items.push_back(color_shape());
  s.min_items = min;
  return {s, [min](const Tree& t) {
            const std::string expected =
                "a list of at least " + std::to_string(min) + " colors \"#rrggbb\"";
            std::vector<core::Color> out;
            for (const auto& c : list(t, 0, expected)) out.push_back(read_color(c));
            if (out.size() < min) {
              fail(t, "the list has " + std::to_string(out.size()) + " colors", expected);
            }
            return out;
          }};
}

Kind<core::Size> paper() {
  Shape name = shape(Type::choice);
  name.values = {"A4", "A5", "Letter"};
  Shape dims = shape(Type::list);
  dims.items.push_back(number_shape(0, true, 1000));
  dims.min_items = 2;
  dims.max_items = 2;
  Shape s = shape(Type::one_of);
  s.items = {name, dims};
  return {s, [](const Tree& size) {
            double w_mm = 0, h_mm = 0;
            if (size.kind == Tree::Kind::sequence) {
              const std::string expected = "[width_mm, height_mm]";
              if (size.items.size() != 2) {
                fail(size, "the list has " + std::to_string(size.items.size()) + " items",
                     expected);
              }
              w_mm = bounded(size.items[0], 1000, "a width in mm, above 0 and at most 1000");
              h_mm = bounded(size.items[1], 1000, "a height in mm, above 0 and at most 1000");
            } else {
              std::string n = input::choice(size, {"A4", "A5", "Letter"});
              w_mm = n == "A4" ? 210 : n == "A5" ? 148 : 215.9;
              h_mm = n == "A4" ? 297 : n == "A5" ? 210 : 279.4;
            }
            return core::Size{core::mm(w_mm), core::mm(h_mm)};
          }};
}

} // namespace baocao::input::template_types
