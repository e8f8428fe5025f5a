// Each broken report in tests/data/input/bad/ against the exact message the
// user sees: the messages are part of the interface.
#include <catch2/catch.hpp>

#include <set>

#include "core/error.hpp"
#include "input/report_loader.hpp"
#include "support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace baocao;

fs::path bad(const std::string& name) {
  return test::data_dir() / "input" / "bad" / name;
}

std::string error_of(const fs::path& file) {
  try {
    input::load_report(file);
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

struct Case {
  const char* file;
  const char* message; ///< what() after "<path>:"
};

const Case kCases[] = {
    {"unknown_key.yaml",
     "6:3: document: unknown key \"titel\" (did you mean \"title\"?); expected one of: kind, "
     "number, place, date, title, subtitle, issuer, parent, addressees, metadata, urgency, "
     "circulation"},
    {"missing_key.yaml",
     "3:3: document: missing required key \"place\"; expected a \"place\" key with text"},
    {"wrong_type.yaml", "4:11: document.number: got a number, 125 (write \"125\" in quotes if it "
                        "is text); expected text"},
    {"bad_date.yaml",
     "5:9: document.date: 2015-02-30 is not a calendar date; expected a date YYYY-MM-DD"},
    {"duplicate_key.yaml", "8:3: document: duplicate key \"title\" (first at line 6); expected "
                           "each key once in a mapping"},
    {"unclosed_bold.yaml", "12:9: sections[0].body[0]: unclosed \"**\" (bold) at \"**59 cơ sở.\"; "
                           "expected a closing \"**\", or \\* for a literal asterisk"},
    {"row_cells.yaml", "17:15: sections[0].body[1].table.rows[1]: the row has 2 cells; expected 3 "
                       "cells, one per column"},
    {"unknown_figure.yaml",
     "14:19: sections[0].body[0].figures[0]: no figure has the id \"new_member\" (did you mean "
     "\"new_members\"?); expected one of the figure ids: new_members"},
    {"nested_4.yaml", "15:13: sections[0].sections[0].sections[0].sections: sections nest at most "
                      "3 levels deep (I., 1., a)); expected body blocks here instead of a fourth "
                      "level of sections"},
    {"syntax_error.yaml", "8:21: YAML syntax error: end of map flow not found; expected valid YAML "
                          "(check the indentation, colons and quotes here and on the line before)"},
    {"schema_3.yaml",
     "1:9: schema: version 3 is not supported; expected 1, or 2 (indicators, docs/schema-2.md)"},
    {"invalid_utf8.yaml",
     "3:10: invalid UTF-8 (byte 0xC3); expected UTF-8 text (save the file as UTF-8)"},
    {"text_for_number.yaml", "11:12: figures[0].value: got text \"nhiều\"; expected a number"},
    {"awards_not_placed.yaml",
     "13:1: awards: the awards are not shown: no section body has an awards block; expected an "
     "\"- awards: {}\" block in a section's body"},
    {"goals_without_goals.yaml", "13:9: sections[0].body[1]: a goals block, but the report has no "
                                 "goals; expected a top-level \"goals\" mapping"},
    {"unquoted_markup.yaml",
     "12:9: YAML reads a value that starts with * as an alias (*name), so markup at the start of a "
     "value must be quoted; expected quotes around the value, e.g. '**59 cơ sở** ...'"},
    {"tab_indent.yaml", "3:6: YAML syntax error: illegal map value (a tab indents this line); "
                        "expected spaces for indentation, never tabs"},
    {"percent_widths.yaml",
     "16:40: sections[0].body[1].table.columns[1].width: the percentage widths add up to 110%; "
     "expected at most 100% in all"},
    {"term_order.yaml", "8:24: term.to: the term ends (2010) before it starts (2015); expected a "
                        "year from 2015 on"},
    {"two_block_kinds.yaml", "15:9: sections[0].body[1]: a block has one kind, got \"list\" and "
                             "\"table\"; expected one key per block (start the next block with "
                             "\"-\")"},
    {"colon_paragraph.yaml",
     "13:9: sections[0].body[1]: \"Kết quả: ...\" is read as a mapping because of the \": \"; "
     "expected quotes around a paragraph that contains \": \", or one of: paragraph, list, table, "
     "figures, awards, goals, chart, indicators, image"},
    {"duplicate_figure_id.yaml",
     "11:10: figures[1].id: the id \"a\" is already used by figures[0]; expected a unique id"},
    {"empty_section.yaml", "10:5: sections[0]: the section \"Trống\" has no body and no sections; "
                           "expected a \"body\" list, a \"sections\" list, or both"},
    {"table_span_cover.yaml",
     "17:15: sections[0].body[1].table.rows[1]: the row covers 4 columns: 3 from its cells "
     "(colspans counted) and 1 held by rowspans from above; expected 3 columns, one per column"},
    {"table_rowspan_past_end.yaml",
     "17:19: sections[0].body[1].table.rows[1][1]: the rowspan of 3 reaches past the last row; "
     "expected at most 1 (this row and the ones below it)"},
    {"table_total_numeric_first.yaml",
     "14:18: sections[0].body[1].table.total: the first column holds only numbers, so it has no "
     "room for the total's label; expected a first column of text (put the labels first), or no "
     "total"},
    {"table_total_unknown_column.yaml",
     "14:37: sections[0].body[1].table.total.columns[1]: no column is titled \"Tăng trưởng\"; "
     "expected titles of: Số lớp, Số học viên"},
    {"table_total_text_column.yaml",
     "14:29: sections[0].body[1].table.total.columns[0]: the column \"Ghi chú\" does not hold "
     "only numbers; expected titles of: Số lớp"},
    {"table_cell_two_contents.yaml",
     "16:16: sections[0].body[1].table.rows[0][0]: the cell has both \"text\" and \"number\"; "
     "expected exactly one of text, number, paragraphs, items"},
    // Figures typed the way a report prints them (issue 13, item 5).
    {"figure_decimal_comma.yaml",
     "15:12: figures[0].value: got text \"4,25%\" (YAML numbers take a decimal point: write "
     "value: 4.25 and unit: '%'); expected a number"},
    {"figure_decimal_comma_flow.yaml",
     "13:49: figures[0].value: YAML ended value: 4 at the comma, so \"25%\" is read as a key; "
     "expected a decimal point, not a comma: write value: 4.25 and unit: '%'"},
    {"figure_thousands_dots.yaml",
     "15:12: figures[0].value: got text \"1.234.567\" (YAML numbers have no thousands "
     "separator: write value: 1234567); expected a number"},
    {"figure_unquoted_percent.yaml",
     "16:11: figures[0].unit: YAML cannot read a value that starts with \"%\" unquoted; "
     "expected quotes around it: unit: '%'"},
    {"figure_comma_in_label.yaml",
     "13:44: figures[0].label: YAML ended label: Thu nhập bình quân at the comma, so \"đầu "
     "người\" is read as a key; expected quotes around a value that contains a comma: label: "
     "\"Thu nhập bình quân, đầu người\""},
    {"figure_target_comparator.yaml",
     "17:13: figures[0].target: got text \"dưới 2\" (write target: 2 and say \"dưới 2\" in "
     "note: schema 1 has no comparator, schema 2 takes comparator: less_than); expected a "
     "number > 0"},
    {"figure_count.yaml",
     "15:12: figures[0].value: got text \"04/09\" (04/09 is a count out of a total: write "
     "value: 4 and say \"04/09\" in note: schema 1 has no counts, schema 2 takes result: "
     "04/09); expected a number"},
};

} // namespace

TEST_CASE("broken reports fail with the exact message", "[input][report][bad]") {
  for (const Case& c : kCases) {
    fs::path file = bad(c.file);
    INFO(c.file);
    REQUIRE(fs::exists(file));
    CHECK(error_of(file) == file.string() + ":" + c.message);
  }
}

TEST_CASE("every broken report file is checked", "[input][report][bad]") {
  std::set<std::string> listed;
  for (const Case& c : kCases) listed.insert(c.file);
  for (const auto& entry : fs::directory_iterator(test::data_dir() / "input" / "bad")) {
    std::string name = entry.path().filename().string();
    if (name.rfind("template_", 0) == 0) continue; // template_loader_test.cpp
    INFO(name);
    CHECK(listed.count(name) == 1);
  }
}
