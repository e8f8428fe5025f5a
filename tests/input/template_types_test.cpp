// The kinds of template value, each read from a small YAML text: what they
// accept, what they convert, and the message for what they refuse.
#include "input/template_types.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"

namespace {

using namespace baocao;
namespace tt = input::template_types;

input::Tree yaml(const std::string& text) {
  return input::parse_yaml("v: " + text + "\n", "t.yaml").entries.at(0).value;
}

template <class T> std::string error_of(const tt::Kind<T>& kind, const std::string& text) {
  try {
    kind.read(yaml(text));
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("lengths: points stay points, millimetres become points", "[input][template]") {
  CHECK(tt::points().read(yaml("12")) == 12);
  CHECK(tt::mm().read(yaml("10")) == Approx(core::mm(10)));
  CHECK(tt::mm_up_to(50).read(yaml("9")) == Approx(core::mm(9)));
  CHECK(error_of(tt::mm_up_to(50), "60") ==
        "t.yaml:1:4: v: 60 is out of range; expected millimetres above 0 and at most 50");
  CHECK(error_of(tt::points(), "-1") ==
        "t.yaml:1:4: v: -1 is out of range; expected a number of points >= 0");
}

TEST_CASE("shares: 1 only where it is allowed", "[input][template]") {
  CHECK(tt::share(true).read(yaml("1")) == 1);
  CHECK(error_of(tt::share(false), "1") ==
        "t.yaml:1:4: v: 1 is out of range; expected a number between 0 and 1");
  CHECK(error_of(tt::share(true), "0") ==
        "t.yaml:1:4: v: 0 is out of range; expected a number between 0 and 1");
}

TEST_CASE("labels: allowed and required placeholders", "[input][template]") {
  auto summary = tt::label({"individuals", "collectives"}, {"individuals", "collectives"});
  CHECK(summary.read(yaml("\"{individuals} và {collectives}\"")) ==
        "{individuals} và {collectives}");
  CHECK(error_of(summary, "\"{individuals} cá nhân\"") ==
        "t.yaml:1:4: v: the label has no {collectives}; expected text containing {individuals} "
        "and {collectives}");
  CHECK(error_of(summary, "\"{individual} {collectives}\"") ==
        "t.yaml:1:4: v: unknown placeholder {individual} (did you mean \"individuals\"?); expected "
        "placeholders among {individuals}, {collectives}");
  // Without a required placeholder, "" is allowed.
  CHECK(tt::label({}, {}).read(yaml("\"\"")).empty());
  CHECK(error_of(tt::label({}, {}), "\"a {b\"") ==
        "t.yaml:1:4: v: a \"{\" is not closed; expected placeholders written {name}");
}

TEST_CASE("colours, lists, paper and choices", "[input][template]") {
  core::Color c = tt::color().read(yaml("\"#ff8000\""));
  CHECK(c.r == Approx(1));
  CHECK(c.g == Approx(128 / 255.0));
  CHECK(error_of(tt::colors(2), "[\"#000000\"]") ==
        "t.yaml:1:4: v: the list has 1 colors; expected a list of at least 2 colors \"#rrggbb\"");
  CHECK(tt::text_list(2).read(yaml("[a, b]")) == std::vector<std::string>{"a", "b"});
  CHECK(error_of(tt::text_list(2), "[a]") ==
        "t.yaml:1:4: v: the list has 1 items; expected a list of exactly 2 column titles");
  core::Size a5 = tt::paper().read(yaml("A5"));
  CHECK(a5.width == Approx(core::mm(148)));
  CHECK(tt::paper().read(yaml("[100, 200]")).height == Approx(core::mm(200)));
  auto sort = tt::choice<bool>({{"input", false}, {"year", true}});
  CHECK(sort.read(yaml("year")));
  CHECK(sort.shape.values == std::vector<std::string>{"input", "year"});
  CHECK(tt::whole_number(1, 6).read(yaml("6")) == 6);
  CHECK(error_of(tt::whole_number(1, 6), "7") ==
        "t.yaml:1:4: v: 7 is out of range; expected a whole number 1-6");
}

TEST_CASE("a text style: font and size required, the rest with its own defaults",
          "[input][template]") {
  style::TextStyle s = tt::text_style().read(yaml("{font: Liberation Sans, size: 11}"));
  CHECK(s.font == "Liberation Sans");
  CHECK(s.size == 11);
  CHECK(s.line_height == Approx(1.2));
  CHECK(s.align == style::TextAlign::left);
  CHECK_FALSE(s.bold);
  CHECK(error_of(tt::text_style(), "{size: 11}") ==
        "t.yaml:1:4: v: missing required key \"font\"; expected a \"font\" key with a font "
        "family name");
}
