#pragma once
// The kinds of value a template holds (points, millimetres, colours, text
// styles, labels with placeholders...): for each, the shape the JSON Schema
// states and the reader that checks a Tree and converts it. template_schema
// binds each template key to one of these and to its style::Style member.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/geometry.hpp"
#include "input/report_schema.hpp"
#include "input/yaml_reader.hpp"
#include "style/style.hpp"

namespace baocao::input::template_types {

/// One kind of value: what the JSON Schema says and how the loader reads it.
template <class T> struct Kind {
  schema::Shape shape;
  std::function<T(const Tree&)> read;
};

/// The keys of a text style, with their own defaults (bold: false, align:
/// left...), as an object kind for the JSON Schema and the docs test.
const schema::ObjectKind& text_style_object();
/// A kind's key names, in order: what a Mapping of it accepts.
std::vector<std::string> schema_keys(const schema::ObjectKind& kind);

Kind<style::TextStyle> text_style();
/// Text; `may_be_empty` allows "".
Kind<std::string> text(bool may_be_empty);
/// Text whose {placeholders} are all in `allowed` and which contains each
/// of `required` (a target label without {percent} would hide the number).
Kind<std::string> label(std::vector<std::string> allowed, std::vector<std::string> required);
/// A list of exactly `count` texts (column titles, month names).
Kind<std::vector<std::string>> text_list(std::size_t count);
/// Font families (may be empty).
Kind<std::vector<std::string>> families();
Kind<bool> boolean();
/// Points >= 0 (sizes, spacing, rule widths).
Kind<double> points();
/// Millimetres >= 0 in the template, points in the Style.
Kind<double> mm();
/// Millimetres above 0 and at most max_mm, as points (a typo such as 600
/// would leave no room on the page).
Kind<double> mm_up_to(double max_mm);
/// A share of a length: 0 < x < 1, or 0 < x <= 1 with `one_allowed`.
Kind<double> share(bool one_allowed);
/// A multiple of something: lo <= x <= hi.
Kind<double> multiple(double lo, double hi);
Kind<int> whole_number(int lo, int hi);
Kind<core::Color> color();
/// At least `min` colours.
Kind<std::vector<core::Color>> colors(std::size_t min);
/// A4, A5, Letter or [width_mm, height_mm], as points.
Kind<core::Size> paper();

/// One of `names`, stored as the matching value.
template <class E> Kind<E> choice(std::vector<std::pair<std::string, E>> names) {
  std::vector<std::string> words;
  for (const auto& n : names) words.push_back(n.first);
  Kind<E> k;
  k.shape.type = schema::Type::choice;
  k.shape.values = words;
  k.read = [names = std::move(names), words](const Tree& t) {
    std::string got = input::choice(t, words);
    for (const auto& n : names) {
      if (n.first == got) return n.second;
    }
    return names.front().second; // unreachable: choice() refused anything else
  };
  return k;
}

} // namespace baocao::input::template_types
