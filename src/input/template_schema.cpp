#include "input/template_schema.hpp"

#include <string>

#include "input/template_schema_blocks.hpp"
#include "input/template_schema_pages.hpp"
#include "input/template_types.hpp"

namespace baocao::input::template_schema {
namespace {

namespace tt = template_types;
using S = style::Style;

void add_top(std::vector<Value>& v) {
  v.push_back(custom("extends", tt::text(false).shape, "", "Mẫu gốc mà tệp này sửa đổi",
                     "The template this file changes (a built-in name or a path)", nullptr));
  v.push_back(value(
      "name", tt::text(true), [](S & s) -> auto& { return s.name; }, "\"\"", "Tên mẫu",
      "The template's name"));
  v.push_back(value(
      "description", tt::text(true), [](S & s) -> auto& { return s.description; }, "\"\"",
      "Mô tả một dòng", "One line that `baocao templates` prints"));
  v.push_back(value(
      "fonts.fallback", tt::families(), [](S & s) -> auto& { return s.fonts_fallback; },
      "[Liberation Serif, Liberation Sans, Noto Sans]", "Các phông dự phòng, theo thứ tự",
      "Families tried, in order, for a character a style's own font lacks"));
  v.push_back(value(
      "numbers.thousands", tt::text(true), [](S & s) -> auto& { return s.numbers.thousands; },
      "\".\"", "Dấu phân cách hàng nghìn", "Thousands separator"));
  v.push_back(value(
      "numbers.decimal", tt::text(false), [](S & s) -> auto& { return s.numbers.decimal; }, "\",\"",
      "Dấu thập phân", "Decimal separator"));
}

void add_page(std::vector<Value>& v) {
  v.push_back(value(
      "page.size", tt::paper(), [](S & s) -> auto& { return s.page.size; }, "A4",
      "Khổ giấy: A4, A5, Letter hoặc [rộng_mm, cao_mm]",
      "Paper: A4, A5, Letter or [width_mm, height_mm]"));
  v.push_back(value(
      "page.margins.top", tt::mm(), [](S & s) -> auto& { return s.page.margin_top; }, "20",
      "Lề trên (mm)", "Top margin, mm"));
  v.push_back(value(
      "page.margins.bottom", tt::mm(), [](S & s) -> auto& { return s.page.margin_bottom; }, "20",
      "Lề dưới (mm)", "Bottom margin, mm"));
  v.push_back(value(
      "page.margins.left", tt::mm(), [](S & s) -> auto& { return s.page.margin_left; }, "30",
      "Lề trái (mm)", "Left margin, mm"));
  v.push_back(value(
      "page.margins.right", tt::mm(), [](S & s) -> auto& { return s.page.margin_right; }, "15",
      "Lề phải (mm)", "Right margin, mm"));
  v.push_back(value(
      "page_number.show", tt::boolean(), [](S & s) -> auto& { return s.page_number.show; }, "true",
      "In số trang", "Print page numbers"));
  v.push_back(value(
      "page_number.first_page", tt::boolean(),
      [](S & s) -> auto& { return s.page_number.on_first_page; }, "false", "In số trang ở trang 1",
      "Also on page 1"));
  v.push_back(value(
      "page_number.from_top", tt::mm(), [](S & s) -> auto& { return s.page_number.from_top; }, "12",
      "Từ mép trên đến chân dòng số trang (mm)", "Page top to the number's baseline, mm"));
  v.push_back(value(
      "page_number.text", tt::text_style(), [](S & s) -> auto& { return s.page_number.text; },
      "{font: Liberation Serif, size: 14, align: center}", "Kiểu chữ số trang",
      "The page number's style"));
  add_page_number_pattern(v);
  add_header(v);
  v.push_back(value(
      "footer.show", tt::boolean(), [](S & s) -> auto& { return s.footer.show; }, "false",
      "In chân trang", "Print the running footer"));
  v.push_back(value(
      "footer.first_page", tt::boolean(), [](S & s) -> auto& { return s.footer.on_first_page; },
      "false", "In chân trang ở trang 1", "Also on page 1"));
  v.push_back(value(
      "footer.from_bottom", tt::mm(), [](S & s) -> auto& { return s.footer.from_bottom; }, "10",
      "Từ mép dưới đến chân dòng chân trang (mm)", "Page bottom to the footer's baseline, mm"));
  v.push_back(value(
      "footer.left", tt::label(margin_line_fields(), {}),
      [](S & s) -> auto& { return s.footer.left; }, "\"\"",
      "Chữ bên trái chân trang ({issuer} {kind} {title} {year} {page} {pages} {section} "
      "{appendix})",
      "Footer text at the left ({issuer} {kind} {title} {year} {page} {pages} {section} "
      "{appendix})"));
  v.push_back(value(
      "footer.right", tt::label(margin_line_fields(), {}),
      [](S & s) -> auto& { return s.footer.right; }, "\"\"", "Chữ bên phải chân trang",
      "Footer text at the right"));
  v.push_back(value(
      "footer.text", tt::text_style(), [](S & s) -> auto& { return s.footer.text; },
      "{font: Liberation Serif, size: 10}", "Kiểu chữ chân trang", "The footer's style"));
  v.push_back(value(
      "footer.rule_width", tt::points(), [](S & s) -> auto& { return s.footer.rule_width; }, "0",
      "Nét kẻ trên chân trang (pt, 0 là không kẻ)", "Rule above the footer, points (0: none)"));
  v.push_back(value(
      "footer.rule_color", tt::color(), [](S & s) -> auto& { return s.footer.rule_color; },
      "\"#000000\"", "Màu nét kẻ đó", "That rule's colour"));
}

/// dang's headings, level by level.
struct HeadingDefault {
  const char* text;
  const char* numbering;
  const char* separator;
};
constexpr HeadingDefault kHeadings[3] = {
    {"{font: Liberation Serif, size: 14, bold: true, uppercase: true, align: left, line_height: "
     "1.3, space_before: 12, space_after: 6}",
     "roman", "\". \""},
    {"{font: Liberation Serif, size: 14, bold: true, align: justify, line_height: 1.3, "
     "first_line_indent: 10, space_before: 6, space_after: 6}",
     "arabic", "\". \""},
    {"{font: Liberation Serif, size: 14, bold: true, italic: true, align: justify, line_height: "
     "1.3, first_line_indent: 10, space_before: 3, space_after: 6}",
     "alpha-vi", "\") \""},
};

void add_body(std::vector<Value>& v) {
  v.push_back(value(
      "body", tt::text_style(), [](S & s) -> auto& { return s.body; },
      "{font: Liberation Serif, size: 14, align: justify, line_height: 1.3, first_line_indent: 10, "
      "space_after: 6}",
      "Kiểu chữ đoạn văn", "Paragraphs' style"));
  // Its own style, not the body's made bold italic: a sans template's labels
  // would otherwise be the only serif bold italic among its sans headings.
  v.push_back(value(
      "sub_label_text", tt::text_style(), [](S & s) -> auto& { return s.sub_label_text; },
      "{font: Liberation Serif, size: 14, bold: true, italic: true, align: justify, line_height: "
      "1.3, first_line_indent: 10, space_after: 6}",
      "Kiểu chữ nhãn trong khối mục tiêu, nhóm khen thưởng",
      "The labels of a goals block's parts and of awards groups"));
  for (int i = 0; i < 3; ++i) {
    const std::string at = "headings[" + std::to_string(i) + "].";
    v.push_back(value(
        at + "text", tt::text_style(), [i](S & s) -> auto& { return s.headings[i].text; },
        kHeadings[i].text, "Kiểu chữ tiêu đề cấp này", "The style of headings at this level"));
    v.push_back(value(
        at + "numbering",
        tt::choice<style::Numbering>({{"none", style::Numbering::none},
                                      {"roman", style::Numbering::roman},
                                      {"arabic", style::Numbering::arabic},
                                      {"alpha-vi", style::Numbering::alpha_vi}}),
        [i](S & s) -> auto& { return s.headings[i].numbering; }, kHeadings[i].numbering,
        "Cách đánh số: none, roman (I), arabic (1), alpha-vi (a)",
        "Numbering: none, roman (I), arabic (1), alpha-vi (a)"));
    v.push_back(value(
        at + "separator", tt::text(true), [i](S & s) -> auto& { return s.headings[i].separator; },
        kHeadings[i].separator, "Giữa số và tên tiêu đề", "Between number and title"));
  }
  v.push_back(value(
      "list.indent", tt::mm(), [](S & s) -> auto& { return s.list.indent; }, "10",
      "Thụt lề mục liệt kê (mm)", "Text's left edge to the item text, mm"));
  v.push_back(value(
      "list.bullet", tt::text(false), [](S & s) -> auto& { return s.list.bullet; }, "\"-\"",
      "Dấu đầu dòng", "Bullet"));
  v.push_back(value(
      "list.number_suffix", tt::text(true), [](S & s) -> auto& { return s.list.number_suffix; },
      "\".\"", "Sau số thứ tự", "After the number"));
  v.push_back(value(
      "list.item_space", tt::points(), [](S & s) -> auto& { return s.list.item_space; }, "3",
      "Khoảng giữa các mục (pt)", "Space between items, points"));
}

void add_table(std::vector<Value>& v) {
  v.push_back(value(
      "table.cell", tt::text_style(), [](S & s) -> auto& { return s.table.cell; },
      "{font: Liberation Serif, size: 12, line_height: 1.2}", "Kiểu chữ ô bảng",
      "Body cells' style"));
  v.push_back(value(
      "table.header", tt::text_style(), [](S & s) -> auto& { return s.table.header; },
      "{font: Liberation Serif, size: 12, bold: true, align: center, line_height: 1.2}",
      "Kiểu chữ hàng tiêu đề", "Header row's style"));
  v.push_back(value(
      "table.caption", tt::text_style(), [](S & s) -> auto& { return s.table.caption; },
      "{font: Liberation Serif, size: 13, bold: true, align: center, line_height: 1.3, "
      "space_before: 6, space_after: 4}",
      "Kiểu chữ tên bảng, tên biểu đồ", "Table and chart captions' style"));
  v.push_back(value(
      "table.rule_width", tt::points(), [](S & s) -> auto& { return s.table.rule_width; }, "0.5",
      "Độ dày đường kẻ (pt)", "Grid lines, points"));
  v.push_back(value(
      "table.padding_x", tt::mm(), [](S & s) -> auto& { return s.table.padding_x; }, "1.5",
      "Lề trong ô, trái và phải (mm)", "Cell padding left and right, mm"));
  v.push_back(value(
      "table.padding_y", tt::mm(), [](S & s) -> auto& { return s.table.padding_y; }, "1",
      "Lề trong ô, trên và dưới (mm)", "Cell padding above and below, mm"));
  v.push_back(value(
      "table.header_fill", tt::color(), [](S & s) -> auto& { return s.table.header_fill; },
      "\"#e8e8e8\"", "Màu nền hàng tiêu đề", "Header row background"));
  v.push_back(value(
      "table.space_after", tt::points(), [](S & s) -> auto& { return s.table.space_after; }, "8",
      "Khoảng sau bảng (pt)", "Space after a table, points"));
  v.push_back(value(
      "table.zebra", tt::boolean(), [](S & s) -> auto& { return s.table.zebra; }, "false",
      "Tô xen kẽ hàng", "Stripe every second body row"));
  v.push_back(value(
      "table.stripe_fill", tt::color(), [](S & s) -> auto& { return s.table.stripe_fill; },
      "\"#f2f2f2\"", "Màu hàng tô xen kẽ", "Striped rows' background"));
}

/// The words of indicators (docs/indicators.md): targets, assessment, change, tally.
void add_indicators(std::vector<Value>& v) {
  using L = std::string& (*)(S&);
  auto words = [&](const char* key, L field, std::vector<std::string> allowed,
                   std::vector<std::string> required, const char* def, const char* vi,
                   const char* en) {
    v.push_back(value(std::string("indicators.") + key,
                      tt::label(std::move(allowed), std::move(required)), field, def, vi, en));
  };
  words(
      "against", [](S & s) -> auto& { return s.indicators.against; }, {}, {}, "chỉ tiêu",
      "So với gì, khi chỉ tiêu không ghi (nghị quyết, kế hoạch…)",
      "What a result is measured against when the indicator does not say");
  const std::vector<std::string> target = {"target"};
  words(
      "equal", [](S & s) -> auto& { return s.indicators.equal; }, target, target, "\"{target}\"",
      "Chỉ tiêu bằng (equal)", "A target to be equalled");
  words(
      "at_least", [](S & s) -> auto& { return s.indicators.at_least; }, target, target,
      "\"từ {target} trở lên\"", "Chỉ tiêu từ … trở lên (at_least)", "An at_least target");
  words(
      "more_than", [](S & s) -> auto& { return s.indicators.more_than; }, target, target,
      "\"trên {target}\"", "Chỉ tiêu trên … (more_than)", "A more_than target");
  words(
      "at_most", [](S & s) -> auto& { return s.indicators.at_most; }, target, target,
      "\"không quá {target}\"", "Chỉ tiêu không quá … (at_most)", "An at_most target");
  words(
      "less_than", [](S & s) -> auto& { return s.indicators.less_than; }, target, target,
      "\"dưới {target}\"", "Chỉ tiêu dưới … (less_than)", "A less_than target");
  words(
      "about", [](S & s) -> auto& { return s.indicators.about; }, target, target,
      "\"khoảng {target}\"", "Chỉ tiêu khoảng … (about)", "An about target");
  words(
      "exceeded_by", [](S & s) -> auto& { return s.indicators.exceeded_by; },
      {"percent", "against"}, {"percent"}, "\"vượt {percent}% so với {against}\"",
      "Vượt, tính theo phần trăm chỉ tiêu", "Exceeded, as a percent over the target");
  words(
      "reached_share", [](S & s) -> auto& { return s.indicators.reached_share; },
      {"percent", "against"}, {"percent"}, "\"đạt {percent}% {against}\"",
      "Chưa đạt, tính theo phần trăm chỉ tiêu", "Missed, as the share of the target reached");
  const std::vector<std::string> compared = {"against", "result", "target"};
  words(
      "exceeded", [](S & s) -> auto& { return s.indicators.exceeded; }, compared, {},
      "\"vượt {against}\"", "Vượt, so kết quả với chỉ tiêu",
      "Exceeded, the result against the target");
  words(
      "met", [](S & s) -> auto& { return s.indicators.met; }, compared, {}, "\"đạt {against}\"",
      "Đạt đúng chỉ tiêu", "Met");
  words(
      "missed", [](S & s) -> auto& { return s.indicators.missed; }, compared, {},
      "\"không đạt ({result} so với {against} {target})\"", "Không đạt, so kết quả với chỉ tiêu",
      "Missed, the result against the target");
  words(
      "stated_exceeded", [](S & s) -> auto& { return s.indicators.stated_exceeded; }, {}, {},
      "vượt", "Vượt, do báo cáo ghi (chỉ tiêu bằng lời)", "Exceeded, as a report states it");
  words(
      "stated_met", [](S & s) -> auto& { return s.indicators.stated_met; }, {}, {}, "đạt",
      "Đạt, do báo cáo ghi", "Met, as a report states it");
  words(
      "stated_missed", [](S & s) -> auto& { return s.indicators.stated_missed; }, {}, {},
      "không đạt", "Không đạt, do báo cáo ghi", "Missed, as a report states it");
  const std::vector<std::string> amount = {"amount"};
  words(
      "increase", [](S & s) -> auto& { return s.indicators.increase; }, amount, amount,
      "\"tăng {amount}\"", "Tăng so với mốc", "A rise from the baseline");
  words(
      "decrease", [](S & s) -> auto& { return s.indicators.decrease; }, amount, amount,
      "\"giảm {amount}\"", "Giảm so với mốc", "A fall from the baseline");
  words(
      "unchanged", [](S & s) -> auto& { return s.indicators.unchanged; }, {}, {}, "không thay đổi",
      "Không đổi so với mốc", "No change from the baseline");
  words(
      "since", [](S & s) -> auto& { return s.indicators.since; }, {"change", "when"}, {"change"},
      "\"{change} so với {when}\"", "Thay đổi so với thời điểm của mốc",
      "The change and when the baseline was");
  words(
      "ratio", [](S & s) -> auto& { return s.indicators.ratio; }, {"ratio"}, {"ratio"},
      "\"{ratio} lần\"", "Thay đổi tính bằng lần", "A change as a ratio");
  words(
      "points", [](S & s) -> auto& { return s.indicators.points; }, {"points"}, {"points"},
      "\"{points} điểm phần trăm\"", "Hiệu hai tỷ lệ, tính bằng điểm phần trăm",
      "The difference of two percentages, in points");
  v.push_back(value(
      "indicators.percent_difference", tt::choice<bool>({{"points", false}, {"percent", true}}),
      [](S & s) -> auto& { return s.indicators.points_as_percent; }, "points",
      "Hiệu hai tỷ lệ viết \"1,94 điểm phần trăm\" (points) hay \"1,94%\" (percent)",
      "A difference of two percentages as \"1.94 points\" (points) or \"1.94%\" (percent)"));
  words(
      "tally", [](S & s) -> auto& { return s.indicators.tally; },
      {"count", "total", "exceeded", "met", "missed"}, {"count"},
      "\"{count}/{total} chỉ tiêu đạt và vượt\"", "Dòng tổng hợp đánh giá chỉ tiêu",
      "The line counting the indicators met or exceeded");
}

/// How the tables of indicators number their rows, mark a missed target
/// and close with the tally line.
void add_indicator_table(std::vector<Value>& v) {
  v.push_back(value(
      "indicators.group_number", tt::label({"roman", "n"}, {}),
      [](S & s) -> auto& { return s.indicator_table.group_number; }, "\"{roman}\"",
      "Số thứ tự của dòng nhóm chỉ tiêu ({roman}: I, II; {n}: 1, 2; \"\": không đánh số)",
      "A group row's number ({roman}: I, II; {n}: 1, 2; \"\": none)"));
  v.push_back(value(
      "indicators.numbering", tt::label({"n"}, {"n"}),
      [](S & s) -> auto& { return s.indicator_table.numbering; }, "\"{n}\"",
      "Số thứ tự chỉ tiêu, nối tiếp qua các nhóm", "An indicator's number, on across groups"));
  v.push_back(value(
      "indicators.missed_mark",
      tt::choice<style::MissedMark>({{"bold", style::MissedMark::bold},
                                     {"color", style::MissedMark::color},
                                     {"none", style::MissedMark::none}}),
      [](S & s) -> auto& { return s.indicator_table.missed_mark; }, "bold",
      "Đánh dấu chỉ tiêu không đạt: bold (in đậm), color (tô màu), none",
      "How a missed target is marked: bold, color or none"));
  v.push_back(value(
      "indicators.missed_color", tt::color(),
      [](S & s) -> auto& { return s.indicator_table.missed_color; }, "\"#C00000\"",
      "Màu chữ chỉ tiêu không đạt (missed_mark: color)",
      "A missed target's colour (missed_mark: color)"));
  v.push_back(custom("indicators.tally_line", tt::text(true).shape, "\"Kết quả: {tally}.\"",
                     "Dòng tổng hợp dưới bảng chỉ tiêu (\"\": không có)",
                     "The line under the results table (\"\": none)", [](const Tree& t, S& s) {
                       std::string line = tt::label({"tally"}, {}).read(t);
                       // "" turns the line off; any other text must carry the count.
                       if (!line.empty() && line.find("{tally}") == std::string::npos) {
                         fail(t, "the label has no {tally}", "\"\" or a text containing {tally}");
                       }
                       s.indicator_table.tally_line = line;
                     }));
}

void add_justify(std::vector<Value>& v) {
  v.push_back(value(
      "justify.stretch", tt::share(true), [](S & s) -> auto& { return s.justify.stretch; }, "0.5",
      "Khoảng trắng giãn thêm tối đa khi căn đều (phần của độ rộng)",
      "How much a space may grow in a justified line, a share of its width"));
  v.push_back(value(
      "justify.shrink", tt::share(false), [](S & s) -> auto& { return s.justify.shrink; }, "0.2",
      "Khoảng trắng co lại tối đa (phần của độ rộng)",
      "How much a space may shrink, a share of its width"));
  v.push_back(value(
      "justify.max_space", tt::multiple(1, 5), [](S & s) -> auto& { return s.justify.max_space; },
      "2.0", "Khoảng trắng rộng nhất, bội số độ rộng thường, trừ khi không thể ngắt khác",
      "The widest a space may get, in natural widths, unless no other breaks avoid it"));
}

std::vector<Value> make_values() {
  std::vector<Value> v;
  add_top(v);
  add_page(v);
  add_body(v);
  add_justify(v);
  add_table(v);
  add_blocks(v);
  add_contents_and_appendix(v);
  add_indicators(v);
  add_indicator_table(v);
  return v;
}

Section section(std::string path, std::string vi, std::string en, std::string expected) {
  return Section{std::move(path), std::move(vi), std::move(en), std::move(expected), 0, ""};
}

std::vector<Section> make_sections() {
  std::vector<Section> s = {
      section("", "Mẫu trình bày báo cáo (baocao)", "A baocao report template",
              "a template mapping (see templates/dang.yaml)"),
      section("fonts", "Phông chữ", "Fonts", "a mapping {fallback: [...]}"),
      section("numbers", "Cách viết số", "How numbers are written",
              "a mapping {thousands: \".\", decimal: \",\"}"),
      section("page", "Trang giấy", "The page", "a mapping with size and margins"),
      section("page.margins", "Lề trang (mm)", "Margins, mm",
              "a mapping {top, bottom, left, right} in mm"),
      section("page_number", "Số trang", "Page numbers",
              "a mapping with show, first_page, from_top and text"),
      section("header", "Đầu trang", "The running header",
              "a mapping with show, first_page, from_top, left, right, text, rule_width and "
              "rule_color"),
      section("footer", "Chân trang", "The running footer",
              "a mapping with show, first_page, from_bottom, left, right, text, rule_width and "
              "rule_color"),
      Section{"headings", "Ba cấp tiêu đề (I., 1., a))", "The three heading levels (I., 1., a))",
              "a list of exactly 3 headings (levels I., 1., a))", 3,
              "a heading mapping with text, numbering and separator"},
      section("list", "Danh sách liệt kê", "Lists",
              "a mapping with indent, bullet, number_suffix and item_space"),
      section("table", "Bảng", "Tables", "a table style mapping"),
      section("masthead", "Phần đầu trang 1", "The page-1 masthead", "a masthead style mapping"),
      section("signature", "Khối chữ ký và nơi nhận", "The signature and recipients block",
              "a signature style mapping"),
      section("labels", "Các chữ chương trình viết", "Every word the program writes",
              "a mapping of labels"),
      section("indicators", "Chữ viết về chỉ tiêu: mức, đánh giá, thay đổi",
              "The words of indicators: targets, assessment, change",
              "a mapping of indicator words"),
      section("justify", "Căn đều hai lề", "Justified lines",
              "a mapping with stretch, shrink and max_space"),
      section("chart", "Biểu đồ", "Charts", "a chart style mapping"),
      section("image", "Hình ảnh trong bài", "Pictures in the body",
              "a mapping with caption_text, caption, caption_gap, min_scale, space_before and "
              "space_after"),
      section("awards", "Mặc định của khối khen thưởng", "Defaults of an awards block",
              "a mapping with as, group_by, sort and summary"),
      section("key_figures", "Khối số liệu chủ yếu", "Figures blocks",
              "a key figures style mapping"),
      section("contents", "Mục lục", "The contents page", "a contents style mapping"),
      section("appendix", "Phụ lục", "Appendices", "an appendix style mapping"),
      section("marks", "Dấu độ khẩn, phạm vi lưu hành, dự thảo (Nghị định 30)",
              "Urgency, distribution and draft marks (Decree 30)", "a marks style mapping"),
  };
  return s;
}

} // namespace

const std::vector<Value>& values() {
  static const std::vector<Value> v = make_values();
  return v;
}

const std::vector<Section>& sections() {
  static const std::vector<Section> s = make_sections();
  return s;
}

std::string parent_of(const std::string& path) {
  auto dot = path.rfind('.');
  return dot == std::string::npos ? "" : path.substr(0, dot);
}

std::string key_of(const std::string& path) {
  auto dot = path.rfind('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}

} // namespace baocao::input::template_schema
