#include "input/markup.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"

namespace {

using baocao::input::parse_markup;

const baocao::core::SourceSpan kWhere{"r.yaml", 4, 9};

/// The runs as "text|b|i" strings, easy to compare in one CHECK.
std::vector<std::string> runs(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& r : parse_markup(s, kWhere, "p").runs) {
    out.push_back(r.text + "|" + (r.bold ? "b" : "") + "|" + (r.italic ? "i" : ""));
  }
  return out;
}

std::string error_of(const std::string& s) {
  try {
    parse_markup(s, kWhere, "sections[0].body[0]");
  } catch (const baocao::core::InputError& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("plain text is one run", "[input][markup]") {
  CHECK(runs("Đảng bộ") == std::vector<std::string>{"Đảng bộ||"});
  CHECK(runs("").empty());
}

TEST_CASE("bold, italic and both", "[input][markup]") {
  CHECK(runs("có **59 cơ sở** và *nghiêng*.") ==
        std::vector<std::string>{"có ||", "59 cơ sở|b|", " và ||", "nghiêng||i", ".||"});
  CHECK(runs("***cả hai***") == std::vector<std::string>{"cả hai|b|i"});
  CHECK(runs("**đậm *và nghiêng***") == std::vector<std::string>{"đậm |b|", "và nghiêng|b|i"});
  CHECK(runs("***cả** nghiêng*") == std::vector<std::string>{"cả|b|i", " nghiêng||i"});
}

TEST_CASE("escaped asterisks and backslashes are literal", "[input][markup]") {
  CHECK(runs(R"(5 \* 3 = 15)") == std::vector<std::string>{"5 * 3 = 15||"});
  CHECK(runs(R"(a\\b \x)") == std::vector<std::string>{R"(a\b \x)"
                                                       "||"});
  CHECK(runs(R"(**\*đậm\***)") == std::vector<std::string>{"*đậm*|b|"});
}

TEST_CASE("adjacent runs with the same style merge", "[input][markup]") {
  CHECK(runs("**a**\\*") == std::vector<std::string>{"a|b|", "*||"});
  CHECK(runs("*a**b***") == std::vector<std::string>{"a||i", "b|b|i"});
  CHECK(runs("**a** **b**") == std::vector<std::string>{"a|b|", " ||", "b|b|"});
  CHECK(runs("** **x") == std::vector<std::string>{" |b|", "x||"});
}

TEST_CASE("the rich text keeps the string's position", "[input][markup]") {
  auto rt = parse_markup("x", kWhere, "p");
  CHECK(rt.where.file == "r.yaml");
  CHECK(rt.where.line == 4);
  CHECK(rt.where.col == 9);
  CHECK(rt.plain() == "x");
}

TEST_CASE("unclosed markers and long runs of asterisks are errors", "[input][markup]") {
  CHECK(error_of("có **59 cơ sở") == "r.yaml:4:9: sections[0].body[0]: unclosed \"**\" (bold) at "
                                     "\"**59 cơ sở\"; expected a closing \"**\", or \\* for a "
                                     "literal asterisk");
  CHECK(error_of("5 * 3") == "r.yaml:4:9: sections[0].body[0]: unclosed \"*\" (italic) at \"* "
                             "3\"; expected a closing \"*\", or \\* for a literal asterisk");
  CHECK(error_of("***cả hai") == "r.yaml:4:9: sections[0].body[0]: unclosed \"***\" (bold italic) "
                                 "at \"***cả hai\"; expected a closing \"***\", or \\* for a "
                                 "literal asterisk");
  CHECK(error_of("*a **b* c") == "r.yaml:4:9: sections[0].body[0]: unclosed \"**\" (bold) at "
                                 "\"**b* c\"; expected a closing \"**\", or \\* for a literal "
                                 "asterisk");
  CHECK(error_of("Một đoạn văn rất dài **không có dấu đóng ở cuối câu này") ==
        "r.yaml:4:9: sections[0].body[0]: unclosed \"**\" (bold) at \"**không có dấu đóng ở cu…\"; "
        "expected a closing \"**\", or \\* for a literal asterisk");
  CHECK(error_of("a **** b") == "r.yaml:4:9: sections[0].body[0]: \"****\" is not markup, at "
                                "\"**** b\"; expected ** for bold, * for italic, *** for both, "
                                "or \\* for a literal asterisk");
}
