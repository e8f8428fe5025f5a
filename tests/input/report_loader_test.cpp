#include "input/report_loader.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace baocao;

fs::path good(const std::string& name) {
  return test::data_dir() / "input" / "good" / name;
}

template <class F> std::string error_of(F&& f) {
  try {
    f();
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string parse_error(const std::string& yaml) {
  return error_of([&] { input::parse_report(yaml, "r.yaml"); });
}

const std::string kDocument =
    "document: {kind: BÁO CÁO, place: Phú Thọ, date: 2015-08-11, title: T, issuer: I}\n";
/// schema, document and term: lines 1-3 of a report.
const std::string kHead = "schema: 1\n" + kDocument + "term: {from: 2010, to: 2015}\n";

/// A valid report around one section body, for small inline cases.
std::string with_body(const std::string& body_items) {
  return kHead +
         "sections:\n"
         "  - title: S\n"
         "    body:\n" +
         body_items;
}

} // namespace

TEST_CASE("the schema.md example loads with its values", "[input][report]") {
  model::Report r = input::load_report(good("minimal.yaml"));
  CHECK(r.schema == 1);
  CHECK(r.template_name == "dang");
  CHECK(r.where.file == good("minimal.yaml").string());
  CHECK(r.document.kind == "BÁO CÁO");
  CHECK(r.document.number == "125-BC/ĐUK");
  CHECK(r.document.place == "Phú Thọ");
  CHECK(r.document.date.year == 2015);
  CHECK(r.document.date.month == 8);
  CHECK(r.document.date.day == 11);
  CHECK(r.document.title == "Tổng kết nhiệm kỳ 2010 - 2015");
  CHECK(r.document.subtitle.empty());
  CHECK(r.document.issuer == "Đảng ủy Khối các cơ quan tỉnh");
  CHECK(r.document.parent == "Đảng bộ tỉnh Phú Thọ");
  CHECK(r.document.metadata.author == r.document.issuer); // defaults to the issuer
  CHECK(r.term.from == 2010);
  CHECK(r.term.to == 2015);
  CHECK_FALSE(r.next_term.has_value());

  REQUIRE(r.figures.size() == 1);
  const model::Figure& f = r.figures[0];
  CHECK(f.id == "new_members");
  CHECK(f.label == "Kết nạp đảng viên mới");
  CHECK(f.value == 919);
  CHECK(f.unit == "đảng viên");
  REQUIRE(f.target.has_value());
  CHECK(*f.target == 600);
  CHECK(f.note.empty());
  CHECK(f.where.line == 13);
  CHECK(f.where.col == 5);

  REQUIRE(r.sections.size() == 1);
  const model::Section& s = r.sections[0];
  CHECK(s.level == 1);
  CHECK(s.title == "Kết quả đạt được");
  CHECK(s.sections.empty());
  REQUIRE(s.body.size() == 2);
  const auto& p = std::get<model::Paragraph>(s.body[0]);
  REQUIRE(p.text.runs.size() == 3);
  CHECK(p.text.runs[0].text == "Đảng bộ hiện có ");
  CHECK_FALSE(p.text.runs[0].bold);
  CHECK(p.text.runs[1].text == "59 cơ sở");
  CHECK(p.text.runs[1].bold);
  CHECK_FALSE(p.text.runs[1].italic);
  CHECK(p.text.runs[2].text == " và 3.677 đảng viên.");
  CHECK(p.text.where.line == 17);
  CHECK(p.text.where.col == 9);
  const auto& fb = std::get<model::FiguresBlock>(s.body[1]);
  CHECK(fb.ids == std::vector<std::string>{"new_members"});

  CHECK(r.awards.empty());
  CHECK_FALSE(r.signature.has_value());
  CHECK(r.recipients.empty());
  CHECK(r.source.empty());
}

TEST_CASE("every schema form loads", "[input][report]") {
  model::Report r = input::load_report(good("full.yaml"));
  CHECK(r.template_name.empty());
  CHECK(r.document.date.month == 2);
  CHECK(r.document.date.day == 29);
  CHECK(r.document.subtitle == "Phương hướng nhiệm kỳ tới");
  CHECK(r.document.metadata.author == "Đảng ủy Khối");
  CHECK(r.document.metadata.subject == "Tổng kết");
  CHECK(r.document.metadata.keywords == std::vector<std::string>{"nhiệm kỳ", "Phú Thọ"});
  REQUIRE(r.next_term.has_value());
  CHECK(r.next_term->to == 2020);
  REQUIRE(r.figures.size() == 2);
  CHECK(r.figures[0].value == Approx(14.4));
  CHECK(r.figures[0].unit == "%");
  CHECK(r.figures[0].note == "bình quân");
  CHECK(r.figures[1].id.empty());
  CHECK(r.figures[1].value == -3);
  CHECK_FALSE(r.figures[1].target.has_value());

  REQUIRE(r.sections.size() == 2);
  const auto& body = r.sections[0].body;
  REQUIRE(body.size() == 5);
  const auto& p = std::get<model::Paragraph>(body[0]).text;
  REQUIRE(p.runs.size() == 5);
  CHECK(p.runs[1].text == "cả hai");
  CHECK((p.runs[1].bold && p.runs[1].italic));
  CHECK(p.runs[3].text == "nghiêng");
  CHECK(p.runs[4].text == " và * sao");

  const auto& l1 = std::get<model::List>(body[1]);
  CHECK(l1.style == model::ListStyle::bullet);
  REQUIRE(l1.items.size() == 2);
  CHECK(l1.items[1].runs.at(0).bold);
  CHECK(std::get<model::List>(body[2]).style == model::ListStyle::numbered);

  const auto& t = std::get<model::Table>(body[3]);
  CHECK(t.caption == "Bảng 1");
  REQUIRE(t.columns.size() == 4);
  CHECK(t.columns[0].title == "Nội dung");
  CHECK(t.columns[0].width.kind == model::ColumnWidth::Kind::percent);
  CHECK(t.columns[0].width.value == 40);
  CHECK(t.columns[0].align == model::Align::left);
  CHECK(t.columns[1].width.kind == model::ColumnWidth::Kind::mm);
  CHECK(t.columns[1].width.value == 25);
  CHECK(t.columns[1].align == model::Align::decimal); // every cell a number, 919.5 a fraction
  CHECK(t.columns[1].numeric);
  CHECK_FALSE(t.columns[2].numeric);
  CHECK(t.columns[2].title == "Ghi chú");
  CHECK(t.columns[2].width.kind == model::ColumnWidth::Kind::automatic);
  CHECK(t.columns[2].align == model::Align::left);
  CHECK(t.columns[3].align == model::Align::center); // given, though all numbers
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0][1].number == 3677);
  CHECK(t.rows[0][1].text.plain() == "3.677");
  CHECK(t.rows[1][1].text.plain() == "919,5");
  CHECK_FALSE(t.rows[0][0].number.has_value());
  CHECK(t.rows[0][2].text.runs.empty());
  CHECK(t.rows[1][0].text.runs.at(0).italic);

  const auto& sub = r.sections[0].sections.at(0);
  CHECK(sub.level == 2);
  CHECK(sub.body.empty());
  CHECK(sub.sections.at(0).level == 3);
  CHECK(std::get<model::Paragraph>(sub.sections.at(0).body.at(0)).text.plain() == "Đoạn văn.");

  CHECK(std::holds_alternative<model::AwardsBlock>(r.sections[1].body.at(0)));
  CHECK(std::holds_alternative<model::GoalsBlock>(r.sections[1].body.at(1)));
  REQUIRE(r.awards.size() == 1);
  CHECK(r.awards[0].conferred_by == "Chủ tịch nước");
  CHECK(r.awards[0].year == 2015);
  CHECK(r.awards[0].count == 3);
  CHECK(r.goals.targets.at(0).target == 1000);
  CHECK(r.goals.breakthroughs.at(0).plain() == "Đổi mới");
  CHECK(r.goals.tasks.at(0).plain() == "Nâng cao");
  REQUIRE(r.signature.has_value());
  CHECK(r.signature->role == "BÍ THƯ");
  CHECK(r.signature->name.empty());
  CHECK(r.recipients == std::vector<std::string>{"Ban Tổ chức Tỉnh ủy", "Lưu VP"});
  CHECK(r.source == "Báo Phú Thọ");
}

TEST_CASE("the bundled example loads", "[input][report]") {
  model::Report r = input::load_report(test::example_path());
  CHECK(r.document.kind == "BÁO CÁO");
  CHECK_FALSE(r.sections.empty());
}

TEST_CASE("NFD input gives the same bytes as NFC input", "[input][report]") {
  // "Phú Thọ" and "Đảng ủy" typed with combining marks: u + U+0301,
  // o + U+0323, a + U+0309, u + U+0309.
  const std::string nfd_place = "Phu\u0301 Tho\u0323";
  const std::string nfd_issuer = "\u0110a\u0309ng u\u0309y";
  const std::string nfc_place = "Ph\u00fa Th\u1ecd";
  const std::string nfc_issuer = "\u0110\u1ea3ng \u1ee7y";
  REQUIRE(nfd_place != nfc_place);
  auto yaml = [](const std::string& place, const std::string& issuer) {
    return "schema: 1\n"
           "document: {kind: B, place: " +
           place + ", date: 2015-08-11, title: T, issuer: " + issuer +
           "}\n"
           "term: {from: 2010, to: 2015}\n"
           "sections:\n"
           "  - title: " +
           place + "\n    body: ['**" + issuer + "** " + place + "']\n";
  };
  model::Report a = input::parse_report(yaml(nfd_place, nfd_issuer), "nfd.yaml");
  model::Report b = input::parse_report(yaml(nfc_place, nfc_issuer), "nfc.yaml");
  CHECK(a.document.place == nfc_place);
  CHECK(a.document.issuer == nfc_issuer);
  CHECK(a.document.place == b.document.place);
  CHECK(a.sections[0].title == b.sections[0].title);
  const auto& pa = std::get<model::Paragraph>(a.sections[0].body[0]).text;
  const auto& pb = std::get<model::Paragraph>(b.sections[0].body[0]).text;
  REQUIRE(pa.runs.size() == 2);
  REQUIRE(pb.runs.size() == 2);
  CHECK(pa.runs[0].text == pb.runs[0].text);
  CHECK(pa.runs[1].text == pb.runs[1].text);
  CHECK(pa.runs[1].text == " " + nfc_place);
}

TEST_CASE("columns in messages count characters, not bytes", "[input][report]") {
  std::string yaml = kHead + "figures:\n"
                             "  - {label: Đảng viên, value: x}\n";
  CHECK(parse_error(yaml) == "r.yaml:5:31: figures[0].value: got text \"x\"; expected a number");
}

TEST_CASE("stdin and odd files", "[input][report]") {
  CHECK(error_of([] { input::parse_report("", "<stdin>"); }) ==
        "<stdin>:1:1: the file is empty; expected a report starting with \"schema: 1\" (see "
        "docs/schema.md)");
  CHECK(parse_error("# only a comment\n") ==
        "r.yaml:1:1: the file is empty; expected a report starting with \"schema: 1\" (see "
        "docs/schema.md)");
  CHECK(parse_error("- a\n- b\n") ==
        "r.yaml:1:1: got a list; expected a mapping of report keys: schema, document, term, "
        "sections, ...");
  CHECK(parse_error("schema: 1\n---\nschema: 1\n") ==
        "r.yaml:2:1: a second YAML document starts here (after a --- line, or a line indented "
        "less than the first); expected one YAML document per file, every top-level key at the "
        "same indent");
  fs::path missing = test::data_dir() / "input" / "no-such-file.yaml";
  CHECK(error_of([&] { input::load_report(missing); }) ==
        missing.string() +
            ": cannot open the file (No such file or directory); expected a readable YAML file");
  fs::path folder = test::data_dir() / "input";
  CHECK(error_of([&] { input::load_report(folder); }) ==
        folder.string() + ": is a folder, not a file; expected a YAML file");
}

TEST_CASE("a UTF-8 byte order mark is skipped", "[input][report]") {
  std::string text = test::read_file(good("minimal.yaml"));
  model::Report r = input::parse_report("\xEF\xBB\xBF" + text, "bom.yaml");
  CHECK(r.document.place == "Phú Thọ");
  CHECK(parse_error("\xEF\xBB\xBFschema: 3\n") ==
        "r.yaml:1:9: schema: version 3 is not supported; expected 1, or 2 (indicators, "
        "docs/schema-2.md)");
}

TEST_CASE("smaller checks on values", "[input][report]") {
  CHECK(parse_error("schema: '1'\n") ==
        "r.yaml:1:9: schema: got text \"1\" (remove the quotes); expected 1 or 2");
  CHECK(parse_error(with_body("      - table: {columns: [A], rows: [[1]]}\n"
                              "      - figures: [x]\n")) ==
        "r.yaml:8:19: sections[0].body[1].figures[0]: no figure has the id \"x\"; expected an id "
        "given to a figure in the top-level \"figures\" list");
  CHECK(
      parse_error(with_body("      - table: {columns: [{title: A, width: 30}], rows: [[1]]}\n")) ==
      "r.yaml:7:45: sections[0].body[0].table.columns[0].width: got a number, 30, without a "
      "unit; expected a width like \"25%\" or \"30mm\"");
  CHECK(parse_error(with_body("      - table: {columns: [A], rows: [[~]]}\n")) ==
        "r.yaml:7:39: sections[0].body[0].table.rows[0][0]: the cell is empty; expected text or "
        "a number (write \"\" for an empty cell)");
  CHECK(parse_error(with_body("      - list: {style: bulet, items: [a]}\n")) ==
        "r.yaml:7:23: sections[0].body[0].list.style: unknown value \"bulet\" (did you mean "
        "\"bullet\"?); expected one of: bullet, numbered");
  CHECK(parse_error(with_body("      - paragraph: true\n")) ==
        "r.yaml:7:20: sections[0].body[0].paragraph: got true/false, true (write \"true\" in "
        "quotes if it is text); expected text");
  CHECK(parse_error(with_body("      - {table: {columns: [A], rows: [[.inf]]}}\n")) ==
        "r.yaml:7:40: sections[0].body[0].table.rows[0][0]: .inf is not a finite number; "
        "expected text or a number (write \"\" for an empty cell)");
  CHECK(parse_error(kHead + "figures:\n  - {label: L, value: '14,4'}\n") ==
        "r.yaml:5:23: figures[0].value: got text \"14,4\" (YAML numbers take a decimal point: "
        "write value: 14.4); expected a number");
  CHECK(parse_error(kHead + "figures:\n  - {label: L, value: 1, target: 0}\n") ==
        "r.yaml:5:34: figures[0].target: 0 is out of range; expected a number > 0");
  CHECK(parse_error("schema: 1\n" + kDocument + "term: {from: 1800, to: 2015}\n") ==
        "r.yaml:3:14: term.from: 1800 is out of range; expected a year 1900-2200");
  CHECK(parse_error("schema: 1\n" + kDocument + "term: {from: 2010.5, to: 2015}\n") ==
        "r.yaml:3:14: term.from: 2010.5 is not a whole number; expected a year 1900-2200");
  CHECK(parse_error("schema: 1\ndocument: {kind: K, place: P, date: 11/08/2015}\n") ==
        "r.yaml:2:37: document.date: \"11/08/2015\" is not written YYYY-MM-DD; expected a date "
        "YYYY-MM-DD");
  CHECK(parse_error("schema: 1\ndocument:\n  kind:\n") ==
        "r.yaml:3:3: document.kind: got nothing; expected text");
  CHECK(parse_error("schema: 1\ndocument: {kind: \"\"}\n") ==
        "r.yaml:2:18: document.kind: is empty; expected text");
  CHECK(
      parse_error("schema: 1\nshema: 1\n") ==
      "r.yaml:2:1: unknown key \"shema\" (did you mean \"schema\"?); expected one of: schema, "
      "template, document, term, next_term, figures, sections, awards, goals, closing, signature, "
      "recipients, source, contents, appendices, draft");
  CHECK(parse_error("schema: 1\ndocument: {kind: \"\\0\"}\n") ==
        "r.yaml:2:18: document.kind: the text is not valid UTF-8 (from an escape such as \\0 or "
        "\\ud800?); expected text without NUL or lone surrogate escapes");
  CHECK(parse_error("schema: 1\ndocument: !foo {kind: a}\n") ==
        "r.yaml:2:11: document: the YAML tag \"!foo\" is not supported; expected a value without a "
        "tag");
  CHECK(parse_error("schema: 1\n[a]: 1\n") ==
        "r.yaml:2:1: a key must be text, got a list; expected key: value");
}

TEST_CASE("hostile input is an error, not a crash", "[input][report]") {
  // An alias bomb: each level repeats the previous one ten times.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + "]\n";
  }
  CHECK_THROWS_AS(input::parse_report(bomb, "bomb.yaml"), core::InputError);
  CHECK_THROWS_AS(input::parse_report(std::string(100000, '['), "deep.yaml"), core::InputError);
  CHECK_THROWS_AS(input::parse_report(std::string(5000, '{'), "deep.yaml"), core::InputError);
  std::string nested = "a:\n";
  for (int i = 1; i < 200; ++i)
    nested += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- \n";
  CHECK_THROWS_AS(input::parse_report(nested, "nested.yaml"), core::InputError);
  CHECK_THROWS_AS(input::parse_report("\xFF\xFEs\0c\0", "utf16.yaml"), core::InputError);
  CHECK_THROWS_AS(input::parse_report(std::string("a: \"x\0y\"", 8), "nul.yaml"), core::InputError);
  CHECK_THROWS_AS(input::parse_report("key: [unclosed", "x.yaml"), core::InputError);
  CHECK(parse_error("schema: 1\ndocument:\n  title: Phần I: Kết quả\n") ==
        "r.yaml:3:16: YAML syntax error: illegal map value (a second \": \" on this line); "
        "expected quotes around text that contains \": \", e.g. title: \"Phần I: Kết quả\"");
  // yaml-cpp's LoadAll loops forever, allocating, on a stray top-level comma.
  CHECK(parse_error(",\nschema: 1\n") == "r.yaml:1:1: YAML syntax error: \",\" cannot start a "
                                         "value here; expected valid YAML (remove the stray "
                                         "\",\" or quote the text)");
  CHECK(parse_error("- a\n, b\n") == "r.yaml:2:1: YAML syntax error: \",\" cannot start a value "
                                     "here; expected valid YAML (remove the stray \",\" or "
                                     "quote the text)");
  CHECK_THROWS_AS(input::parse_report("? |\n  x\n: y\n", "x.yaml"), core::InputError);
}
