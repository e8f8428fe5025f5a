#include "input/template_loader.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/geometry.hpp"
#include "support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace baocao;

fs::path builtin_dir() {
  return test::repo_dir() / "templates";
}
fs::path bad_dir() {
  return test::data_dir() / "input" / "bad";
}
fs::path good_dir() {
  return test::data_dir() / "input" / "good";
}

style::Style load(const std::string& name, const fs::path& base) {
  return input::load_template(name, builtin_dir(), base);
}

std::string error_of(const std::string& name, const fs::path& base = bad_dir()) {
  try {
    load(name, base);
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string bad(const std::string& name) {
  return (bad_dir() / name).string();
}

} // namespace

TEST_CASE("the dang template loads, distances in points", "[input][template]") {
  style::Style s = load("dang", fs::current_path());
  CHECK(s.name == "dang");
  CHECK(s.fonts_fallback ==
        std::vector<std::string>{"Liberation Serif", "Liberation Sans", "Noto Sans"});
  CHECK(s.page.size.width == Approx(595.2756).epsilon(1e-6));
  CHECK(s.page.size.height == Approx(841.8898).epsilon(1e-6));
  CHECK(s.page.margin_top == Approx(core::mm(20)));
  CHECK(s.page.margin_bottom == Approx(core::mm(20)));
  CHECK(s.page.margin_left == Approx(core::mm(30)));
  CHECK(s.page.margin_right == Approx(core::mm(15)));
  CHECK(s.page.margin_left == Approx(85.0394).epsilon(1e-5));
  CHECK(s.page_number.show);
  CHECK_FALSE(s.page_number.on_first_page);
  CHECK(s.page_number.from_top == Approx(core::mm(12)));
  CHECK(s.page_number.text.align == style::TextAlign::center);

  CHECK(s.body.font == "Liberation Serif");
  CHECK(s.body.size == 14);
  CHECK(s.body.align == style::TextAlign::justify);
  CHECK(s.body.line_height == Approx(1.3));
  CHECK(s.body.first_line_indent == Approx(core::mm(10)));
  CHECK(s.body.space_after == 6); // points stay points
  CHECK(s.body.space_before == 0);
  CHECK_FALSE(s.body.bold);
  CHECK(s.body.color == core::Color{0, 0, 0});

  CHECK(s.headings[0].numbering == style::Numbering::roman);
  CHECK(s.headings[0].text.uppercase);
  CHECK(s.headings[0].text.first_line_indent == 0);
  CHECK(s.headings[1].numbering == style::Numbering::arabic);
  CHECK(s.headings[2].numbering == style::Numbering::alpha_vi);
  CHECK(s.headings[2].separator == ") ");
  CHECK(s.headings[2].text.italic);

  CHECK(s.list.indent == Approx(core::mm(10)));
  CHECK(s.list.bullet == "-");
  CHECK(s.list.item_space == 3);
  CHECK(s.table.cell.line_height == Approx(1.2));
  CHECK(s.table.cell.align == style::TextAlign::left); // defaulted
  CHECK(s.table.padding_x == Approx(core::mm(1.5)));
  CHECK(s.table.padding_y == Approx(core::mm(1)));
  CHECK(s.table.header_fill.r == Approx(0xe8 / 255.0));
  CHECK(s.table.rule_width == Approx(0.5));
  CHECK(s.masthead.left_share == Approx(0.42));
  CHECK(s.masthead.motto == "ĐẢNG CỘNG SẢN VIỆT NAM");
  CHECK(s.masthead.motto_sub.empty());
  CHECK(s.masthead.issuer_mark == "*");
  CHECK(s.masthead.kind_text.space_before == 18);
  CHECK(s.signature.signature_space == Approx(core::mm(28)));
  CHECK(s.signature.source_text.italic);
  CHECK(s.labels.number_prefix == "Số");
  CHECK(s.labels.date_pattern == "{place}, {date}");
  CHECK(s.labels.figures_columns.size() == 4);
  CHECK(s.labels.awards_columns == std::vector<std::string>{"TT", "Tập thể, cá nhân",
                                                            "Hình thức khen thưởng", "Cấp khen",
                                                            "Năm"});
  CHECK(s.labels.source == "Nguồn: {source}");
}

TEST_CASE("a user template extends dang and overrides a few keys", "[input][template]") {
  style::Style base = load("dang", fs::current_path());
  // By path, relative to base_dir.
  style::Style s = load("template_extends_dang.yaml", good_dir());
  CHECK(s.name == "dang-nho");
  CHECK(s.body.size == 13);
  CHECK(s.body.font == "Liberation Serif");                // merged from dang
  CHECK(s.body.align == style::TextAlign::justify);        // merged from dang
  CHECK(s.body.first_line_indent == Approx(core::mm(10))); // merged from dang
  CHECK(s.page.margin_left == Approx(core::mm(25)));
  CHECK(s.page.margin_right == Approx(core::mm(15)));
  CHECK(s.page.margin_top == Approx(core::mm(20)));
  CHECK(s.page.size.width == Approx(base.page.size.width));
  CHECK(s.labels.figures_columns ==
        std::vector<std::string>{"Chỉ tiêu", "Kết quả", "So với kế hoạch", "Ghi chú"});
  CHECK(s.labels.awards_columns == base.labels.awards_columns);
  CHECK(s.headings[1].numbering == style::Numbering::arabic);

  // An absolute path works whatever base_dir is.
  style::Style again = load((good_dir() / "template_extends_dang.yaml").string(), "/nonexistent");
  CHECK(again.body.size == 13);
}

TEST_CASE("a chain of extends merges mappings and replaces lists", "[input][template]") {
  style::Style s = load("template_extends_user.yaml", good_dir());
  CHECK(s.name == "dang-nho");                       // from the middle template
  CHECK(s.body.size == 13);                          // from the middle template
  CHECK(s.page.size.width == Approx(core::mm(200))); // [w_mm, h_mm]
  CHECK(s.page.size.height == Approx(core::mm(280)));
  CHECK(s.page.margin_left == Approx(core::mm(25)));
  CHECK(s.headings[0].numbering == style::Numbering::none);
  CHECK(s.headings[0].separator.empty());
  CHECK(s.headings[0].text.font == "Liberation Sans");
  CHECK_FALSE(s.headings[0].text.bold); // the list replaced dang's, nothing merged in
  CHECK(s.headings[0].text.line_height == Approx(1.2));
  CHECK(s.headings[2].text.color.r == Approx(0x33 / 255.0));
  CHECK(s.headings[2].text.color.g == Approx(0x66 / 255.0));
  CHECK(s.headings[2].text.color.b == Approx(0x99 / 255.0));
}

TEST_CASE("broken templates fail with file:line:col in the file at fault", "[input][template]") {
  CHECK(error_of("template_unknown_key.yaml") ==
        bad("template_unknown_key.yaml") +
            ":4:3: body: unknown key \"colour\" (did you mean \"color\"?); expected one of: font, "
            "size, bold, italic, uppercase, underline, align, line_height, space_before, "
            "space_after, "
            "first_line_indent, color");
  CHECK(error_of("template_cycle_a.yaml") ==
        bad("template_cycle_b.yaml") +
            ":2:10: extends: the templates extend each other in a cycle: " +
            bad("template_cycle_a.yaml") + " -> " + bad("template_cycle_b.yaml") + " -> " +
            bad("template_cycle_a.yaml") +
            "; expected a base template that does not extend this one");
  CHECK(error_of("template_bad_margin.yaml") ==
        bad("template_bad_margin.yaml") +
            ":3:12: page.margins: the left and right margins leave less than 50 mm for text on a "
            "page 210 mm wide; expected margins that leave room for the text");
  CHECK(error_of("template_bad_label.yaml") ==
        bad("template_bad_label.yaml") +
            ":3:10: labels.times: unknown placeholder {cout} (did you mean \"count\"?); expected "
            "placeholders among {count}");
  CHECK(error_of("template_two_headings.yaml") ==
        bad("template_two_headings.yaml") +
            ":3:3: headings: the list has 2 headings; expected a list of exactly 3 headings "
            "(levels I., 1., a))");
  CHECK(error_of("template_extends_missing.yaml") ==
        bad("template_extends_missing.yaml") +
            ":1:10: extends: \"dangg\" is not a built-in template (did you mean \"dang\"?); "
            "expected one of: dang, hien-dai, nha-nuoc, or a path to a template .yaml file");
  CHECK(error_of("template_bad_color.yaml") ==
        bad("template_bad_color.yaml") +
            ":3:3: table.header_fill: got nothing (an unquoted # starts a comment); expected a "
            "color \"#rrggbb\" in quotes");
}

TEST_CASE("values a template leaves out take their defaults", "[input][template]") {
  style::Style dang = load("dang", fs::current_path());
  style::Style s = load("template_partial.yaml", good_dir());
  CHECK(s.name == "thieu");
  CHECK(s.fonts_fallback.empty());
  CHECK(s.page.margin_left == Approx(core::mm(25)));
  CHECK(s.page.margin_right == Approx(core::mm(15))); // left out: the default
  // A text style is one value: given, it is read whole (no merging with the default).
  CHECK(s.body.font == "Liberation Sans");
  CHECK(s.body.align == style::TextAlign::left);
  CHECK(s.body.line_height == Approx(1.2));
  // Whole sections left out.
  CHECK(s.headings[2].separator == ") ");
  CHECK(s.headings[2].numbering == style::Numbering::alpha_vi);
  CHECK(s.masthead.motto == dang.masthead.motto);
  CHECK(s.labels.month_names == dang.labels.month_names);
  CHECK(s.chart.colors.size() == 6);
  CHECK(s.key_figures.columns == 3);
  CHECK_FALSE(s.key_figures.fill);

  // A heading item may leave a key out too: that level's default.
  test::TempDir dir;
  test::write_file(dir / "h.yaml",
                   "headings:\n  - {numbering: none}\n  - {}\n  - {separator: \"- \"}\n");
  style::Style h = load("h.yaml", dir.path());
  CHECK(h.headings[0].numbering == style::Numbering::none);
  CHECK(h.headings[0].text.uppercase);
  CHECK(h.headings[1].numbering == style::Numbering::arabic);
  CHECK(h.headings[2].separator == "- ");
  CHECK(h.headings[2].numbering == style::Numbering::alpha_vi);

  // Unknown keys are still refused, at any depth, with a suggestion.
  test::write_file(dir / "u.yaml", "bodyy: {font: X, size: 1}\n");
  CHECK(error_of("u.yaml", dir.path()) ==
        (dir / "u.yaml").string() +
            ":1:1: unknown key \"bodyy\" (did you mean \"body\"?); expected one of: extends, name, "
            "description, fonts, numbers, page, page_number, header, footer, body, "
            "sub_label_text, headings, list, justify, table, "
            "masthead, signature, labels, chart, image, awards, key_figures, marks, contents, "
            "appendix, indicators");
  test::write_file(dir / "m.yaml", "page: {margins: {rigth: 10}}\n");
  CHECK(error_of("m.yaml", dir.path()) ==
        (dir / "m.yaml").string() +
            ":1:18: page.margins: unknown key \"rigth\" (did you mean \"right\"?); expected one "
            "of: top, bottom, left, right");
  // Margins are checked against the paper even when both are defaults but one.
  test::write_file(dir / "a5.yaml", "page: {size: [60, 210]}\n");
  CHECK(error_of("a5.yaml", dir.path()) ==
        (dir / "a5.yaml").string() +
            ":1:14: page.size: the left and right margins leave less than 50 mm for text on a page "
            "60 mm wide; expected margins that leave room for the text");
}

TEST_CASE("sizes have sane upper bounds", "[input][template]") {
  test::TempDir dir;
  test::write_file(dir / "big.yaml", "extends: dang\nbody: {size: 1400}\n");
  CHECK(error_of("big.yaml", dir.path()) ==
        (dir / "big.yaml").string() +
            ":2:14: body.size: 1400 is out of range; expected a size in points, above 0 and at "
            "most 200");
  test::write_file(dir / "page.yaml", "extends: dang\npage: {size: [0, 100]}\n");
  CHECK(error_of("page.yaml", dir.path()) ==
        (dir / "page.yaml").string() +
            ":2:15: page.size[0]: 0 is out of range; expected a width in mm, above 0 and at most "
            "1000");
}

TEST_CASE("an unknown built-in name or a missing file is an error", "[input][template]") {
  CHECK(error_of("dangg") ==
        "dangg: \"dangg\" is not a built-in template (did you mean "
        "\"dang\"?); expected one of: dang, hien-dai, nha-nuoc, or a path to a template .yaml "
        "file");
  CHECK(error_of("nothere.yaml") ==
        bad("nothere.yaml") +
            ": cannot open the file (No such file or directory); expected a readable YAML file");
}

TEST_CASE("a value that is wrong in the base is reported in the base", "[input][template]") {
  test::TempDir dir;
  test::write_file(dir / "base.yaml", "extends: dang\nbody: {size: 13, align: centre}\n");
  test::write_file(dir / "user.yaml", "extends: base.yaml\nname: user\n");
  CHECK(error_of("user.yaml", dir.path()) ==
        (dir / "base.yaml").string() +
            ":2:25: body.align: unknown value \"centre\" (did you mean \"center\"?); expected one "
            "of: left, center, right, justify");
  // The user's file overrides the bad value: nothing left to complain about.
  test::write_file(dir / "user.yaml", "extends: base.yaml\nbody: {align: center}\n");
  CHECK(load("user.yaml", dir.path()).body.align == style::TextAlign::center);
}

TEST_CASE("hien-dai sets every label caption and heading in its sans family", "[input][template]") {
  // Its body is serif by design (long justified text); anything else in serif
  // was a dang default showing through, as "Kính gửi:" once did on the cover.
  style::Style s = load("hien-dai", "/nonexistent");
  REQUIRE(s.body.font == "Liberation Serif");
  for (const auto& [where, ts] : style::all_text_styles(s)) {
    if (where == "body") continue;
    INFO(where);
    CHECK(ts->font == "Liberation Sans");
  }
  // Its own labels are in its accent, as its headings and captions are.
  CHECK(s.sub_label_text.color == s.masthead.accent);
  CHECK(s.table.caption.color == s.masthead.accent);
}

TEST_CASE("each built-in template numbers tables, charts and pictures with one separator",
          "[input][template]") {
  for (const char* name : {"dang", "nha-nuoc", "hien-dai"}) {
    style::Style s = load(name, "/nonexistent");
    // What stands between "{n}" and "{caption}": ": " or ". ".
    auto separator = [](const std::string& pattern) {
      auto n = pattern.find("{n}") + 3;
      return pattern.substr(n, pattern.find("{caption}") - n);
    };
    INFO(name);
    CHECK(separator(s.labels.table_caption) == separator(s.labels.chart_caption));
    CHECK(separator(s.labels.table_caption) == separator(s.labels.image_caption));
  }
}
